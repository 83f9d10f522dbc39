/**
 * One page of the call log: direction, caller (the contact's name when the book knows the
 * number, else the number as people write it), number called, start, duration, result, flow,
 * and the row's actions (details, delete).
 */
import { useTranslation } from 'react-i18next';
import type { CallLogEntry } from '../api/history-client.ts';
import { durationText } from '../model/history-format.ts';
import { formatDateTime } from '../model/pages-format.ts';
import { OutcomeBadge } from './outcome-badge.tsx';

/** The caller as the log shows it: name first when known, the number under it. */
export function useCallerText(): (
  entry: Pick<CallLogEntry, 'from' | 'callerDisplay' | 'contactName'>,
) => string {
  const { t } = useTranslation('history');
  return (entry) => entry.contactName ?? (entry.from === 'anonymous' ? t('anonymous') : entry.callerDisplay);
}

/** Without `onDelete` (a role that may not delete calls) the rows have no delete button. */
export function CallLogTable(props: {
  calls: CallLogEntry[];
  onDelete?: ((entry: CallLogEntry) => void) | undefined;
}) {
  const { t, i18n } = useTranslation('history');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const callerText = useCallerText();
  return (
    <div className="panel table-wrap">
      <table className="data-table history-table" data-testid="call-log">
        <caption>{t('log.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('log.columns.start')}</th>
            <th scope="col">{t('log.columns.direction')}</th>
            <th scope="col">{t('log.columns.caller')}</th>
            <th scope="col">{t('log.columns.number')}</th>
            <th scope="col">{t('log.columns.duration')}</th>
            <th scope="col">{t('log.columns.result')}</th>
            <th scope="col">{t('log.columns.flow')}</th>
            <th scope="col">{t('log.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.calls.map((entry) => {
            const when = formatDateTime(entry.startedAt, lang);
            const caller = callerText(entry);
            return (
              <tr key={entry.id} data-call-id={entry.id}>
                <th scope="row" className="nowrap">
                  {when}
                </th>
                <td>{t('inbound')}</td>
                <td>
                  <div>{caller}</div>
                  {entry.contactName && <div className="muted history-sub">{entry.callerDisplay}</div>}
                </td>
                <td className="nowrap">
                  <div>{entry.numberDisplay}</div>
                  {entry.numberLabel && <div className="muted history-sub">{entry.numberLabel}</div>}
                </td>
                <td className="nowrap history-num">{durationText(entry.durationSeconds, lang)}</td>
                <td>
                  <OutcomeBadge
                    outcome={entry.outcome}
                    reason={entry.reason}
                    provisional={!entry.summarized}
                  />
                </td>
                <td>{entry.flowName ?? entry.flowId ?? <span className="muted">—</span>}</td>
                <td>
                  <div className="row-actions">
                    <a
                      className="button small"
                      href={`#/history/${encodeURIComponent(entry.id)}`}
                      aria-label={t('log.openLabel', { when, caller })}
                    >
                      {t('log.open')}
                    </a>
                    {props.onDelete && (
                      <button
                        type="button"
                        className="button small"
                        aria-label={t('log.deleteLabel', { when, caller })}
                        onClick={() => props.onDelete?.(entry)}
                        disabled={entry.status === 'live'}
                      >
                        {t('log.delete')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
