/**
 * The pieces every account form is made of: a labelled input whose problem (a key of
 * problems.*) is read with it, and the submit button that says it is working.
 */
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../pages/field.tsx';
import type { Problem } from './auth-forms.ts';

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  problem?: Problem | undefined;
  help?: string;
  inputRef?: Ref<HTMLInputElement>;
  type?: 'text' | 'email' | 'password';
  /** username (an email that logs in), current-password, new-password, name, organization, off. */
  autoComplete: string;
}

export function TextField({
  label,
  value,
  onChange,
  problem,
  help,
  inputRef,
  type = 'text',
  autoComplete,
}: TextFieldProps) {
  const { t } = useTranslation('auth');
  return (
    <Field label={label} help={help} error={problem && t(`problems.${problem}`)}>
      {(control) => (
        <input
          {...control}
          ref={inputRef}
          type={type}
          autoComplete={autoComplete}
          {...(type === 'email' ? { inputMode: 'email' as const } : {})}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function SubmitButton({ busy, label }: { busy: boolean; label: string }) {
  const { t } = useTranslation('auth');
  return (
    <button type="submit" className="button primary auth-submit" disabled={busy}>
      {busy ? t('working') : label}
    </button>
  );
}

/** The email someone logs in with (login, forgot password, first setup). */
export function EmailField(props: Pick<TextFieldProps, 'value' | 'onChange' | 'problem' | 'inputRef'>) {
  const { t } = useTranslation('auth');
  return <TextField label={t('email')} type="email" autoComplete="username" {...props} />;
}
