/**
 * 「公開」: asks for a short note on what changed (it appears in the history), or — while the
 * flow has errors — explains why it cannot be published and where to fix it. Publishing a flow
 * with errors would let real callers fall into a broken step, so there is no way around this.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './dialog.tsx';

interface Props {
  errors: number;
  unsaved: boolean;
  busy: boolean;
  onPublish(comment: string): void;
  onClose(): void;
}

export function PublishDialog({ errors, unsaved, busy, onPublish, onClose }: Props) {
  const { t } = useTranslation('flowPage');
  const { t: common } = useTranslation();
  const id = useId();
  const [comment, setComment] = useState('');

  if (errors > 0) {
    return (
      <Dialog
        title={t('publishDialog.refusedTitle')}
        onClose={onClose}
        testId="publish-refused"
        actions={
          <button type="button" className="button primary" onClick={onClose} data-autofocus>
            {common('close')}
          </button>
        }
      >
        <p className="dialog-alert" role="alert">
          {t('publishDialog.refused', { count: errors })}
        </p>
        <p>{t('publishDialog.refusedHint')}</p>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('publishDialog.title')}
      onClose={onClose}
      testId="publish-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {common('cancel')}
          </button>
          <button type="submit" form={`${id}-form`} className="button primary" disabled={busy}>
            {busy ? t('publishDialog.publishing') : t('publishDialog.confirm')}
          </button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) onPublish(comment.trim());
        }}
      >
        <p>{t('publishDialog.intro')}</p>
        {unsaved && <p className="dialog-note">{t('publishDialog.unsavedNote')}</p>}
        <label htmlFor={`${id}-comment`}>{t('publishDialog.comment')}</label>
        <input
          id={`${id}-comment`}
          value={comment}
          maxLength={200}
          placeholder={t('publishDialog.commentHint')}
          onChange={(e) => setComment(e.target.value)}
        />
      </form>
    </Dialog>
  );
}
