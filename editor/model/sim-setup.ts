/**
 * When and who calls in the simulator. The panel's datetime-local field holds Tokyo wall time
 * ("2026-11-23T12:00") whatever the browser's own zone is: a receptionist testing on a laptop
 * set to UTC must still see 12:00 as noon in Japan. Japan has no daylight saving time, so a
 * fixed +09:00 offset is exact. Callers come as presets a receptionist understands (a mobile
 * that can receive SMS, a landline that cannot, a hidden number), because flows treat them
 * differently. Pure: "now" is always passed in.
 */
import { japaneseHoliday } from '../../runtime/engine/holidays.ts';
import { localParts } from '../../runtime/engine/local-time.ts';
import { parsePhone } from '../../schema/phone.ts';

export const tokyoZone = 'Asia/Tokyo';
const tokyoOffset = '+09:00';
const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Tokyo wall time of an instant, as a datetime-local value (minutes precision). */
export function tokyoLocalValue(instant: Date): string {
  const local = localParts(instant.toISOString(), tokyoZone);
  // localParts only fails on an invalid instant or zone; neither can happen here.
  if (!local) throw new RangeError('invalid instant');
  return `${local.date}T${local.time}`;
}

/** "2026-11-23T12:00" → "2026-11-23T12:00:00+09:00"; undefined for anything else or a bad day. */
export function localValueToIso(value: string): string | undefined {
  const match = localPattern.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d || h > 23 || mi > 59) return undefined;
  return `${value}:00${tokyoOffset}`;
}

/** YYYY-MM-DD plus n days (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday for a YYYY-MM-DD date. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export interface DayInfo {
  date: string;
  weekday: number;
  /** Name of the Japanese public holiday, when the day is one. */
  holiday?: string;
}

/** The calendar facts of the day of a datetime-local value; undefined when it is not one. */
export function dayInfo(value: string): DayInfo | undefined {
  if (!localValueToIso(value)) return undefined;
  const date = value.slice(0, 10);
  const holiday = japaneseHoliday(date);
  return holiday ? { date, weekday: weekdayOf(date), holiday } : { date, weekday: weekdayOf(date) };
}

/** The first public holiday on or after `date`, looking a year ahead. */
export function nextHoliday(date: string): { date: string; name: string } | undefined {
  for (let i = 0; i <= 366; i++) {
    const day = addDays(date, i);
    const name = japaneseHoliday(day);
    if (name) return { date: day, name };
  }
  return undefined;
}

export type QuickTime = 'now' | 'today-noon' | 'tomorrow-noon' | 'today-night' | 'next-holiday';
export const quickTimes: readonly QuickTime[] = [
  'now',
  'today-noon',
  'tomorrow-noon',
  'today-night',
  'next-holiday',
];

/** The datetime-local value of a quick choice, relative to `now`. */
export function quickTimeValue(choice: QuickTime, now: Date): string {
  const current = tokyoLocalValue(now);
  const today = current.slice(0, 10);
  switch (choice) {
    case 'now':
      return current;
    case 'today-noon':
      return `${today}T12:00`;
    case 'tomorrow-noon':
      return `${addDays(today, 1)}T12:00`;
    case 'today-night':
      // Most small businesses are closed by then: the quickest way to try the after-hours path.
      return `${today}T23:00`;
    case 'next-holiday':
      return `${nextHoliday(addDays(today, 1))?.date ?? today}T12:00`;
  }
}

export const anonymousCaller = 'anonymous';

export type CallerPreset = 'mobile' | 'landline' | 'anonymous';

export const callerPresets: Record<CallerPreset, string> = {
  mobile: '090-1234-5678',
  landline: '03-5555-0123',
  anonymous: anonymousCaller,
};

export const defaultCaller = callerPresets.mobile;

export type CallerKind = 'mobile' | 'landline' | 'other' | 'anonymous' | 'invalid';

export function callerKind(from: string): CallerKind {
  if (from === anonymousCaller) return 'anonymous';
  const parsed = parsePhone(from);
  if (!parsed) return 'invalid';
  if (parsed.type === 'mobile') return 'mobile';
  return parsed.type === 'landline' ? 'landline' : 'other';
}
