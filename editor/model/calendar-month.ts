/**
 * The month calendar of the business-hours page. Each day is decided by the engine's own
 * `hoursOn` on the engine's own `localParts` in Asia/Tokyo, so what the calendar shows is exactly
 * what a call on that day will hear — no second copy of the precedence rules lives here.
 * Pure: "today" and the month come in as arguments.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { localParts } from '../../runtime/engine/local-time.ts';
import { hoursOn } from '../../runtime/engine/schedule.ts';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';

/** Flows are checked in Tokyo time; the calendar uses the same zone as the engine. */
export const calendarTimeZone = 'Asia/Tokyo';

export interface YearMonth {
  year: number;
  /** 1 = January … 12 = December */
  month: number;
}

export interface CalendarDay {
  /** YYYY-MM-DD */
  date: string;
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  today: boolean;
  open: boolean;
  /** Open windows as HH:MM–HH:MM text (24:00 for midnight), in the schedule's order. */
  windows: Array<{ from: string; to: string }>;
  /** Why: a special date, a public holiday the schedule closes on, or the weekday's hours. */
  source: 'special' | 'holiday' | 'weekly';
  /** Public holiday name in Japanese and English (marked even when the schedule ignores it). */
  holiday?: { ja: string; en: string };
  /** Note of the special date that applied. */
  note?: string;
}

export interface CalendarMonth extends YearMonth {
  /** Weeks from Sunday to Saturday; null pads the days outside the month. */
  weeks: Array<Array<CalendarDay | null>>;
}

const englishNames = holidayJp.holidays as Readonly<Record<string, { name: string; name_en: string }>>;

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function daysInMonth({ year, month }: YearMonth): number {
  // Day 0 of the next month is the last day of this one; UTC keeps the host zone out of it.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function shiftMonth({ year, month }: YearMonth, delta: number): YearMonth {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function monthOfDate(date: string): YearMonth {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

/** Today's date in Tokyo for an instant (the caller reads the clock). */
export function todayIn(nowIso: string): string {
  return localParts(nowIso, calendarTimeZone)?.date ?? nowIso.slice(0, 10);
}

export function minutesText(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** What the engine decides for one local day (noon stands for the day: Tokyo has no DST). */
export function calendarDay(schedule: ScheduleDocument, date: string, today: string): CalendarDay {
  const local = localParts(`${date}T12:00:00+09:00`, calendarTimeZone);
  if (!local) throw new Error(`not a date: ${date}`);
  const hours = hoursOn(schedule, local);
  const windows = hours.windows.map((w) => ({ from: minutesText(w.from), to: minutesText(w.to) }));
  return {
    date,
    day: Number(date.slice(8, 10)),
    weekday: local.weekday,
    today: date === today,
    open: windows.length > 0,
    windows,
    source: hours.source,
    ...(hours.holiday
      ? { holiday: { ja: hours.holiday, en: englishNames[date]?.name_en ?? hours.holiday } }
      : {}),
    ...(hours.note ? { note: hours.note } : {}),
  };
}

export function calendarMonth(schedule: ScheduleDocument, ym: YearMonth, today: string): CalendarMonth {
  const count = daysInMonth(ym);
  const first = calendarDay(schedule, isoDate(ym.year, ym.month, 1), today);
  const cells: Array<CalendarDay | null> = Array.from({ length: first.weekday }, () => null);
  cells.push(first);
  for (let day = 2; day <= count; day++)
    cells.push(calendarDay(schedule, isoDate(ym.year, ym.month, day), today));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: CalendarMonth['weeks'] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return { ...ym, weeks };
}
