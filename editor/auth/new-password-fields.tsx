/** A new password typed twice (reset, first setup, accepting an invitation as a new user). */
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from './auth-fields.tsx';
import type { Problems } from './auth-forms.ts';

interface Props {
  password: string;
  confirm: string;
  problems: Problems<'password' | 'confirm'>;
  onChange(change: { password?: string; confirm?: string }): void;
  passwordRef?: Ref<HTMLInputElement>;
  confirmRef?: Ref<HTMLInputElement>;
  /** "新しいパスワード" on the reset screen, "パスワード" elsewhere. */
  label?: string;
}

export function NewPasswordFields({
  password,
  confirm,
  problems,
  onChange,
  passwordRef,
  confirmRef,
  label,
}: Props) {
  const { t } = useTranslation('auth');
  return (
    <>
      <TextField
        label={label ?? t('password')}
        help={t('passwordHelp')}
        type="password"
        autoComplete="new-password"
        inputRef={passwordRef}
        value={password}
        onChange={(value) => onChange({ password: value })}
        problem={problems.password}
      />
      <TextField
        label={t('confirmPassword')}
        type="password"
        autoComplete="new-password"
        inputRef={confirmRef}
        value={confirm}
        onChange={(value) => onChange({ confirm: value })}
        problem={problems.confirm}
      />
    </>
  );
}
