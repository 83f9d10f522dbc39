/**
 * The problems list: the live validation of the open flow, errors first. Choosing a problem
 * selects its step and asks the canvas to centre it; a problem of the whole flow (the first
 * step, say) clears the selection so the inspector shows the flow's settings.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../schema/issue.ts';
import { issueKeys, sortIssues, stepLabel } from '../model/inspector-issue-text.ts';
import { useEditor } from '../state/editor-store.ts';
import { useIssueMessage, useLang } from './issue-message.ts';
import { SeverityIcon } from './severity-icon.tsx';
import './problems-panel.css';

export function ProblemsPanel() {
  const { t } = useTranslation('problems');
  const lang = useLang();
  const issues = useEditor((s) => s.issues);
  const flow = useEditor((s) => s.flow);
  const message = useIssueMessage();
  const sorted = useMemo(() => sortIssues(issues), [issues]);
  const keys = useMemo(() => issueKeys(sorted), [sorted]);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const nodes = useMemo(() => new Map(flow?.nodes.map((n) => [n.id, n]) ?? []), [flow]);

  const open = (issue: Issue) => {
    const store = useEditor.getState();
    if (issue.nodeId && nodes.has(issue.nodeId)) store.requestFocus(issue.nodeId);
    else store.select([]);
  };

  return (
    <section className="problems" aria-labelledby="problems-title">
      <header className="problems-header">
        <h2 id="problems-title">{t('title')}</h2>
        <p
          className={`problems-summary${issues.length === 0 ? ' ok' : ''}`}
          data-testid="problems-summary"
          role="status"
        >
          {issues.length === 0 ? (
            <>
              <SeverityIcon severity="ok" />
              {t('none')}
            </>
          ) : (
            t('summary', { errors, warnings: issues.length - errors })
          )}
        </p>
      </header>
      {sorted.length > 0 && (
        <ul className="problems-list">
          {sorted.map((issue, index) => {
            const step = issue.nodeId ? stepLabel(nodes.get(issue.nodeId), issue.nodeId, lang) : t('flow');
            return (
              <li key={keys[index]}>
                <button
                  type="button"
                  className={`problem ${issue.severity}`}
                  data-testid="problem"
                  data-severity={issue.severity}
                  data-node-id={issue.nodeId}
                  onClick={() => open(issue)}
                  title={t('goTo', { step })}
                >
                  <SeverityIcon severity={issue.severity} label={t(issue.severity)} />
                  <span className="problem-text">
                    <span className="problem-message">{message(issue)}</span>
                    <span className="problem-step">{step}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
