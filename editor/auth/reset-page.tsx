/**
 * #/reset?token=…: the page the password reset email links to. A new password, typed twice;
 * then the login screen. The server ends every other session of the user.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/auth-client.ts';
import { AuthCard, AuthError } from './auth-card.tsx';
import { SubmitButton } from './auth-fields.tsx';
import { firstProblem, newPasswordProblems, type Problems } from './auth-forms.ts';
import { NewPasswordFields } from './new-password-fields.tsx';
import { useAuthSubmit } from './use-auth-submit.ts';

export function ResetPage({ token }: { token: string }) {
  const { t } = useTranslation('auth');
  const [form, setForm] = useState({ password: '', confirm: '' });
  const [problems, setProblems] = useState<Problems<'password' | 'confirm'>>({});
  const [done, setDone] = useState(false);
  const { busy, error, submit } = useAuthSubmit();
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  useEffect(() => passwordRef.current?.focus(), []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = newPasswordProblems(form);
    setProblems(found);
    const first = firstProblem(['password', 'confirm'], found);
    if (first) return (first === 'password' ? passwordRef : confirmRef).current?.focus();
    if (await submit(() => authApi.resetPassword(token, form.password))) setDone(true);
  };

  if (!token)
    return (
      <AuthCard title={t('reset.title')}>
        <p className="notice error" role="alert">
          {t('reset.noToken')}
        </p>
        <p className="auth-links">
          <a href="#/forgot">{t('reset.again')}</a>
          <a href="#/login">{t('backToLogin')}</a>
        </p>
      </AuthCard>
    );

  return (
    <AuthCard title={t('reset.title')} intro={done ? undefined : t('reset.intro')}>
      {done ? (
        <p className="notice ok" role="status">
          {t('reset.done')}
        </p>
      ) : (
        <form className="auth-form" noValidate onSubmit={onSubmit}>
          <NewPasswordFields
            {...form}
            label={t('newPassword')}
            problems={problems}
            onChange={(change) => setForm((f) => ({ ...f, ...change }))}
            passwordRef={passwordRef}
            confirmRef={confirmRef}
          />
          <AuthError message={error?.message} />
          {error?.status === 400 && (
            <p>
              <a className="auth-link" href="#/forgot">
                {t('reset.again')}
              </a>
            </p>
          )}
          <SubmitButton busy={busy} label={t('reset.submit')} />
        </form>
      )}
      <p className="auth-links">
        <a href="#/login">{t('backToLogin')}</a>
      </p>
    </AuthCard>
  );
}
