/**
 * Email + password, for the login screen and for logging in again over a page whose session
 * expired. Keyboard first: the first field has the focus, Enter submits, a problem moves the
 * focus to its field, and the server's refusal (wrong login, too many attempts with the wait)
 * is read out (role=alert).
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../api/auth-client.ts';
import { authApi } from '../api/auth-client.ts';
import { AuthError } from './auth-card.tsx';
import { EmailField, SubmitButton, TextField } from './auth-fields.tsx';
import { firstProblem, loginProblems, type Problems } from './auth-forms.ts';
import { useAuthSubmit } from './use-auth-submit.ts';

interface Props {
  /** Filled in (logging in again after the session expired). */
  email?: string;
  onLoggedIn(account: Account): void | Promise<void>;
}

export function LoginForm({ email: initialEmail = '', onLoggedIn }: Props) {
  const { t } = useTranslation('auth');
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems<'email' | 'password'>>({});
  const { busy, error, submit } = useAuthSubmit();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    (initialEmail ? passwordRef : emailRef).current?.focus();
  }, [initialEmail]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = loginProblems({ email, password });
    setProblems(found);
    const first = firstProblem(['email', 'password'], found);
    if (first) {
      (first === 'email' ? emailRef : passwordRef).current?.focus();
      return;
    }
    let account: Account | undefined;
    const ok = await submit(async () => {
      account = await authApi.login(email.trim(), password);
    });
    if (ok && account) await onLoggedIn(account);
    else {
      // A wrong password is typed again; the email stays.
      setPassword('');
      passwordRef.current?.focus();
    }
  };

  return (
    <form className="auth-form" noValidate onSubmit={onSubmit} aria-busy={busy}>
      <EmailField inputRef={emailRef} value={email} onChange={setEmail} problem={problems.email} />
      <TextField
        label={t('password')}
        type="password"
        autoComplete="current-password"
        inputRef={passwordRef}
        value={password}
        onChange={setPassword}
        problem={problems.password}
      />
      <AuthError message={error?.message} />
      <SubmitButton busy={busy} label={t('login.submit')} />
    </form>
  );
}
