/**
 * 曜日ごとの営業時間: one row per weekday, Monday first. 「休業日」 is simply a day without
 * windows; unticking it brings back the day's last windows (or 9:00–18:00), so a stray click
 * does not lose what was typed.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleDocument, Window } from '../../schema/generated/schedule.ts';
import type { Issue } from '../../schema/issue.ts';
import { setWindowsAt, type Weekday, weekdays, windowsAt } from '../model/pages-schedule-edit.ts';
import { type Update, WindowsEditor } from './windows-editor.tsx';

export interface WeeklyHoursProps {
  schedule: ScheduleDocument;
  issues: readonly Issue[];
  update: Update;
}

export function WeeklyHours({ schedule, issues, update }: WeeklyHoursProps) {
  const { t, i18n } = useTranslation('pages');
  const remembered = useRef(new Map<Weekday, Window[]>());

  const setClosed = (day: Weekday, closed: boolean) => {
    if (closed) {
      const current = windowsAt(schedule, { day });
      if (current.length > 0) remembered.current.set(day, current);
      update((s) => setWindowsAt(s, { day }, []));
    } else {
      const back = remembered.current.get(day) ?? [{ from: '09:00', to: '18:00' }];
      update((s) => setWindowsAt(s, { day }, back));
    }
  };

  return (
    <section className="hours-section" aria-labelledby="weekly-title">
      <h3 id="weekly-title">{t('hours.weekly')}</h3>
      <p className="field-help">
        {t('hours.weeklyHelp')} {t('hours.midnightHelp')}
      </p>
      <div className={i18n.language === 'en' ? 'weekly long-names' : 'weekly'}>
        {weekdays.map((day) => {
          const name = t(`hours.days.${day}`);
          const closed = windowsAt(schedule, { day }).length === 0;
          return (
            <fieldset key={day} className={`day-row day-${day}`} data-testid={`weekday-${day}`}>
              <legend>{name}</legend>
              <div className="day-body">
                {closed ? (
                  <span className="closed-text">{t('hours.closedAllDay')}</span>
                ) : (
                  <WindowsEditor
                    schedule={schedule}
                    at={{ day }}
                    where={name}
                    issues={issues}
                    update={update}
                  />
                )}
              </div>
              <label className="closed-toggle">
                <input
                  type="checkbox"
                  checked={closed}
                  aria-label={t('hours.closedDayOf', { day: name })}
                  onChange={(e) => setClosed(day, e.target.checked)}
                />
                <span aria-hidden="true">{t('hours.closedDay')}</span>
              </label>
            </fieldset>
          );
        })}
      </div>
    </section>
  );
}
