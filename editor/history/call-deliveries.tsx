/** The SMS and notifications a call caused, each with how its delivery went. */
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus, NotificationView, SmsView } from '../api/history-client.ts';
import { formatDateTime } from '../model/pages-format.ts';
import { formatPhone } from '../model/pages-number-form.ts';

function Status({
  status,
  attempts,
  lastError,
}: {
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
}) {
  const { t } = useTranslation('history');
  return (
    <div className="history-delivery">
      <span className={`delivery delivery-${status}`}>{t(`detail.delivery.${status}`)}</span>
      {attempts > 1 && <span className="muted"> · {t('detail.attempts', { count: attempts })}</span>}
      {lastError && status !== 'sent' && <div className="field-error">{lastError}</div>}
    </div>
  );
}

export function CallSms({ sms }: { sms: SmsView[] }) {
  const { t, i18n } = useTranslation('history');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  if (sms.length === 0) return <p className="muted">{t('detail.noSms')}</p>;
  return (
    <ul className="history-list">
      {sms.map((message, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a call's SMS list is fixed, in sending order
        <li key={index} data-testid="call-sms">
          <div className="muted">
            {t('detail.smsTo', { to: formatPhone(String(message.to ?? '')) })}
            {message.sentAt && ` · ${formatDateTime(message.sentAt, lang)}`}
          </div>
          <p className="history-message">{String(message.text ?? '')}</p>
          <Status status={message.status} attempts={message.attempts} lastError={message.lastError} />
          {message.delivery && (
            <div className="muted">{t('detail.carrier', { status: message.delivery })}</div>
          )}
        </li>
      ))}
    </ul>
  );
}

export function CallNotifications({ notifications }: { notifications: NotificationView[] }) {
  const { t, i18n } = useTranslation('history');
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  if (notifications.length === 0) return <p className="muted">{t('detail.noNotifications')}</p>;
  return (
    <ul className="history-list">
      {notifications.map((n, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a call's notifications are fixed, in order
        <li key={index} data-testid="call-notification">
          <div>
            <strong>{n.channel}</strong> <span className="muted">· {t(`detail.notifyKind.${n.kind}`)}</span>
            {n.sentAt && <span className="muted"> · {formatDateTime(n.sentAt, lang)}</span>}
          </div>
          <Status status={n.status} attempts={n.attempts} lastError={n.lastError} />
        </li>
      ))}
    </ul>
  );
}
