/**
 * The month calendar: for each day, open or closed and its hours, as the engine will decide
 * (calendar-month.ts runs the engine's hoursOn). Public holidays carry their name, special dates
 * their note, today is ringed. Sunday first, Sundays and holidays in red as on Japanese calendars.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { type CalendarDay, calendarMonth, monthOfDate, shiftMonth } from '../model/calendar-month.ts';
import { formatDay, formatMonth, type Lang } from '../model/pages-format.ts';
import './month-calendar.css';

export interface MonthCalendarProps {
  schedule: ScheduleDocument;
  /** Today in Tokyo, YYYY-MM-DD. */
  today: string;
  /** True when the schedule shown is the last valid one, not what is being typed. */
  stale: boolean;
}

const short = (hhmm: string) => hhmm.replace(/^0(\d)/, '$1');

export function MonthCalendar({ schedule, today, stale }: MonthCalendarProps) {
  const { t, i18n } = useTranslation('pages');
  const lang: Lang = i18n.language === 'en' ? 'en' : 'ja';
  const [month, setMonth] = useState(() => monthOfDate(today));
  const grid = useMemo(() => calendarMonth(schedule, month, today), [schedule, month, today]);
  const weekdays = t('hours.calendar.weekdays', { returnObjects: true }) as string[];
  const title = formatMonth(month, lang);
  const isThisMonth = month.year === monthOfDate(today).year && month.month === monthOfDate(today).month;

  return (
    <section className="calendar" aria-labelledby="calendar-title">
      <div className="calendar-head">
        <h3 id="calendar-title">{t('hours.calendar.title')}</h3>
        <div className="calendar-nav">
          <button type="button" className="button small" onClick={() => setMonth((m) => shiftMonth(m, -1))}>
            <span aria-hidden="true">‹ </span>
            {t('hours.calendar.previous')}
          </button>
          <button
            type="button"
            className="button small"
            disabled={isThisMonth}
            onClick={() => setMonth(monthOfDate(today))}
          >
            {t('hours.calendar.today')}
          </button>
          <button type="button" className="button small" onClick={() => setMonth((m) => shiftMonth(m, 1))}>
            {t('hours.calendar.next')}
            <span aria-hidden="true"> ›</span>
          </button>
        </div>
      </div>
      <p className="field-help">{t('hours.calendar.help')}</p>
      {stale && <p className="notice warn">{t('hours.calendar.stale')}</p>}
      <table className="calendar-grid" data-testid="calendar">
        <caption aria-live="polite">{title}</caption>
        <thead>
          <tr>
            {weekdays.map((name, i) => (
              <th key={name} scope="col" className={`wd-${i}`}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.weeks.map((week) => (
            <tr key={week.find((d) => d)?.date}>
              {week.map((day, i) =>
                day ? (
                  <Day key={day.date} day={day} lang={lang} />
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: padding cells have nothing but their place
                  <td key={`pad-${i}`} className="pad" />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="calendar-legend" aria-label={t('hours.calendar.legend')}>
        <li>
          <span className="swatch swatch-open" /> {t('hours.calendar.open')}
        </li>
        <li>
          <span className="swatch swatch-closed" /> {t('hours.calendar.closed')}
        </li>
        <li>
          <span className="swatch swatch-holiday" /> {t('hours.calendar.holiday')}
        </li>
        <li>
          <span className="swatch swatch-special" /> {t('hours.calendar.special')}
        </li>
        <li>
          <span className="swatch swatch-today" /> {t('hours.calendar.todayMark')}
        </li>
      </ul>
    </section>
  );
}

function Day({ day, lang }: { day: CalendarDay; lang: Lang }) {
  const { t } = useTranslation('pages');
  const classes = [
    'cal-day',
    day.open ? 'is-open' : 'is-closed',
    `wd-${day.weekday}`,
    day.holiday ? 'is-holiday' : '',
    day.source === 'special' ? 'is-special' : '',
    day.today ? 'is-today' : '',
  ].filter(Boolean);
  return (
    <td
      className={classes.join(' ')}
      data-testid={`calendar-day-${day.date}`}
      aria-current={day.today ? 'date' : undefined}
    >
      <div className="day-top">
        <span className="day-number" aria-hidden="true">
          {day.day}
        </span>
        <span className="sr-only">{formatDay(day.date, lang)}</span>
        {day.today && <span className="today-mark">{t('hours.calendar.todayMark')}</span>}
      </div>
      {day.holiday && <div className="day-holiday">{day.holiday[lang]}</div>}
      {day.source === 'special' && day.note && <div className="day-note">{day.note}</div>}
      {day.open ? (
        <ul className="day-windows">
          {day.windows.map((w) => (
            <li key={w.from}>
              {short(w.from)}–{short(w.to)}
            </li>
          ))}
        </ul>
      ) : (
        <div className="day-closed">{t('hours.calendar.closed')}</div>
      )}
    </td>
  );
}
