/**
 * #/invite?token=…: the page an invitation email links to. Someone new chooses a name and a
 * password; someone logged in accepts with their account. When the invited address has an
 * account already, the server asks for a login first (401): the login screen returns here.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Account, authApi } from '../api/auth-client.ts';
import { useAccount } from './account-store.ts';
import { AuthCard, AuthError } from './auth-card.tsx';
import { SubmitButton, TextField } from './auth-fields.tsx';
import { firstProblem, nameProblems, newPasswordProblems, type Problems } from './auth-forms.ts';
import { loginHash } from './auth-routes.ts';
import { NewPasswordFields } from './new-password-fields.tsx';
import { useAuthSubmit } from './use-auth-submit.ts';

type InviteField = 'name' | 'password' | 'confirm';

export function InvitePage({ token }: { token: string }) {
  const { t } = useTranslation('auth');
  const { account, loggedIn, logout } = useAccount();
  const [asNew, setAsNew] = useState(account === undefined);
  const [form, setForm] = useState({ name: '', password: '', confirm: '' });
  const [problems, setProblems] = useState<Problems<InviteField>>({});
  const { busy, error, submit } = useAuthSubmit();
  const refs = {
    name: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };
  useEffect(() => {
    if (asNew) refs.name.current?.focus();
  }, [asNew, refs.name]);

  const accept = async (input: { name?: string; password?: string }) => {
    let joined: Account | undefined;
    await submit(async () => {
      joined = await authApi.acceptInvitation({ token, ...input });
    });
    if (!joined) return;
    loggedIn(joined);
    window.location.hash = '/flows';
  };

  const onSubmitNew = async (event: FormEvent) => {
    event.preventDefault();
    const found = { ...nameProblems(form), ...newPasswordProblems(form) };
    setProblems(found);
    const first = firstProblem(['name', 'password', 'confirm'], found);
    if (first) return refs[first].current?.focus();
    await accept({ name: form.name.trim(), password: form.password });
  };

  const loginLink = loginHash(`/invite?token=${encodeURIComponent(token)}`);
  if (!token)
    return (
      <AuthCard title={t('invite.title')}>
        <p className="notice error" role="alert">
          {t('invite.noToken')}
        </p>
      </AuthCard>
    );

  return (
    <AuthCard title={t('invite.title')} intro={asNew ? t('invite.introNew') : undefined}>
      {!asNew && account ? (
        <>
          <p>{t('invite.loggedInAs', { name: account.user.name, email: account.user.email })}</p>
          <AuthError message={error?.message} />
          <button
            type="button"
            className="button primary auth-submit"
            disabled={busy}
            onClick={() => accept({})}
          >
            {busy ? t('working') : t('invite.accept')}
          </button>
          <p className="auth-links">
            <button
              type="button"
              className="button"
              onClick={() =>
                logout().then(
                  () => setAsNew(true),
                  () => setAsNew(true),
                )
              }
            >
              {t('invite.useOther')}
            </button>
          </p>
        </>
      ) : (
        <form className="auth-form" noValidate onSubmit={onSubmitNew}>
          <TextField
            label={t('name')}
            autoComplete="name"
            inputRef={refs.name}
            value={form.name}
            onChange={(name) => setForm((f) => ({ ...f, name }))}
            problem={problems.name}
          />
          <NewPasswordFields
            password={form.password}
            confirm={form.confirm}
            problems={problems}
            onChange={(change) => setForm((f) => ({ ...f, ...change }))}
            passwordRef={refs.password}
            confirmRef={refs.confirm}
          />
          <AuthError message={error?.message} />
          <SubmitButton busy={busy} label={t('invite.submitNew')} />
          <p className="auth-or">{t('invite.haveAccount')}</p>
          <a className="button" href={loginLink}>
            {t('invite.loginToAccept')}
          </a>
        </form>
      )}
    </AuthCard>
  );
}
