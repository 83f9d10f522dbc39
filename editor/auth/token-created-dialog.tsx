/**
 * A new API token, shown this once (the server keeps only its hash): read-only, selected on
 * focus, a copy button, and a warning that closing the dialog loses it for good.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiTokenCreated } from '../api/auth-client.ts';
import { Dialog } from '../pages/dialog.tsx';
import { CopyButton } from './copy-button.tsx';

export function TokenCreatedDialog({ token, onClose }: { token: ApiTokenCreated; onClose: () => void }) {
  const { t } = useTranslation('auth');
  const inputId = useId();
  return (
    <Dialog
      title={t('members.tokens.createdTitle')}
      onClose={onClose}
      wide
      actions={
        <button type="button" className="button primary" onClick={onClose}>
          {t('members.tokens.close')}
        </button>
      }
    >
      <p className="notice warn" role="alert">
        {t('members.tokens.createdWarning')}
      </p>
      <div className="secret-box">
        <label className="sr-only" htmlFor={inputId}>
          {t('members.tokens.tokenLabel', { name: token.name })}
        </label>
        <input
          id={inputId}
          readOnly
          value={token.token}
          data-testid="new-api-token"
          data-autofocus
          onFocus={(e) => e.target.select()}
        />
        <CopyButton
          text={token.token}
          targetId={inputId}
          label={t('members.tokens.copy')}
          copiedLabel={t('members.tokens.copied')}
          failedLabel={t('members.tokens.copyFailed')}
        />
      </div>
    </Dialog>
  );
}
