/**
 * The result of the last save, publish or rollback under the toolbar. When the server refused
 * the flow, its issues are listed and each one selects its step on the canvas.
 */
import { useTranslation } from 'react-i18next';
import { useIssueMessage } from '../problems/issue-message.ts';
import { useEditor } from '../state/editor-store.ts';
import type { Notice } from './use-flow-actions.ts';

/** The notice lists the first few; the problems list at the bottom has them all. */
const shownIssues = 5;

export function NoticeBar({ notice, onDismiss }: { notice: Notice | null; onDismiss(): void }) {
  const { t } = useTranslation('flowPage');
  const flow = useEditor((s) => s.flow);
  const requestFocus = useEditor((s) => s.requestFocus);
  const message = useIssueMessage();
  if (!notice) return <div className="notice-bar-empty" role="status" />;
  const label = (nodeId: string) => flow?.nodes.find((n) => n.id === nodeId)?.label ?? nodeId;

  return (
    <div
      className={`notice-bar notice-${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="flow-notice"
    >
      <div className="notice-text">
        <p>{notice.text}</p>
        {notice.issues && (
          <ul>
            {notice.issues.slice(0, shownIssues).map((issue) => (
              <li key={`${issue.path}-${issue.code}`}>
                {issue.nodeId ? (
                  <button type="button" className="link-button" onClick={() => requestFocus(issue.nodeId!)}>
                    {t('issueAt', { node: label(issue.nodeId), message: message(issue) })}
                  </button>
                ) : (
                  message(issue)
                )}
              </li>
            ))}
            {notice.issues.length > shownIssues && (
              <li>{t('moreIssues', { count: notice.issues.length - shownIssues })}</li>
            )}
          </ul>
        )}
      </div>
      <button type="button" className="notice-close" onClick={onDismiss} aria-label={t('dismiss')}>
        ×
      </button>
    </div>
  );
}
