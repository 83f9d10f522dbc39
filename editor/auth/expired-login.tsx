/**
 * The login over the page when the session expired while the editor was open (an API call
 * answered 401). The page underneath stays as it was — an unsaved flow, a half-filled form —
 * so after logging in again the user retries what failed. A login lands in the user's first
 * workspace: someone who was working in another is switched back to it first. Logging in as
 * someone else starts the editor afresh on the flows (the page belonged to the other account).
 */
import { useTranslation } from 'react-i18next';
import { type Account, authApi } from '../api/auth-client.ts';
import { setCsrfToken } from '../api/client.ts';
import { Dialog } from '../pages/dialog.tsx';
import { useAccount } from './account-store.ts';
import { LoginForm } from './login-form.tsx';
import '../pages/pages.css';
import './auth.css';

/** The account to carry on with: the new login, in the workspace the page belonged to if it can. */
async function carryOn(account: Account, previous: Account | undefined): Promise<Account> {
  if (!previous || account.user.id !== previous.user.id) return account;
  const before = previous.workspace.id;
  if (account.workspace.id === before || !account.workspaces.some((w) => w.id === before)) return account;
  setCsrfToken(account.csrfToken);
  return authApi.switchWorkspace(before).catch(() => account);
}

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
        onLoggedIn={async (fresh) => {
          const account = await carryOn(fresh, previous);
          const same =
            account.user.id === previous?.user.id && account.workspace.id === previous.workspace.id;
          loggedIn(account);
          if (!same) window.location.hash = '/flows';
        }}
      />
    </Dialog>
  );
}
