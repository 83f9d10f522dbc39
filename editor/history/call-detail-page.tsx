/**
 * One call (#/history/<id>): who called which number when, how long, the result; the path drawn
 * on the flow version it ran; the steps in order, the variables, the transcript and recordings;
 * the SMS and notifications with their delivery status; 「テストケースにする」 and delete.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { type CallDetail, historyApi } from '../api/history-client.ts';
import { navigate } from '../app.tsx';
import { useCan } from '../auth/account-store.ts';
import { durationText, tokyoTime } from '../model/history-format.ts';
import { portNames } from '../model/kind-meta.ts';
import { formatDateTime } from '../model/pages-format.ts';
import { useLoad } from '../pages/use-load.ts';
import { CallNotifications, CallSms } from './call-deliveries.tsx';
import { useCallerText } from './call-log-table.tsx';
import { CallPathCanvas } from './call-path-canvas.tsx';
import { CallRecordings } from './call-recordings.tsx';
import { DeleteCallDialog } from './delete-call-dialog.tsx';
import { OutcomeBadge } from './outcome-badge.tsx';
import { TestCaseButton } from './test-case-button.tsx';
import '../pages/pages.css';
import './history.css';

export function CallDetailPage({ callId }: { callId: string }) {
  const { t } = useTranslation('history');
  const { t: tp } = useTranslation('pages');
  const loaded = useLoad(() =>
    historyApi.call(callId).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }),
  );
  return (
    <div className="page history-page history-detail">
      <p className="history-back">
        <a href="#/history" className="text-link">
          ← {t('detail.back')}
        </a>
      </p>
      {loaded.error && (
        <div className="notice error" role="alert">
          {t('detail.loadFailed', { message: loaded.error })}{' '}
          <button type="button" className="button small" onClick={loaded.reload}>
            {tp('retry')}
          </button>
        </div>
      )}
      {loaded.data === null && <p className="notice warn">{t('detail.notFound')}</p>}
      {loaded.data && <Detail call={loaded.data} />}
    </div>
  );
}

function Detail({ call }: { call: CallDetail }) {
  const { t, i18n } = useTranslation('history');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const callerText = useCallerText();
  const [deleting, setDeleting] = useState(false);
  // Making a test case and deleting the call are for operators and up.
  const editable = useCan()('history:edit');
  const when = formatDateTime(call.startedAt, lang);
  const caller = callerText(call);
  const portName = (port: string) => portNames[port]?.[lang] ?? port;
  const vars = Object.entries(call.vars).sort(([a], [b]) => a.localeCompare(b));
  const facts: Array<[string, React.ReactNode]> = [
    [t('detail.facts.caller'), call.contactName ? `${call.contactName}(${call.callerDisplay})` : caller],
    [
      t('detail.facts.number'),
      call.numberLabel ? `${call.numberDisplay}(${call.numberLabel})` : call.numberDisplay,
    ],
    [t('detail.facts.start'), when],
    [t('detail.facts.end'), call.endedAt ? formatDateTime(call.endedAt, lang) : '—'],
    [t('detail.facts.duration'), durationText(call.durationSeconds, lang)],
    [
      t('detail.facts.result'),
      <OutcomeBadge key="r" outcome={call.outcome} reason={call.reason} provisional={!call.summarized} />,
    ],
  ];
  if (call.answerSeconds !== null)
    facts.push([t('detail.facts.answer'), durationText(call.answerSeconds, lang)]);
  if (call.flowId)
    facts.push([
      t('detail.facts.flow'),
      t('detail.flowVersion', { name: call.flowName ?? call.flowId, version: call.flowVersion ?? '—' }),
    ]);
  if (call.digits.length > 0) facts.push([t('detail.facts.digits'), call.digits.join(' / ')]);
  if (call.menuChoices.length > 0)
    facts.push([
      t('detail.facts.menu'),
      call.menuChoices
        .map((m) => (m.label ? `${m.key}(${m.label})` : m.heard ? `「${m.heard}」` : m.key))
        .join(' → '),
    ]);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('detail.title')}</h1>
          <p className="page-intro">
            {when} · {caller}
          </p>
        </div>
        <div className="page-actions">
          {/* Only a call that ran a flow can be replayed (not one turned away before it). */}
          {editable && call.flowId && call.flowVersion !== null && call.steps.length > 0 && (
            <TestCaseButton callId={call.id} />
          )}
          {editable && (
            <button
              type="button"
              className="button"
              onClick={() => setDeleting(true)}
              disabled={call.status === 'live'}
            >
              {t('detail.delete')}
            </button>
          )}
        </div>
      </div>

      <dl className="panel history-facts" data-testid="call-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <section className="history-section" aria-labelledby="call-path-title">
        <h2 id="call-path-title">{t('detail.path')}</h2>
        <p className="field-help">{t('detail.pathHelp')}</p>
        <div className="history-path-layout">
          <CallPathCanvas call={call} />
          {call.steps.length > 0 && (
            <ol className="panel history-steps" aria-label={t('detail.steps')} data-testid="call-steps">
              {call.steps.map((step, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a step may be visited twice; the order is fixed
                <li key={index} data-node-id={step.nodeId}>
                  <span className="muted history-step-time">{tokyoTime(step.at)}</span>{' '}
                  {step.port
                    ? t('detail.stepLine', { label: step.label, port: portName(step.port) })
                    : step.label}
                </li>
              ))}
            </ol>
          )}
        </div>
      </section>

      {(call.transcript || call.recordings.length > 0) && (
        <section className="history-section" aria-labelledby="call-recordings-title">
          <h2 id="call-recordings-title">{t('detail.recordings')}</h2>
          {call.recordings.length > 0 ? (
            <CallRecordings recordings={call.recordings} />
          ) : (
            <blockquote className="history-transcript">{call.transcript}</blockquote>
          )}
        </section>
      )}

      <div className="history-columns">
        <section className="history-section" aria-labelledby="call-sms-title">
          <h2 id="call-sms-title">{t('detail.sms')}</h2>
          <CallSms sms={call.sms} />
        </section>
        <section className="history-section" aria-labelledby="call-notifications-title">
          <h2 id="call-notifications-title">{t('detail.notifications')}</h2>
          <CallNotifications notifications={call.notifications} />
        </section>
      </div>

      <section className="history-section" aria-labelledby="call-vars-title">
        <h2 id="call-vars-title">{t('detail.vars')}</h2>
        {vars.length === 0 ? (
          <p className="muted">{t('detail.noVars')}</p>
        ) : (
          <div className="panel table-wrap">
            <table className="data-table history-vars">
              <caption>{t('detail.vars')}</caption>
              <tbody>
                {vars.map(([name, value]) => (
                  <tr key={name}>
                    <th scope="row" className="mono">
                      {name}
                    </th>
                    <td className="history-var-value">{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {deleting && (
        <DeleteCallDialog
          call={call}
          onClose={() => setDeleting(false)}
          onDeleted={() => navigate('/history')}
        />
      )}
    </>
  );
}
