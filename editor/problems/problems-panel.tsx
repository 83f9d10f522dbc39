/**
 * The problems list: the live validation of the open flow, errors first. Choosing a problem
 * selects its step and asks the canvas to centre it; a problem of the whole flow (the first
 * step, say) clears the selection so the inspector shows the flow's settings.
 *
 * Validation runs on every edit, dragging included; the list redraws only when the issues or
 * the steps' names change, so a long list does not cost frames while a step is moved.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../schema/issue.ts';
import { issueKeys, sortIssues, stepLabel } from '../model/inspector-issue-text.ts';
import { useEditor } from '../state/editor-store.ts';
import { formatIssue, useLang, useStableIssues } from './issue-message.ts';
import { SeverityIcon } from './severity-icon.tsx';
import './problems-panel.css';

interface Row {
  key: string;
  issue: Issue;
  message: string;
  step: string;
  /** The step to focus, when it still exists. */
  nodeId: string | undefined;
}

export function ProblemsPanel() {
  const { t } = useTranslation('problems');
  const lang = useLang();
  const issues = useStableIssues();
  // Step names (and option labels) appear in the rows: redraw when they change, not on every move.
  const names = useEditor(
    (s) =>
      s.flow?.nodes
        .map(
          (n) =>
            `${n.id}\u0000${n.label ?? ''}\u0000${n.kind === 'menu' ? JSON.stringify(n.params.options) : ''}`,
        )
        .join('\u0001') ?? '',
  );
  const rows = useMemo((): Row[] => {
    void names;
    const flow = useEditor.getState().flow;
    const nodes = new Map(flow?.nodes.map((n) => [n.id, n]) ?? []);
    const sorted = sortIssues(issues);
    const keys = issueKeys(sorted);
    return sorted.map((issue, index) => {
      const known = issue.nodeId !== undefined && nodes.has(issue.nodeId);
      return {
        key: keys[index]!,
        issue,
        message: formatIssue(issue, flow, lang, t),
        step: issue.nodeId ? stepLabel(nodes.get(issue.nodeId), issue.nodeId, lang) : t('flow'),
        nodeId: known ? issue.nodeId : undefined,
      };
    });
  }, [issues, names, lang, t]);
  const errors = issues.filter((i) => i.severity === 'error').length;

  const open = (row: Row) => {
    const store = useEditor.getState();
    if (row.nodeId) store.requestFocus(row.nodeId);
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
      {rows.length > 0 && (
        <ul className="problems-list">
          {rows.map((row) => (
            <li key={row.key}>
              <button
                type="button"
                className={`problem ${row.issue.severity}`}
                data-testid="problem"
                data-severity={row.issue.severity}
                data-node-id={row.issue.nodeId}
                onClick={() => open(row)}
                title={t('goTo', { step: row.step })}
              >
                <SeverityIcon severity={row.issue.severity} label={t(row.issue.severity)} />
                <span className="problem-text">
                  <span className="problem-message">{row.message}</span>
                  <span className="problem-step">{row.step}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
