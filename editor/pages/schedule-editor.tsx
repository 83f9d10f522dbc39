/**
 * The editor of one schedule: name, weekly windows, public holidays, special dates, and the
 * month calendar beside them. Every keystroke runs validateSchedule (the same check the API
 * applies on save), and each problem is shown next to the field its JSON pointer names.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { hasErrors, type Issue } from '../../schema/issue.ts';
import { validateSchedule } from '../../schema/validate.ts';
import { ApiError, api } from '../api/client.ts';
import { useCan } from '../auth/account-store.ts';
import { issuesUnder } from '../model/pages-schedule-issues.ts';
import { Field } from './field.tsx';
import { MonthCalendar } from './month-calendar.tsx';
import { ScheduleIssues } from './schedule-issues.tsx';
import { SpecialDates } from './special-dates.tsx';
import { WeeklyHours } from './weekly-hours.tsx';
import type { Update } from './windows-editor.tsx';

export interface ScheduleEditorProps {
  /** The stored schedule; the editor's draft starts from it. */
  saved: ScheduleDocument;
  today: string;
  onSaved: (doc: ScheduleDocument) => void;
  onDirtyChange: (dirty: boolean) => void;
  onDelete: () => void;
}

export function ScheduleEditor({ saved, today, onSaved, onDirtyChange, onDelete }: ScheduleEditorProps) {
  // Business hours are an editor's setting: other roles see them (and the calendar) read-only.
  const editable = useCan()('settings:edit');
  const { t } = useTranslation('pages');
  const [draft, setDraft] = useState(saved);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [failure, setFailure] = useState<{ message: string; issues: Issue[] }>();
  const issues = useMemo(() => validateSchedule(draft), [draft]);
  const valid = !hasErrors(issues);
  // While the form has an error (say a half-typed time) the calendar keeps showing the last
  // schedule that made sense, rather than guessing what the broken one would do.
  const lastValid = useRef(saved);
  if (valid) lastValid.current = draft;
  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(saved), [draft, saved]);

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const update: Update = (edit) => {
    setDraft((d) => edit(d));
    setStatus('idle');
    setFailure(undefined);
  };

  const save = async () => {
    if (!valid || status === 'saving') return;
    setStatus('saving');
    try {
      const stored = await api.saveSchedule(draft);
      onSaved(stored);
      setStatus('saved');
    } catch (error) {
      setStatus('idle');
      setFailure({
        message: error instanceof Error ? error.message : String(error),
        issues: error instanceof ApiError ? error.issues : [],
      });
    }
  };

  const shownIssues = failure?.issues.length ? failure.issues : issues;
  return (
    <div className="schedule-layout">
      <form
        className="panel schedule-form"
        aria-label={draft.name || saved.name}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset className="plain-fieldset" disabled={!editable}>
          <div className="schedule-name">
            <Field label={t('hours.name')} help={t('hours.id', { id: draft.id })}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  maxLength={100}
                  aria-invalid={issuesUnder(shownIssues, '/name').length > 0 || undefined}
                  value={draft.name}
                  onChange={(e) => update((s) => ({ ...s, name: e.target.value }))}
                />
              )}
            </Field>
            <ScheduleIssues issues={issuesUnder(shownIssues, '/name')} schedule={draft} />
          </div>

          <WeeklyHours schedule={draft} issues={shownIssues} update={update} />

          <section className="hours-section">
            <label className="inline-check strong">
              <input
                type="checkbox"
                checked={draft.closedOnPublicHolidays === true}
                aria-describedby="holidays-help"
                onChange={(e) => update((s) => ({ ...s, closedOnPublicHolidays: e.target.checked }))}
              />
              {t('hours.holidays')}
            </label>
            <p id="holidays-help" className="field-help">
              {t('hours.holidaysHelp')}
            </p>
          </section>

          <SpecialDates schedule={draft} issues={shownIssues} update={update} today={today} />
        </fieldset>

        {editable && (
          <>
            <div className="save-bar">
              <button type="submit" className="button primary" disabled={!valid || status === 'saving'}>
                {status === 'saving' ? t('hours.saving') : t('hours.save')}
              </button>
              <div className="save-status" aria-live="polite">
                {status === 'saved' && !dirty && <span className="badge">{t('hours.saved')}</span>}
                {dirty && valid && <span className="badge warn">{t('hours.unsaved')}</span>}
                {!valid && <span className="field-error">{t('hours.hasErrors')}</span>}
              </div>
            </div>
            <p className="field-help applies-next">{t('hours.appliesNext')}</p>
            {failure && (
              <p className="notice error" role="alert">
                {t('actionError', { message: failure.message })}
              </p>
            )}
            <div className="danger-zone">
              <button type="button" className="button small danger" onClick={onDelete}>
                {t('hours.deleteSchedule')}
              </button>
            </div>
          </>
        )}
      </form>
      <div className="panel schedule-side">
        <MonthCalendar schedule={valid ? draft : lastValid.current} stale={!valid} today={today} />
      </div>
    </div>
  );
}
