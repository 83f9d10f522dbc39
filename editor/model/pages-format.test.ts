import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatMonth, formatMonthDay } from './pages-format.ts';

describe('formats', () => {
  it('writes instants in Tokyo time, Japanese style', () => {
    expect(formatDateTime('2026-05-03T05:05:00Z', 'ja')).toBe('2026年5月3日(日) 14:05');
    expect(formatDateTime('2026-05-03T15:05:00Z', 'en')).toBe('Mon, 4 May 2026, 00:05');
    expect(formatDateTime('nope', 'ja')).toBe('');
  });
  it('names months and days', () => {
    expect(formatMonth({ year: 2026, month: 11 }, 'ja')).toBe('2026年11月');
    expect(formatMonth({ year: 2026, month: 11 }, 'en')).toBe('November 2026');
    expect(formatDay('2026-11-23', 'ja')).toBe('2026年11月23日(月)');
    expect(formatDay('2026-11-23', 'en')).toBe('Monday, 23 November 2026');
    expect(formatMonthDay('12-29', 'ja')).toBe('12月29日');
    expect(formatMonthDay('02-29', 'en')).toBe('29 February');
  });
});
