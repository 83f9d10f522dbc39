/**
 * Asked when the user moves to another page of the app with unsaved changes. Staying is the
 * safe default (it has the focus); saving first is offered because that is usually what they
 * meant.
 */
import { useTranslation } from 'react-i18next';
import { Dialog } from './dialog.tsx';

interface Props {
  saving: boolean;
  onStay(): void;
  onLeave(): void;
  onSaveAndLeave(): void;
}

export function LeaveDialog({ saving, onStay, onLeave, onSaveAndLeave }: Props) {
  const { t } = useTranslation('flowPage');
  return (
    <Dialog
      title={t('leave.title')}
      onClose={onStay}
      testId="leave-dialog"
      actions={
        <>
          <button type="button" className="button danger" onClick={onLeave}>
            {t('leave.leave')}
          </button>
          <button type="button" className="button" onClick={onSaveAndLeave} disabled={saving}>
            {saving ? t('saving') : t('leave.saveAndLeave')}
          </button>
          <button type="button" className="button primary" onClick={onStay} data-autofocus>
            {t('leave.stay')}
          </button>
        </>
      }
    >
      <p>{t('leave.body')}</p>
    </Dialog>
  );
}
