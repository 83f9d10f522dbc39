/**
 * Pure edits of a business-hours schedule for the hours page: old document in, new document
 * out. The form never holds its own copy of the hours, so what validateSchedule checks and what
 * the calendar shows is always the document that 「保存」 will send.
 */
import type { ScheduleDocument, SpecialDate, Window } from '../../schema/generated/schedule.ts';
import { minutesOf } from '../../schema/time-window.ts';
import { minutesText } from './calendar-month.ts';

/** Monday first, as Japanese business hours are usually written (月〜日). */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/** The schema allows three windows a day (e.g. morning, afternoon, evening). */
export const maxWindows = 3;

/** Where a list of windows lives: a weekday, or a special date by its index. */
export type WindowsAt = { day: Weekday } | { special: number };

export function blankSchedule(id: string, name: string): ScheduleDocument {
  const weekday = () => [{ from: '09:00', to: '18:00' }];
  return {
    schemaVersion: 1,
    id,
    name,
    weekly: {
      mon: weekday(),
      tue: weekday(),
      wed: weekday(),
      thu: weekday(),
      fri: weekday(),
      sat: [],
      sun: [],
    },
    closedOnPublicHolidays: true,
    special: [],
  };
}

export function windowsAt(schedule: ScheduleDocument, at: WindowsAt): Window[] {
  if ('day' in at) return schedule.weekly[at.day] ?? [];
  return schedule.special?.[at.special]?.windows ?? [];
}

/** JSON pointer of a window list, as validation issues name it. */
export function windowsPointer(at: WindowsAt): string {
  return 'day' in at ? `/weekly/${at.day}` : `/special/${at.special}/windows`;
}

export function setWindowsAt(schedule: ScheduleDocument, at: WindowsAt, windows: Window[]): ScheduleDocument {
  if ('day' in at) return { ...schedule, weekly: { ...schedule.weekly, [at.day]: windows } };
  return updateSpecial(schedule, at.special, (entry) => ({ ...entry, windows }));
}

/**
 * A sensible next window: an hour after the last one closes, for three hours (clamped to the
 * day), or 09:00–18:00 on an empty day. Staff adjust it; they should not have to type both.
 */
export function nextWindow(windows: readonly Window[]): Window {
  const last = windows.at(-1);
  if (!last) return { from: '09:00', to: '18:00' };
  const from = Math.min(minutesOf(last.to) + 60, 23 * 60);
  return { from: minutesText(from), to: minutesText(Math.min(from + 180, 24 * 60)) };
}

export function addWindow(schedule: ScheduleDocument, at: WindowsAt): ScheduleDocument {
  const windows = windowsAt(schedule, at);
  if (windows.length >= maxWindows) return schedule;
  return setWindowsAt(schedule, at, [...windows, nextWindow(windows)]);
}

export function removeWindow(schedule: ScheduleDocument, at: WindowsAt, index: number): ScheduleDocument {
  return setWindowsAt(
    schedule,
    at,
    windowsAt(schedule, at).filter((_, i) => i !== index),
  );
}

export function updateWindow(
  schedule: ScheduleDocument,
  at: WindowsAt,
  index: number,
  field: 'from' | 'to',
  value: string,
): ScheduleDocument {
  return setWindowsAt(
    schedule,
    at,
    windowsAt(schedule, at).map((w, i) => (i === index ? { ...w, [field]: value } : w)),
  );
}

function updateSpecial(
  schedule: ScheduleDocument,
  index: number,
  fn: (entry: SpecialDate) => SpecialDate,
): ScheduleDocument {
  return { ...schedule, special: (schedule.special ?? []).map((e, i) => (i === index ? fn(e) : e)) };
}

/** New special dates start as a closed day: the common case (臨時休業). */
export function addSpecial(schedule: ScheduleDocument, entry: SpecialDate): ScheduleDocument {
  return { ...schedule, special: [...(schedule.special ?? []), entry] };
}

/** 年末年始: closed from 12/29 through 1/3, every year. */
export const newYearHolidays: SpecialDate = {
  date: '12-29',
  through: '01-03',
  closed: true,
  note: '年末年始',
};

export function hasYearlyEntry(schedule: ScheduleDocument, date: string): boolean {
  return (schedule.special ?? []).some((e) => e.date === date);
}

export function removeSpecial(schedule: ScheduleDocument, index: number): ScheduleDocument {
  return { ...schedule, special: (schedule.special ?? []).filter((_, i) => i !== index) };
}

export function setSpecialField(
  schedule: ScheduleDocument,
  index: number,
  field: 'date' | 'through' | 'note',
  value: string,
): ScheduleDocument {
  return updateSpecial(schedule, index, (entry) => {
    const { [field]: _old, ...rest } = entry;
    // An empty optional field is left out rather than sent as "" (which the schema refuses).
    return value === '' && field !== 'date' ? (rest as SpecialDate) : { ...entry, [field]: value };
  });
}

/** Closed all day, or open with its own windows (never both: validation refuses that). */
export function setSpecialClosed(
  schedule: ScheduleDocument,
  index: number,
  closed: boolean,
): ScheduleDocument {
  return updateSpecial(schedule, index, (entry) => {
    const { closed: _c, windows: _w, ...rest } = entry;
    return closed ? { ...rest, closed: true } : { ...rest, windows: [{ from: '09:00', to: '18:00' }] };
  });
}

/** Whether a date field holds a yearly MM-DD. */
export const isYearly = (date: string): boolean => date.length === 5;

const toYearly = (date: string) => (date.length === 10 ? date.slice(5) : date);
const toDated = (date: string, year: number) => (date.length === 5 ? `${year}-${date}` : date);

/**
 * Switches 「毎年」 on or off, converting both ends so the range keeps one form (a mixed range is
 * a validation error). Turning it off pins the dates to `year`, or the next year for a range that
 * wraps over New Year (12-29 → 01-03).
 */
export function setSpecialYearly(
  schedule: ScheduleDocument,
  index: number,
  yearly: boolean,
  year: number,
): ScheduleDocument {
  return updateSpecial(schedule, index, (entry) => {
    if (yearly) {
      const through = entry.through ? { through: toYearly(entry.through) } : {};
      return { ...entry, date: toYearly(entry.date), ...through };
    }
    const date = toDated(entry.date, year);
    if (!entry.through) return { ...entry, date };
    const wraps = isYearly(entry.through) && entry.through < toYearly(entry.date);
    return { ...entry, date, through: toDated(entry.through, wraps ? year + 1 : year) };
  });
}

/**
 * A typed time as HH:MM: 9 → 09:00, 930 → 09:30, 18時 → 18:00, ９：３０ → 09:30, 24 → 24:00.
 * Anything else comes back as typed, for validation to point at.
 */
export function normalizeTime(text: string): string {
  const typed = text.normalize('NFKC').trim();
  const plain = typed.replace(/時/, ':').replace(/分$/, '').replace(/[.]/, ':');
  const match = /^(\d{1,2}):?(\d{2})?$/.exec(plain) ?? /^(\d{1,2})(\d{2})$/.exec(plain);
  if (!match) return typed;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) return typed;
  return minutesText(hours * 60 + minutes);
}
