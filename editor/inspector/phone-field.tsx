/**
 * Phone numbers as staff write them. On leaving the field a valid Japanese number is rewritten in
 * the usual national form (09012345678 → 090-1234-5678); a number that does not exist, or a
 * landline where only a mobile can work (SMS), is explained at once in plain words.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePhone } from '../../schema/phone.ts';
import type { ControlProps } from './field-row.tsx';

/** What is wrong with a number, as a message key, or undefined when it is fine (or empty). */
export function phoneProblem(value: string, mobileOnly: boolean): string | undefined {
  if (value.trim() === '') return undefined;
  const parsed = parsePhone(value);
  if (!parsed) return 'phone.invalid';
  if (mobileOnly && (parsed.country !== 'JP' || parsed.type !== 'mobile')) return 'phone.notMobile';
  return undefined;
}

/** The national form of a Japanese number; other input is left as typed. */
export function formatPhone(value: string): string {
  const parsed = parsePhone(value);
  return parsed?.country === 'JP' ? parsed.national : value.trim();
}

export function PhoneInput(props: {
  control: ControlProps;
  value: string;
  onChange: (value: string) => void;
  mobileOnly?: boolean;
  /** Validation already reports this field: do not say it twice. */
  reported?: boolean;
  label?: string;
}) {
  const { t } = useTranslation('inspector');
  const [focused, setFocused] = useState(false);
  const problem =
    focused || props.reported ? undefined : phoneProblem(props.value, props.mobileOnly ?? false);
  const messageId = `${props.control.id}-phone`;
  const described = [props.control['aria-describedby'], problem ? messageId : ''].filter(Boolean).join(' ');
  return (
    <>
      <input
        {...props.control}
        type="tel"
        inputMode="tel"
        autoComplete="off"
        aria-label={props.label}
        aria-describedby={described || undefined}
        aria-invalid={props.control['aria-invalid'] || problem !== undefined || undefined}
        placeholder={t('phone.placeholder')}
        value={props.value}
        onFocus={() => setFocused(true)}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={() => {
          setFocused(false);
          const formatted = formatPhone(props.value);
          if (formatted !== props.value) props.onChange(formatted);
        }}
      />
      {problem && (
        <p className="insp-local-error" id={messageId}>
          {t(problem)}
        </p>
      )}
    </>
  );
}
