/**
 * The login over the page when the session expired while the editor was open (an API call
 * answered 401). The page underneath stays as it was — an unsaved flow, a half-filled form —
 * so after logging in again the user retries what failed. Logging in as someone else starts
 * the editor afresh on the flows (the page belonged to the other account).
 */
import { useTranslation } from 'react-i18next';
import { Dialog } from '../pages/dialog.tsx';
import { useAccount } from './account-store.ts';
import { LoginForm } from './login-form.tsx';
import '../pages/pages.css';
import './auth.css';

export function ExpiredLogin() {
  const { t } = useTranslation('auth');
  const previous = useAccount((s) => s.account);
  const loggedIn = useAccount((s) => s.loggedIn);
  return (
    <Dialog
      title={t('login.expiredTitle')}
      onClose={() => {
        // Escape cannot dismiss it: without a session nothing on the page would work.
      }}
    >
      <p>{t('login.expiredIntro')}</p>
      <LoginForm
        {...(previous ? { email: previous.user.email } : {})}
        onLoggedIn={(account) => {
          const same =
            account.user.id === previous?.user.id && account.workspace.id === previous.workspace.id;
          loggedIn(account);
          if (!same) window.location.hash = '/flows';
        }}
      />
    </Dialog>
  );
}
