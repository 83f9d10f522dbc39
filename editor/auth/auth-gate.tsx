/**
 * Nobody sees the editor without logging in. Shows the auth screens for their routes, the
 * editor when logged in, and otherwise sends to #/login?next=<the page> (replacing the history
 * entry, so Back does not return to a page that would send there again). When the session ends
 * while the editor is open, the login shows over the page, which keeps what was typed.
 */
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccount } from './account-store.ts';
import { type AuthRoute, gateView } from './auth-routes.ts';
import { ExpiredLogin } from './expired-login.tsx';

interface Props {
  authRoute: AuthRoute | undefined;
  /** The auth screen of `authRoute` (a lazy chunk the shell loads). */
  authScreen: ReactNode;
  /** The editor. */
  children: ReactNode;
}

export function AuthGate({ authRoute, authScreen, children }: Props) {
  const { t } = useTranslation('auth');
  const status = useAccount((s) => s.status);
  const expired = useAccount((s) => s.expired);
  const error = useAccount((s) => s.error);
  const check = useAccount((s) => s.check);
  const view = gateView(status, authRoute, window.location.hash);
  const redirect = view.show === 'redirect' ? view.hash : undefined;

  useEffect(() => {
    if (redirect) window.location.replace(redirect);
  }, [redirect]);

  switch (view.show) {
    case 'checking':
    case 'redirect':
      return <div className="app" aria-busy="true" />;
    case 'unreachable':
      return (
        <div className="app">
          <div className="notice error auth-unreachable" role="alert">
            {t('problems.unreachable', { message: error })}{' '}
            <button type="button" className="button small" onClick={() => void check()}>
              {t('gate.retry')}
            </button>
          </div>
        </div>
      );
    case 'auth':
      return authScreen;
    case 'app':
      return (
        <>
          {children}
          {expired && <ExpiredLogin />}
        </>
      );
  }
}
