/**
 * The outcome of the simulated call at a glance: how it ended, the steps it went through, and
 * the SMS and staff notifications it would send (the things that cost money or reach people).
 */
import { useTranslation } from 'react-i18next';
import type { SimulationRun } from './use-simulation.ts';
import { nationalNumber, nodeName } from './wording.ts';

export function CallSummary({ run }: { run: SimulationRun | null }) {
  const { t } = useTranslation('simulator');
  const result = run?.result;
  let status = t('result.notStarted');
  let tone = 'idle';
  if (result && run?.waiting) {
    status = t('result.running');
    tone = 'running';
  } else if (result) {
    status =
      result.result === 'failed'
        ? t('result.failed', { message: result.failure?.message ?? '' })
        : t(`result.${result.result}`);
    tone = result.result === 'failed' || result.result === 'unfinished' ? 'bad' : 'done';
  }
  const sms = result?.effects.filter((e) => e.type === 'send-sms') ?? [];
  const notifications = result?.effects.filter((e) => e.type === 'notify') ?? [];

  return (
    <section className="sim-summary" aria-label={t('result.title')}>
      <h3>{t('result.title')}</h3>
      <p
        className={`sim-result sim-result-${tone}`}
        data-testid="sim-result"
        data-result={result?.result ?? ''}
        tabIndex={-1}
      >
        {status}
      </p>
      {run && result && (
        <>
          <h4>{t('result.path')}</h4>
          <ol className="sim-path">
            {result.path.map((nodeId, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the path only grows; a node may appear twice
              <li key={`${i}-${nodeId}`}>{nodeName(run.flow, nodeId)}</li>
            ))}
          </ol>
          <h4>{t('effects.sms')}</h4>
          {sms.length === 0 ? (
            <p className="sim-muted">{t('effects.none')}</p>
          ) : (
            <ul className="sim-effects">
              {sms.map((e) => (
                <li key={e.idempotencyKey}>
                  <span className="sim-effect-to">
                    {t('effects.smsTo', {
                      to: nationalNumber(e.to),
                      segments: e.segments,
                      encoding: e.encoding,
                    })}
                  </span>
                  <p>{e.text}</p>
                </li>
              ))}
            </ul>
          )}
          <h4>{t('effects.notifications')}</h4>
          {notifications.length === 0 ? (
            <p className="sim-muted">{t('effects.none')}</p>
          ) : (
            <ul className="sim-effects">
              {notifications.map((e) => (
                <li key={e.idempotencyKey}>
                  <span className="sim-effect-to">{t('effects.notifyTo', { channel: e.channel })}</span>
                  <p>{e.message}</p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
