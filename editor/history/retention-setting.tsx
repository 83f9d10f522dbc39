/** How many months the call history is kept (6 by default): older calls are purged daily. */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { historyApi } from '../api/history-client.ts';

export function RetentionSetting() {
  const { t } = useTranslation('history');
  const { t: tp } = useTranslation('pages');
  const id = useId();
  const [months, setMonths] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  useEffect(() => {
    historyApi.retention().then(
      (r) => setMonths(String(r.months)),
      (error: unknown) => setStatus({ ok: false, text: tp('loadError', { message: String(error) }) }),
    );
  }, [tp]);
  const valid = /^\d+$/.test(months.trim()) && Number(months) >= 1 && Number(months) <= 120;
  const save = async () => {
    if (!valid) {
      setStatus({ ok: false, text: t('log.retention.invalid') });
      return;
    }
    try {
      const saved = await historyApi.setRetention(Number(months));
      setStatus({ ok: true, text: t('log.retention.saved', { months: saved.months }) });
    } catch (error) {
      setStatus({
        ok: false,
        text: tp('actionError', { message: error instanceof Error ? error.message : String(error) }),
      });
    }
  };
  return (
    <form
      className="history-retention"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id={`${id}-title`}>{t('log.retention.title')}</h2>
      <div className="history-retention-row">
        <label htmlFor={id}>{t('log.retention.label')}</label>
        <input
          id={id}
          type="number"
          min={1}
          max={120}
          step={1}
          value={months}
          aria-invalid={months !== '' && !valid}
          aria-describedby={`${id}-help`}
          onChange={(e) => setMonths(e.target.value)}
          data-testid="retention-months"
        />
        <button type="submit" className="button small">
          {t('log.retention.save')}
        </button>
      </div>
      <p id={`${id}-help`} className="field-help">
        {t('log.retention.help')}
      </p>
      <p role="status" className={status?.ok === false ? 'field-error' : 'field-help'}>
        {status?.text}
      </p>
    </form>
  );
}
