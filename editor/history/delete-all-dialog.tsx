/**
 * Deleting the whole call history: the button stays disabled until the confirmation word is typed
 * (a stray click or Enter can never wipe months of calls).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { historyApi } from '../api/history-client.ts';
import { Dialog } from '../pages/dialog.tsx';

export function DeleteAllDialog(props: { onClose: () => void; onDeleted: (count: number) => void }) {
  const { t } = useTranslation('history');
  const { t: tp } = useTranslation('pages');
  const id = useId();
  const word = t('log.deleteAllDialog.word');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const confirmed = typed.trim() === word;
  const submit = async () => {
    if (!confirmed || busy) return;
    setBusy(true);
    try {
      const { deleted } = await historyApi.deleteAll();
      props.onDeleted(deleted);
    } catch (error) {
      setBusy(false);
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Dialog
      title={t('log.deleteAllDialog.title')}
      onClose={props.onClose}
      onSubmit={() => void submit()}
      actions={
        <>
          <button type="button" className="button" onClick={props.onClose}>
            {tp('cancel')}
          </button>
          <button type="submit" className="button danger-solid" disabled={!confirmed || busy}>
            {busy ? tp('working') : t('log.deleteAllDialog.submit')}
          </button>
        </>
      }
    >
      <p>{t('log.deleteAllDialog.body')}</p>
      <div className="field">
        <label htmlFor={id}>{t('log.deleteAllDialog.prompt', { word })}</label>
        <input
          id={id}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          data-autofocus
        />
      </div>
      {failure && (
        <p className="notice error" role="alert">
          {tp('actionError', { message: failure })}
        </p>
      )}
    </Dialog>
  );
}
