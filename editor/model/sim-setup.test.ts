import { describe, expect, it } from 'vitest';
import {
  addDays,
  callerKind,
  callerPresets,
  dayInfo,
  localValueToIso,
  nextHoliday,
  quickTimeValue,
  tokyoLocalValue,
} from './sim-setup.ts';

describe('simulator time in Tokyo', () => {
  it('shows an instant as Tokyo wall time whatever the zone of the browser', () => {
    expect(tokyoLocalValue(new Date('2026-11-23T03:00:00Z'))).toBe('2026-11-23T12:00');
    expect(tokyoLocalValue(new Date('2026-12-31T15:30:00Z'))).toBe('2027-01-01T00:30');
  });

  it('turns a datetime-local value into an instant with the +09:00 offset, refusing impossible days', () => {
    expect(localValueToIso('2026-11-23T12:00')).toBe('2026-11-23T12:00:00+09:00');
    expect(localValueToIso('2026-02-30T12:00')).toBeUndefined();
    expect(localValueToIso('2026-11-23')).toBeUndefined();
    expect(localValueToIso('')).toBeUndefined();
  });

  it('knows the weekday and public holidays, including substitute holidays', () => {
    expect(dayInfo('2026-11-23T12:00')).toEqual({ date: '2026-11-23', weekday: 1, holiday: '勤労感謝の日' });
    expect(dayInfo('2026-11-24T12:00')).toEqual({ date: '2026-11-24', weekday: 2 });
    expect(dayInfo('2026-05-06T09:00')?.holiday).toBe('こどもの日 振替休日');
    expect(nextHoliday('2026-11-24')).toEqual({ date: '2027-01-01', name: '元日' });
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('offers quick choices relative to now', () => {
    const now = new Date('2026-11-22T15:10:00Z'); // Monday 00:10 in Tokyo
    expect(quickTimeValue('now', now)).toBe('2026-11-23T00:10');
    expect(quickTimeValue('today-noon', now)).toBe('2026-11-23T12:00');
    expect(quickTimeValue('tomorrow-noon', now)).toBe('2026-11-24T12:00');
    expect(quickTimeValue('today-night', now)).toBe('2026-11-23T23:00');
    // The next holiday after today, so the button always changes something.
    expect(quickTimeValue('next-holiday', now)).toBe('2027-01-01T12:00');
  });
});

describe('caller presets', () => {
  it('classifies the numbers a tester types', () => {
    expect(callerKind(callerPresets.mobile)).toBe('mobile');
    expect(callerKind(callerPresets.landline)).toBe('landline');
    expect(callerKind('anonymous')).toBe('anonymous');
    expect(callerKind('0120-444-444')).toBe('other');
    expect(callerKind('12')).toBe('invalid');
  });
});
