/**
 * A special date's day: a calendar date picker for one-off dates (YYYY-MM-DD), or month and day
 * selects for yearly ones (MM-DD), where a picker with a year would mislead.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import type { Issue } from '../../schema/issue.ts';
import { ScheduleIssues } from './schedule-issues.tsx';

export interface DateInputProps {
  label: string;
  /** Which special date, for screen readers (「特別な日 1」). */
  where: string;
  yearly: boolean;
  optional?: boolean;
  /** YYYY-MM-DD, MM-DD, or '' when an optional date is not set. */
  value: string;
  /** The entry's start date: a new end date starts in its month and day. */
  anchor: string;
  onChange: (value: string) => void;
  issues: readonly Issue[];
  schedule: ScheduleDocument;
}

const pad = (n: number) => String(n).padStart(2, '0');
const months = Array.from({ length: 12 }, (_, i) => pad(i + 1));
// 31 days in every month: 02-30 is refused by validation with a clear message, next to the field.
const days = Array.from({ length: 31 }, (_, i) => pad(i + 1));
const englishMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function DateInput(props: DateInputProps) {
  const { t, i18n } = useTranslation('pages');
  const en = i18n.language === 'en';
  const id = useId();
  const { label, where, yearly, optional, value, anchor, onChange, issues, schedule } = props;
  const invalid = issues.length > 0 || undefined;
  if (!yearly) {
    return (
      <div className="date-input">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        <input
          id={id}
          type="date"
          aria-invalid={invalid}
          required={!optional}
          value={value.length === 10 ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
        <ScheduleIssues issues={issues} schedule={schedule} />
      </div>
    );
  }
  const [month, day] = value.length === 5 ? [value.slice(0, 2), value.slice(3)] : ['', ''];
  const anchorMonthDay = anchor.slice(-5);
  const pick = (part: 'month' | 'day', picked: string) => {
    if (picked === '') return onChange('');
    const m = part === 'month' ? picked : month || anchorMonthDay.slice(0, 2);
    const d = part === 'day' ? picked : day || anchorMonthDay.slice(3);
    onChange(`${m}-${d}`);
  };
  return (
    <fieldset className="date-input">
      <legend className="field-label">{label}</legend>
      <span className="month-day">
        <select
          aria-label={`${where} ${label} ${t('hours.month')}`}
          aria-invalid={invalid}
          value={month}
          onChange={(e) => pick('month', e.target.value)}
        >
          {optional && <option value="">{t('hours.none')}</option>}
          {months.map((m) => (
            <option key={m} value={m}>
              {en ? englishMonths[Number(m) - 1] : Number(m)}
            </option>
          ))}
        </select>
        {!en && <span aria-hidden="true">{t('hours.month')}</span>}
        <select
          aria-label={`${where} ${label} ${t('hours.day')}`}
          aria-invalid={invalid}
          value={day}
          onChange={(e) => pick('day', e.target.value)}
        >
          {optional && <option value="">{t('hours.none')}</option>}
          {days.map((d) => (
            <option key={d} value={d}>
              {Number(d)}
            </option>
          ))}
        </select>
        {!en && <span aria-hidden="true">{t('hours.day')}</span>}
      </span>
      <ScheduleIssues issues={issues} schedule={schedule} />
    </fieldset>
  );
}
