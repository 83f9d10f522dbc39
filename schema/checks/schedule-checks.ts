/**
 * Checks on a business-hours schedule that the JSON Schema cannot express: windows that end
 * before they start or overlap, dates that do not exist, ranges that run backwards, and special
 * dates that say both "closed" and "open from…" (or neither).
 */
import type { ScheduleDocument, SpecialDate, Window } from '../generated/schedule.ts';
import { type Issue, type IssueCode, pointer } from '../issue.ts';
import { toMinuteWindow } from '../time-window.ts';

const dayNames = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
} as const;

export function scheduleIssues(schedule: ScheduleDocument): Issue[] {
  const issues: Issue[] = [];
  for (const day of Object.keys(dayNames) as Array<keyof typeof dayNames>) {
    const windows = schedule.weekly[day];
    if (windows) issues.push(...windowIssues(windows, ['weekly', day], `${dayNames[day]} window`));
  }
  (schedule.special ?? []).forEach((special, k) => {
    issues.push(...specialIssues(special, k));
  });
  return issues;
}

function issue(code: IssueCode, segments: Array<string | number>, message: string): Issue {
  return { code, severity: 'error', path: pointer(...segments), message };
}

/** Out-of-order windows, then windows that overlap an earlier one of the same day (at most 3). */
function windowIssues(windows: readonly Window[], at: Array<string | number>, what: string): Issue[] {
  const issues: Issue[] = [];
  const minutes = windows.map(toMinuteWindow);
  windows.forEach((window, j) => {
    const current = minutes[j]!;
    const span = `${window.from}–${window.to}`;
    if (current.to <= current.from) {
      issues.push(issue('window-out-of-order', [...at, j], `${what} ${span} ends before it starts`));
      return;
    }
    const earlier = minutes.findIndex(
      (other, i) => i < j && other.from < other.to && other.from < current.to && current.from < other.to,
    );
    if (earlier !== -1) {
      const other = windows[earlier]!;
      issues.push(issue('window-overlap', [...at, j], `${what} ${span} overlaps ${other.from}–${other.to}`));
    }
  });
  return issues;
}

function specialIssues(special: SpecialDate, k: number): Issue[] {
  const issues: Issue[] = [];
  const name = special.through
    ? `special dates ${special.date}–${special.through}`
    : `special date ${special.date}`;
  const hasWindows = special.windows !== undefined && special.windows.length > 0;
  if (special.closed === true && hasWindows) {
    issues.push(
      issue('special-conflict', ['special', k], `${name} is marked closed but also has open hours`),
    );
  } else if (special.closed !== true && special.windows === undefined) {
    issues.push(
      issue(
        'special-conflict',
        ['special', k],
        `${name} says neither closed nor its open hours: add one of them`,
      ),
    );
  }
  if (special.windows)
    issues.push(...windowIssues(special.windows, ['special', k, 'windows'], `${name} window`));

  const date = parseDay(special.date);
  if (!date.exists)
    issues.push(issue('bad-date', ['special', k, 'date'], `${special.date} is not a real date`));
  if (special.through === undefined) return issues;
  const through = parseDay(special.through);
  if (!through.exists) {
    issues.push(issue('bad-date', ['special', k, 'through'], `${special.through} is not a real date`));
  } else if ((date.year === undefined) !== (through.year === undefined)) {
    issues.push(
      issue(
        'bad-date',
        ['special', k, 'through'],
        `${special.date} and ${special.through} mix a one-off date with a yearly one: use the same form for both`,
      ),
    );
  } else if (date.exists && date.year !== undefined && special.through < special.date) {
    // Yearly ranges (12-29 through 01-03) may wrap over New Year; dated ones may not run backwards.
    issues.push(
      issue(
        'bad-date',
        ['special', k, 'through'],
        `the range ${special.date}–${special.through} ends before it starts`,
      ),
    );
  }
  return issues;
}

interface Day {
  year: number | undefined;
  exists: boolean;
}

/** YYYY-MM-DD or MM-DD (the schema guarantees the shape); yearly dates may be 02-29. */
function parseDay(text: string): Day {
  const parts = text.split('-').map(Number);
  const [year, month, day] = parts.length === 3 ? parts : [undefined, ...parts];
  const days = daysInMonth(month ?? 0, year ?? 2024);
  return { year, exists: day !== undefined && day >= 1 && day <= days };
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(month: number, year: number): number {
  const days = monthDays[month - 1];
  if (days === undefined) return 0;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : days;
}
