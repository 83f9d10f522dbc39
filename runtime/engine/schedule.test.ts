import { describe, expect, it } from 'vitest';
import { japaneseHoliday } from './holidays.ts';
import { openStatus } from './schedule.ts';
import { flowOf, TestCall, weekdayShop } from './test-helpers.ts';

const tokyo = 'Asia/Tokyo';
const open = (at: string) => openStatus(weekdayShop, at, tokyo)?.open;

describe('business hours', () => {
  it('opens inside a window and closes at its exclusive end', () => {
    expect(open('2026-11-24T08:29:59+09:00')).toBe(false);
    expect(open('2026-11-24T08:30:00+09:00')).toBe(true);
    expect(open('2026-11-24T11:59:00+09:00')).toBe(true);
    expect(open('2026-11-24T12:00:00+09:00')).toBe(false);
    expect(open('2026-11-24T15:00:00+09:00')).toBe(true);
    expect(open('2026-11-24T18:00:00+09:00')).toBe(false);
  });

  it('evaluates in the flow time zone, not UTC', () => {
    // 2026-11-24 01:00 UTC is 10:00 in Tokyo (open); 10:00 UTC is 19:00 (closed).
    expect(open('2026-11-24T01:00:00Z')).toBe(true);
    expect(open('2026-11-24T10:00:00Z')).toBe(false);
  });

  it('closes on public holidays, substitute holidays and the citizens holiday', () => {
    expect(japaneseHoliday('2026-11-23')).toBe('勤労感謝の日');
    expect(open('2026-11-23T10:00:00+09:00')).toBe(false);
    // 2026-05-06 (Wed) is the substitute for Constitution Day falling on Sunday 5-03.
    expect(japaneseHoliday('2026-05-06')).toContain('振替休日');
    expect(open('2026-05-06T10:00:00+09:00')).toBe(false);
    // 2026-09-22 (Tue) sits between 敬老の日 and 秋分の日: a citizens' holiday.
    expect(japaneseHoliday('2026-09-22')).toBe('休日'); // the Cabinet Office's name for it
    expect(open('2026-09-22T10:00:00+09:00')).toBe(false);
    expect(open('2026-09-24T10:00:00+09:00')).toBe(true);
  });

  it('covers the holiday years 2020-2030', () => {
    for (let year = 2020; year <= 2030; year += 1) {
      expect(japaneseHoliday(`${year}-01-01`), String(year)).toBe('元日');
    }
    expect(japaneseHoliday('2020-07-24')).toBe('スポーツの日'); // moved for the Olympics
    expect(japaneseHoliday('2030-11-23')).toBe('勤労感謝の日');
  });

  it('lets special dates override the week: yearly ranges over New Year and one-off windows', () => {
    expect(open('2026-12-29T10:00:00+09:00')).toBe(false);
    expect(open('2027-01-02T10:00:00+09:00')).toBe(false); // Saturday, normally open
    expect(open('2027-01-04T10:00:00+09:00')).toBe(true);
    expect(open('2026-12-28T10:00:00+09:00')).toBe(true);
    // Saturday 2026-12-26 opens only 10:00-11:00 instead of 09:00-13:00.
    expect(open('2026-12-26T09:30:00+09:00')).toBe(false);
    expect(open('2026-12-26T10:30:00+09:00')).toBe(true);
    expect(openStatus(weekdayShop, '2026-12-26T10:30:00+09:00', tokyo)?.note).toBe('短縮営業');
  });

  it('is closed on a day without windows', () => {
    expect(open('2026-11-29T10:00:00+09:00')).toBe(false); // Sunday
    expect(open('2026-11-26T15:30:00+09:00')).toBe(false); // Thursday afternoon
  });
});

describe('hours node', () => {
  const flow = flowOf([
    { id: 'hours', kind: 'hours', params: { schedule: 'shop' }, next: { open: 'open', closed: 'closed' } },
    { id: 'open', kind: 'hangup', params: { text: '営業中です。' } },
    { id: 'closed', kind: 'hangup', params: { text: '本日の営業は終了しました。' } },
  ]);

  it('takes open or closed from the time of the call', () => {
    expect(new TestCall(flow, undefined, '2026-11-24T12:00:00+09:00').state.path).toEqual([
      'hours',
      'closed',
    ]);
    expect(new TestCall(flow, undefined, '2026-11-24T11:00:00+09:00').state.path).toEqual(['hours', 'open']);
  });

  it('treats a schedule missing at run time as closed instead of dropping the call', () => {
    const call = new TestCall(flow, { schedules: {} }, '2026-11-24T11:00:00+09:00');
    expect(call.state.path).toEqual(['hours', 'closed']);
    expect(call.said).toEqual(['本日の営業は終了しました。']);
  });
});
