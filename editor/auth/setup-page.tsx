/**
 * #/setup?token=…: the very first start without FLOWCALL_OWNER_EMAIL — the server prints this
 * link once; whoever opens it registers the first owner and is logged in.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Account, authApi } from '../api/auth-client.ts';
import { useAccount } from './account-store.ts';
import { AuthCard, AuthError } from './auth-card.tsx';
import { EmailField, SubmitButton, TextField } from './auth-fields.tsx';
import {
  emailProblems,
  firstProblem,
  nameProblems,
  newPasswordProblems,
  type Problems,
} from './auth-forms.ts';
import { NewPasswordFields } from './new-password-fields.tsx';
import { useAuthSubmit } from './use-auth-submit.ts';

type SetupField = 'name' | 'email' | 'password' | 'confirm';
const order: SetupField[] = ['name', 'email', 'password', 'confirm'];

export function SetupPage({ token }: { token: string }) {
  const { t } = useTranslation('auth');
  const loggedIn = useAccount((s) => s.loggedIn);
  const [form, setForm] = useState({ name: '', email: '', workspaceName: '', password: '', confirm: '' });
  const [problems, setProblems] = useState<Problems<SetupField>>({});
  const { busy, error, submit } = useAuthSubmit();
  const refs = {
    name: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };
  useEffect(() => refs.name.current?.focus(), [refs.name]);
  const change = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = { ...nameProblems(form), ...emailProblems(form), ...newPasswordProblems(form) };
    setProblems(found);
    const first = firstProblem(order, found);
    if (first) return refs[first].current?.focus();
    let account: Account | undefined;
    await submit(async () => {
      account = await authApi.setup({
        token,
        email: form.email.trim(),
        password: form.password,
        name: form.name.trim(),
        workspaceName: form.workspaceName.trim(),
      });
    });
    if (account) loggedIn(account);
  };

  if (!token)
    return (
      <AuthCard title={t('setup.title')}>
        <p className="notice error" role="alert">
          {t('setup.noToken')}
        </p>
      </AuthCard>
    );

  const text = (field: 'name' | 'email' | 'workspaceName') => ({
    value: form[field],
    onChange: (value: string) => change({ [field]: value }),
  });
  return (
    <AuthCard title={t('setup.title')} intro={t('setup.intro')}>
      <form className="auth-form" noValidate onSubmit={onSubmit}>
        <TextField
          label={t('name')}
          autoComplete="name"
          inputRef={refs.name}
          {...text('name')}
          problem={problems.name}
        />
        <EmailField inputRef={refs.email} {...text('email')} problem={problems.email} />
        <TextField
          label={t('setup.workspaceName')}
          help={t('setup.workspaceHelp')}
          autoComplete="organization"
          {...text('workspaceName')}
        />
        <NewPasswordFields
          password={form.password}
          confirm={form.confirm}
          problems={problems}
          onChange={change}
          passwordRef={refs.password}
          confirmRef={refs.confirm}
        />
        <AuthError message={error?.message} />
        {error?.status === 409 && (
          <p>
            <a className="auth-link" href="#/login">
              {t('backToLogin')}
            </a>
          </p>
        )}
        <SubmitButton busy={busy} label={t('setup.submit')} />
      </form>
    </AuthCard>
  );
}
