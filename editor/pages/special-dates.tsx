/**
 * 特別な日: dates that replace the weekly hours — one day or a range, once or every year
 * (「毎年」, e.g. 年末年始 12/29〜1/3, which wraps over New Year), closed or with their own windows.
 */
import { useTranslation } from 'react-i18next';
import type { ScheduleDocument, SpecialDate } from '../../schema/generated/schedule.ts';
import type { Issue } from '../../schema/issue.ts';
import {
  addSpecial,
  hasYearlyEntry,
  isYearly,
  newYearHolidays,
  removeSpecial,
  setSpecialClosed,
  setSpecialField,
  setSpecialYearly,
} from '../model/pages-schedule-edit.ts';
import { issuesAt, issuesUnder } from '../model/pages-schedule-issues.ts';
import { DateInput } from './date-input.tsx';
import { ScheduleIssues } from './schedule-issues.tsx';
import { type Update, WindowsEditor } from './windows-editor.tsx';

export interface SpecialDatesProps {
  schedule: ScheduleDocument;
  issues: readonly Issue[];
  update: Update;
  /** Today in Tokyo (YYYY-MM-DD): the date a new entry starts on. */
  today: string;
}

export function SpecialDates({ schedule, issues, update, today }: SpecialDatesProps) {
  const { t } = useTranslation('pages');
  const entries = schedule.special ?? [];
  return (
    <section className="hours-section" aria-labelledby="special-title">
      <h3 id="special-title">{t('hours.special')}</h3>
      <p className="field-help">{t('hours.specialHelp')}</p>
      {entries.length === 0 && <p className="muted">{t('hours.noSpecial')}</p>}
      {entries.map((entry, k) => (
        <SpecialEntry
          // biome-ignore lint/suspicious/noArrayIndexKey: entries are edited in place; the index is their pointer
          key={k}
          k={k}
          entry={entry}
          schedule={schedule}
          issues={issues}
          update={update}
          today={today}
        />
      ))}
      <ScheduleIssues issues={issuesAt(issues, '/special')} schedule={schedule} />
      <div className="special-actions">
        <button
          type="button"
          className="button small"
          onClick={() => update((s) => addSpecial(s, { date: today, closed: true }))}
        >
          + {t('hours.addSpecial')}
        </button>
        {!hasYearlyEntry(schedule, newYearHolidays.date) && (
          <button
            type="button"
            className="button small"
            onClick={() => update((s) => addSpecial(s, newYearHolidays))}
          >
            + {t('hours.addNewYear')}
          </button>
        )}
      </div>
    </section>
  );
}

function SpecialEntry(props: {
  k: number;
  entry: SpecialDate;
  schedule: ScheduleDocument;
  issues: readonly Issue[];
  update: Update;
  today: string;
}) {
  const { t, i18n } = useTranslation('pages');
  const { k, entry, schedule, issues, update, today } = props;
  const at = `/special/${k}`;
  const where = t('hours.specialItem', { n: k + 1 });
  const yearly = isYearly(entry.date);
  const closed = entry.closed === true;
  const field = (name: 'date' | 'through' | 'note', value: string) =>
    update((s) => setSpecialField(s, k, name, value));
  return (
    <fieldset className="special-entry" data-testid={`special-${k}`}>
      <legend>
        {where}
        {entry.note ? `${i18n.language === 'en' ? ': ' : '：'}${entry.note}` : ''}
      </legend>
      <div className="special-dates">
        <DateInput
          label={t('hours.date')}
          where={where}
          yearly={yearly}
          value={entry.date}
          anchor={entry.date}
          onChange={(v) => field('date', v)}
          issues={issuesUnder(issues, `${at}/date`)}
          schedule={schedule}
        />
        <span className="range-dash" aria-hidden="true">
          〜
        </span>
        <DateInput
          label={t('hours.through')}
          where={where}
          yearly={yearly}
          optional
          value={entry.through ?? ''}
          anchor={entry.date}
          onChange={(v) => field('through', v)}
          issues={issuesUnder(issues, `${at}/through`)}
          schedule={schedule}
        />
        <label className="inline-check">
          <input
            type="checkbox"
            checked={yearly}
            onChange={(e) =>
              update((s) => setSpecialYearly(s, k, e.target.checked, Number(today.slice(0, 4))))
            }
          />
          {t('hours.yearly')}
        </label>
      </div>
      <fieldset className="special-kind">
        <legend className="sr-only">{t('hours.kindLegend', { where })}</legend>
        <label className="inline-check">
          <input
            type="radio"
            name={`special-${k}-kind`}
            checked={closed}
            onChange={() => update((s) => setSpecialClosed(s, k, true))}
          />
          {t('hours.closed')}
        </label>
        <label className="inline-check">
          <input
            type="radio"
            name={`special-${k}-kind`}
            checked={!closed && entry.windows !== undefined}
            onChange={() => update((s) => setSpecialClosed(s, k, false))}
          />
          {t('hours.ownHours')}
        </label>
      </fieldset>
      <ScheduleIssues issues={issuesAt(issues, at)} schedule={schedule} />
      {!closed && entry.windows !== undefined && (
        <WindowsEditor
          schedule={schedule}
          at={{ special: k }}
          where={where}
          issues={issues}
          update={update}
        />
      )}
      <div className="special-note">
        <label>
          <span className="field-label">{t('hours.note')}</span>
          <input
            type="text"
            maxLength={100}
            placeholder={t('hours.notePlaceholder')}
            value={entry.note ?? ''}
            onChange={(e) => field('note', e.target.value)}
          />
        </label>
        <ScheduleIssues issues={issuesUnder(issues, `${at}/note`)} schedule={schedule} />
      </div>
      <button
        type="button"
        className="button small danger"
        onClick={() => update((s) => removeSpecial(s, k))}
      >
        {t('hours.removeSpecial')}
      </button>
    </fieldset>
  );
}
