/**
 * One channel in the list: its kind, name and id, how sending to it has gone — a channel that
 * keeps failing is flagged in red with the last error and when it happened — and its actions,
 * テスト送信 first, whose result is announced right under it.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInfo } from '../api/client.ts';
import { useCan } from '../auth/account-store.ts';
import { healthView } from '../model/pages-channels.ts';
import { isChannelKind } from '../model/pages-channels-kinds.ts';
import { formatDateTime, type Lang } from '../model/pages-format.ts';
import { ChannelIcon } from './channels-icon.tsx';

/** The test button's last result for a channel. */
export type TestState = { status: 'sending' } | { status: 'ok' } | { status: 'failed'; error: string };

export function ChannelCard({
  channel,
  test,
  onTest,
  onEdit,
  onDelete,
}: {
  channel: ChannelInfo;
  test: TestState | undefined;
  onTest: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation('pages');
  const lang: Lang = i18n.language === 'en' ? 'en' : 'ja';
  const titleId = useId();
  const health = healthView(channel);
  // Sending a test, editing and deleting are for editors; the health is for everyone to see.
  const editable = useCan()('settings:edit');
  const kindName = isChannelKind(channel.type) ? t(`channels.kinds.${channel.type}.name`) : channel.type;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, lang) : '');
  const lastError =
    (health.state === 'failing' || health.state === 'recent-failure') && health.lastError
      ? health.lastErrorAt
        ? t('channels.health.lastError', { at: when(health.lastErrorAt), error: health.lastError })
        : t('channels.health.lastErrorNoTime', { error: health.lastError })
      : undefined;
  const count = 'failures' in health ? health.failures : 0;
  const badge = {
    failing: { className: 'badge danger', text: t('channels.health.failing', { count }) },
    'recent-failure': { className: 'badge warn', text: t('channels.health.recentFailure', { count }) },
    unconfigured: { className: 'badge warn', text: t('channels.health.unconfigured') },
    ok: { className: 'badge', text: t('channels.health.ok') },
    untested: { className: 'badge off', text: t('channels.health.untested') },
  }[health.state];

  return (
    <li
      className={`panel channel-card ${health.state}`}
      aria-labelledby={titleId}
      data-testid={`channel-${channel.id}`}
    >
      <div className="channel-main">
        <ChannelIcon type={channel.type} />
        <div className="channel-title">
          <h2 id={titleId}>{channel.name}</h2>
          <p className="muted">
            {kindName} · <span className="mono">{t('channels.idLabel', { id: channel.id })}</span>
          </p>
        </div>
        {editable && (
          <div className="row-actions channel-actions">
            <button
              type="button"
              className="button small"
              aria-label={t('channels.testLabel', { name: channel.name })}
              onClick={onTest}
              // Nothing to send to before it is set up: the card says so instead.
              disabled={test?.status === 'sending' || health.state === 'unconfigured'}
            >
              {test?.status === 'sending' ? t('channels.testing') : t('channels.test')}
            </button>
            <button
              type="button"
              className="button small"
              aria-label={t('channels.editLabel', { name: channel.name })}
              onClick={onEdit}
            >
              {t('channels.edit')}
            </button>
            <button
              type="button"
              className="button small"
              aria-label={t('channels.deleteLabel', { name: channel.name })}
              onClick={onDelete}
            >
              {t('channels.delete')}
            </button>
          </div>
        )}
      </div>
      <div className="channel-health" data-testid="channel-health">
        <span className={badge.className}>
          {health.state === 'failing' && <span aria-hidden="true">⚠ </span>}
          {badge.text}
        </span>
        {health.state === 'ok' && health.lastSuccessAt && (
          <span className="muted">
            {t('channels.health.lastSuccess', { at: when(health.lastSuccessAt) })}
          </span>
        )}
        {lastError && <p className="channel-error">{lastError}</p>}
        {health.state === 'failing' && <p className="field-help">{t('channels.health.failingHelp')}</p>}
        {health.state === 'unconfigured' && (
          <p className="field-help">{t('channels.health.unconfiguredHelp')}</p>
        )}
      </div>
      <div aria-live="polite" data-testid="channel-test-result">
        {test?.status === 'ok' && <p className="notice ok">{t('channels.testOk', { name: channel.name })}</p>}
        {test?.status === 'failed' && (
          <p className="notice error">{t('channels.testFailed', { error: test.error })}</p>
        )}
      </div>
    </li>
  );
}
