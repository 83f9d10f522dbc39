/**
 * validateSchedule's issues in plain words, next to the field they are about. The issue's JSON
 * pointer says where (which weekday window, which special date); its code says what. Details the
 * document holds (the times of a window) are read from the document; only what it cannot tell
 * (the other window of an overlap, which kind of date problem) is read from the English message.
 */
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import type { Issue } from '../../schema/issue.ts';

/** A key under `hours.issues.` in the pages messages, with its values. */
export interface ScheduleIssueText {
  key: string;
  values: Record<string, string>;
}

function valueAt(doc: unknown, path: string): unknown {
  let value = doc;
  for (const segment of path.split('/').slice(1)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

const span = (w: unknown): string => {
  const { from, to } = (w ?? {}) as { from?: unknown; to?: unknown };
  return `${typeof from === 'string' ? from : '?'}〜${typeof to === 'string' ? to : '?'}`;
};

export function scheduleIssueText(issue: Issue, schedule: ScheduleDocument): ScheduleIssueText {
  const at = issue.path;
  const last = at.split('/').at(-1) ?? '';
  const m = issue.message;
  switch (issue.code) {
    case 'window-out-of-order':
      return { key: 'outOfOrder', values: { span: span(valueAt(schedule, at)) } };
    case 'window-overlap': {
      const other = /overlaps (\S+)–(\S+)/.exec(m);
      return {
        key: 'overlap',
        values: { span: span(valueAt(schedule, at)), other: other ? `${other[1]}〜${other[2]}` : '?' },
      };
    }
    case 'special-conflict':
      return { key: m.includes('neither') ? 'conflictNeither' : 'conflictBoth', values: {} };
    case 'bad-date': {
      const value = String(valueAt(schedule, at) ?? '');
      if (m.includes('mix')) return { key: 'dateMixed', values: {} };
      if (m.includes('ends before')) return { key: 'dateBackwards', values: {} };
      return { key: 'dateNotReal', values: { date: value } };
    }
    case 'bad-value':
    case 'too-short':
    case 'missing-field':
      if (last === 'from' || last === 'to') return { key: 'time', values: {} };
      if (last === 'date' || last === 'through') return { key: 'date', values: {} };
      if (last === 'name') return { key: 'name', values: {} };
      if (last === 'id') return { key: 'id', values: {} };
      break;
    case 'too-long':
      if (last === 'note') return { key: 'noteTooLong', values: {} };
      if (last === 'name') return { key: 'nameTooLong', values: {} };
      break;
    case 'too-many':
      return { key: last === 'special' ? 'tooManySpecial' : 'tooManyWindows', values: {} };
    default:
      break;
  }
  return { key: 'other', values: { message: m } };
}

/** Issues exactly at a pointer. */
export function issuesAt(issues: readonly Issue[], path: string): Issue[] {
  return issues.filter((issue) => issue.path === path);
}

/**
 * Issues at a pointer or below it, except those under one of `except` (shown by a more precise
 * field): a window list shows its own list's issues and each window shows its own.
 */
export function issuesUnder(issues: readonly Issue[], path: string, except: readonly string[] = []): Issue[] {
  const inside = (p: string, prefix: string) => p === prefix || p.startsWith(`${prefix}/`);
  return issues.filter((i) => inside(i.path, path) && !except.some((e) => inside(i.path, e)));
}
