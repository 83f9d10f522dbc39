/**
 * Is a business open at an instant? Order of precedence: a special date (a one-off YYYY-MM-DD
 * beats a yearly MM-DD), then a public holiday when the schedule closes on them, then the
 * weekday's windows. Windows are [from, to) in local minutes.
 */
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { type MinuteWindow, toMinuteWindow } from '../../schema/time-window.ts';
import { japaneseHoliday } from './holidays.ts';
import { type LocalParts, localParts } from './local-time.ts';

type SpecialDate = NonNullable<ScheduleDocument['special']>[number];
const weekdayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export interface DayHours {
  /** Why these hours apply. */
  source: 'special' | 'holiday' | 'weekly';
  windows: MinuteWindow[];
  /** Name of the public holiday, when the day is one (even if the schedule ignores holidays). */
  holiday?: string;
  /** Note of the special date that applied. */
  note?: string;
}

export interface OpenStatus extends DayHours {
  open: boolean;
  local: LocalParts;
}

function matchesSpecial(entry: SpecialDate, local: LocalParts): boolean {
  const yearly = entry.date.length === 5;
  const day = yearly ? local.monthDay : local.date;
  if (!entry.through) return day === entry.date;
  const through =
    entry.through.length === 5 && !yearly ? `${local.date.slice(0, 4)}-${entry.through}` : entry.through;
  if (entry.date <= through) return entry.date <= day && day <= through;
  // A yearly range such as 12-29 through 01-03 wraps over New Year.
  return day >= entry.date || day <= through;
}

function specialFor(schedule: ScheduleDocument, local: LocalParts): SpecialDate | undefined {
  const special = schedule.special ?? [];
  return (
    special.find((entry) => entry.date.length === 10 && matchesSpecial(entry, local)) ??
    special.find((entry) => entry.date.length === 5 && matchesSpecial(entry, local))
  );
}

/** The hours that apply on the local day of `local`. */
export function hoursOn(schedule: ScheduleDocument, local: LocalParts): DayHours {
  const holiday = japaneseHoliday(local.date);
  const special = specialFor(schedule, local);
  if (special) {
    const windows = special.closed ? [] : (special.windows ?? []).map(toMinuteWindow);
    return { source: 'special', windows, holiday, note: special.note };
  }
  if (holiday && schedule.closedOnPublicHolidays) return { source: 'holiday', windows: [], holiday };
  const day = schedule.weekly[weekdayKeys[local.weekday] ?? 'sun'] ?? [];
  return { source: 'weekly', windows: day.map(toMinuteWindow), holiday };
}

/** Open/closed at an instant in a time zone. Undefined when the instant or zone is invalid. */
export function openStatus(schedule: ScheduleDocument, at: string, timeZone: string): OpenStatus | undefined {
  const local = localParts(at, timeZone);
  if (!local) return undefined;
  const hours = hoursOn(schedule, local);
  const open = hours.windows.some((w) => w.from <= local.minutes && local.minutes < w.to);
  return { ...hours, open, local };
}
