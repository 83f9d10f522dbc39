/** #/login: the login screen. The gate (auth-gate.tsx) moves on to `next` once logged in. */
import { useTranslation } from 'react-i18next';
import { useAccount } from './account-store.ts';
import { AuthCard } from './auth-card.tsx';
import { LoginForm } from './login-form.tsx';

export function LoginPage() {
  const { t } = useTranslation('auth');
  const loggedIn = useAccount((s) => s.loggedIn);
  return (
    <AuthCard title={t('login.title')} intro={t('login.intro')}>
      <LoginForm onLoggedIn={loggedIn} />
      <p className="auth-links">
        <a href="#/forgot">{t('login.forgot')}</a>
      </p>
    </AuthCard>
  );
}
