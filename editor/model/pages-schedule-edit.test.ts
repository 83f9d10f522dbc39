import { describe, expect, it } from 'vitest';
import { validateSchedule } from '../../schema/validate.ts';
import {
  addSpecial,
  addWindow,
  blankSchedule,
  newYearHolidays,
  nextWindow,
  normalizeTime,
  removeSpecial,
  removeWindow,
  setSpecialClosed,
  setSpecialField,
  setSpecialYearly,
  updateWindow,
  windowsAt,
} from './pages-schedule-edit.ts';
import { issuesUnder, scheduleIssueText } from './pages-schedule-issues.ts';

const base = blankSchedule('shop', 'お店');

describe('schedule edits', () => {
  it('starts as a valid weekday 9–18 schedule closed on holidays', () => {
    expect(validateSchedule(base)).toEqual([]);
    expect(base.weekly.sat).toEqual([]);
    expect(base.closedOnPublicHolidays).toBe(true);
  });

  it('adds at most three windows, each after the last', () => {
    let s = updateWindow(base, { day: 'mon' }, 0, 'to', '12:00');
    s = addWindow(s, { day: 'mon' });
    expect(windowsAt(s, { day: 'mon' })[1]).toEqual({ from: '13:00', to: '16:00' });
    s = addWindow(addWindow(s, { day: 'mon' }), { day: 'mon' });
    expect(windowsAt(s, { day: 'mon' })).toHaveLength(3);
    expect(validateSchedule(s)).toEqual([]);
    expect(nextWindow([{ from: '18:00', to: '23:30' }])).toEqual({ from: '23:00', to: '24:00' });
    expect(nextWindow([])).toEqual({ from: '09:00', to: '18:00' });
  });

  it('removes a window; an empty day is a closed day', () => {
    const s = removeWindow(base, { day: 'tue' }, 0);
    expect(s.weekly.tue).toEqual([]);
    expect(base.weekly.tue).toHaveLength(1); // the old document is untouched
  });

  it('explains an overnight window next to it', () => {
    const s = updateWindow(
      updateWindow(base, { day: 'mon' }, 0, 'from', '18:00'),
      { day: 'mon' },
      0,
      'to',
      '09:00',
    );
    const issues = validateSchedule(s);
    expect(issues).toMatchObject([{ code: 'window-out-of-order', path: '/weekly/mon/0' }]);
    expect(scheduleIssueText(issues[0]!, s)).toEqual({ key: 'outOfOrder', values: { span: '18:00〜09:00' } });
    expect(issuesUnder(issues, '/weekly/mon')).toHaveLength(1);
    expect(issuesUnder(issues, '/weekly/mon', ['/weekly/mon/0'])).toHaveLength(0);
  });

  it('names the other window of an overlap, and a cleared time', () => {
    let s = addWindow(base, { day: 'wed' });
    s = updateWindow(s, { day: 'wed' }, 1, 'from', '17:00');
    const [overlap] = validateSchedule(s);
    expect(scheduleIssueText(overlap!, s)).toEqual({
      key: 'overlap',
      values: { span: '17:00〜22:00', other: '09:00〜18:00' },
    });
    const cleared = updateWindow(base, { day: 'wed' }, 0, 'to', '');
    const [empty] = validateSchedule(cleared);
    expect(empty?.path).toBe('/weekly/wed/0/to');
    expect(scheduleIssueText(empty!, cleared).key).toBe('time');
  });
});

describe('special dates', () => {
  it('adds the New Year closure as a valid yearly range', () => {
    const s = addSpecial(base, newYearHolidays);
    expect(validateSchedule(s)).toEqual([]);
    expect(s.special).toEqual([{ date: '12-29', through: '01-03', closed: true, note: '年末年始' }]);
  });

  it('switches between closed and its own hours, never both', () => {
    let s = addSpecial(base, { date: '2026-12-28', closed: true });
    s = setSpecialClosed(s, 0, false);
    expect(s.special![0]).toEqual({ date: '2026-12-28', windows: [{ from: '09:00', to: '18:00' }] });
    s = updateWindow(s, { special: 0 }, 0, 'to', '12:00');
    expect(validateSchedule(s)).toEqual([]);
    s = setSpecialClosed(s, 0, true);
    expect(s.special![0]).toEqual({ date: '2026-12-28', closed: true });
  });

  it('converts both ends when 毎年 is toggled, a wrapping range into the next year', () => {
    let s = addSpecial(base, newYearHolidays);
    s = setSpecialYearly(s, 0, false, 2026);
    expect(s.special![0]).toMatchObject({ date: '2026-12-29', through: '2027-01-03' });
    expect(validateSchedule(s)).toEqual([]);
    s = setSpecialYearly(s, 0, true, 2026);
    expect(s.special![0]).toMatchObject({ date: '12-29', through: '01-03' });
  });

  it('leaves out cleared optional fields and explains bad dates', () => {
    let s = addSpecial(base, { date: '2026-05-01', through: '2026-05-06', closed: true, note: 'GW' });
    s = setSpecialField(s, 0, 'note', '');
    s = setSpecialField(s, 0, 'through', '');
    expect(s.special![0]).toEqual({ date: '2026-05-01', closed: true });
    s = setSpecialField(s, 0, 'through', '2026-04-30');
    const [backwards] = validateSchedule(s);
    expect(scheduleIssueText(backwards!, s).key).toBe('dateBackwards');
    s = setSpecialField(s, 0, 'through', '05-06');
    expect(scheduleIssueText(validateSchedule(s)[0]!, s).key).toBe('dateMixed');
    s = setSpecialField(removeSpecial(s, 0), 0, 'date', 'x');
    expect(s.special).toEqual([]);
  });

  it('explains a special date with neither closed nor hours', () => {
    const s = addSpecial(base, { date: '02-30', windows: [] });
    const issues = validateSchedule({ ...s, special: [{ date: '02-30' }] });
    const keys = issues.map((i) => scheduleIssueText(i, { ...s, special: [{ date: '02-30' }] }).key);
    expect(keys).toEqual(['conflictNeither', 'dateNotReal']);
  });
});

describe('normalizeTime', () => {
  it('reads the ways people type times', () => {
    const cases: Record<string, string> = {
      '9': '09:00',
      '9:30': '09:30',
      '930': '09:30',
      '0930': '09:30',
      '1830': '18:30',
      '18:': '18:00',
      '18時': '18:00',
      '18時30分': '18:30',
      '９：３０': '09:30',
      '9.30': '09:30',
      ' 24 ': '24:00',
      '24:00': '24:00',
      '00:00': '00:00',
    };
    for (const [typed, time] of Object.entries(cases)) expect(normalizeTime(typed), typed).toBe(time);
  });
  it('leaves what is not a time for validation to point at', () => {
    for (const typed of ['', 'abc', '25:00', '24:30', '9:75', '18:3', '12345'])
      expect(normalizeTime(typed), typed).toBe(typed.trim());
  });
});
