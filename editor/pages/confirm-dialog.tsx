/** A yes/no question before something that cannot be undone (deleting). */
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './dialog.tsx';

export interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  children: ReactNode;
  onClose: () => void;
  /** Rejections are shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>;
  danger?: boolean;
}

export function ConfirmDialog({
  title,
  confirmLabel,
  children,
  onClose,
  onConfirm,
  danger,
}: ConfirmDialogProps) {
  const { t } = useTranslation('pages');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await onConfirm();
    } catch (error) {
      setBusy(false);
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <>
          {/* Cancel takes the focus first: a stray Enter must not delete anything. */}
          <button type="button" className="button" onClick={onClose} data-autofocus>
            {t('cancel')}
          </button>
          <button
            type="button"
            className={danger ? 'button danger-solid' : 'button primary'}
            onClick={confirm}
            disabled={busy}
          >
            {busy ? t('working') : confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {failure && (
        <p className="notice error" role="alert">
          {t('actionError', { message: failure })}
        </p>
      )}
    </Dialog>
  );
}
