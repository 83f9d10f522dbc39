/**
 * #/forgot: asks for a password reset link by email. The server answers the same whether or not
 * the address has an account, and so does this screen.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/auth-client.ts';
import { AuthCard, AuthError } from './auth-card.tsx';
import { EmailField, SubmitButton } from './auth-fields.tsx';
import { emailProblems, type Problems } from './auth-forms.ts';
import { useAuthSubmit } from './use-auth-submit.ts';

export function ForgotPage() {
  const { t } = useTranslation('auth');
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string>();
  const [problems, setProblems] = useState<Problems<'email'>>({});
  const { busy, error, submit } = useAuthSubmit();
  const emailRef = useRef<HTMLInputElement>(null);
  useEffect(() => emailRef.current?.focus(), []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = emailProblems({ email });
    setProblems(found);
    if (found.email) return emailRef.current?.focus();
    const address = email.trim();
    if (await submit(() => authApi.requestPasswordReset(address))) setSentTo(address);
  };

  return (
    <AuthCard title={t('forgot.title')} intro={sentTo ? undefined : t('forgot.intro')}>
      {sentTo ? (
        <p className="notice ok" role="status">
          {t('forgot.sent', { email: sentTo })}
        </p>
      ) : (
        <form className="auth-form" noValidate onSubmit={onSubmit}>
          <EmailField inputRef={emailRef} value={email} onChange={setEmail} problem={problems.email} />
          <AuthError message={error?.message} />
          <SubmitButton busy={busy} label={t('forgot.submit')} />
        </form>
      )}
      <p className="auth-links">
        <a href="#/login">{t('backToLogin')}</a>
      </p>
    </AuthCard>
  );
}
