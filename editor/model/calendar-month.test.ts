import { describe, expect, it } from 'vitest';
import { openStatus } from '../../runtime/engine/schedule.ts';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import {
  calendarDay,
  calendarMonth,
  daysInMonth,
  minutesText,
  monthOfDate,
  shiftMonth,
  todayIn,
} from './calendar-month.ts';

const clinic: ScheduleDocument = {
  schemaVersion: 1,
  id: 'clinic',
  name: '診療時間',
  weekly: {
    mon: [
      { from: '09:00', to: '12:30' },
      { from: '15:00', to: '18:30' },
    ],
    tue: [{ from: '09:00', to: '12:30' }],
    wed: [{ from: '09:00', to: '12:30' }],
    thu: [{ from: '09:00', to: '12:30' }],
    fri: [{ from: '09:00', to: '24:00' }],
    sat: [{ from: '09:00', to: '12:30' }],
    sun: [],
  },
  closedOnPublicHolidays: true,
  special: [
    { date: '12-29', through: '01-03', closed: true, note: '年末年始' },
    { date: '2026-12-30', windows: [{ from: '10:00', to: '12:00' }], note: '臨時診療' },
  ],
};

describe('month arithmetic', () => {
  it('shifts across years both ways', () => {
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(shiftMonth({ year: 2026, month: 5 }, -17)).toEqual({ year: 2024, month: 12 });
  });
  it('knows leap years', () => {
    expect(daysInMonth({ year: 2028, month: 2 })).toBe(29);
    expect(daysInMonth({ year: 2100, month: 2 })).toBe(28);
    expect(daysInMonth({ year: 2026, month: 11 })).toBe(30);
  });
  it('reads today in Tokyo, not UTC', () => {
    expect(todayIn('2026-11-22T15:30:00Z')).toBe('2026-11-23');
    expect(monthOfDate('2026-11-23')).toEqual({ year: 2026, month: 11 });
  });
  it('writes midnight as 24:00', () => {
    expect(minutesText(1440)).toBe('24:00');
    expect(minutesText(570)).toBe('09:30');
  });
});

describe('calendarMonth', () => {
  const nov = calendarMonth(clinic, { year: 2026, month: 11 }, '2026-11-22');
  const days = nov.weeks.flat().filter((d) => d !== null);

  it('lays the month out in Sunday-first weeks with padding', () => {
    // 2026-11-01 is a Sunday; 30 days fill five weeks.
    expect(nov.weeks).toHaveLength(5);
    expect(nov.weeks[0]![0]?.date).toBe('2026-11-01');
    expect(nov.weeks[4]!.slice(2)).toEqual([null, null, null, null, null]);
    expect(days).toHaveLength(30);
    expect(days.every((d) => d.weekday === new Date(`${d.date}T00:00:00Z`).getUTCDay())).toBe(true);
  });

  it('marks today, holidays with both names, and closes on them', () => {
    expect(days.filter((d) => d.today).map((d) => d.date)).toEqual(['2026-11-22']);
    const labourDay = days.find((d) => d.date === '2026-11-23')!;
    expect(labourDay).toMatchObject({
      open: false,
      source: 'holiday',
      holiday: { ja: '勤労感謝の日', en: 'Labor Thanksgiving Day' },
    });
  });

  it('shows a holiday the schedule ignores, but keeps the weekly hours', () => {
    const open = { ...clinic, closedOnPublicHolidays: false };
    expect(calendarDay(open, '2026-11-23', '')).toMatchObject({
      open: true,
      source: 'weekly',
      holiday: { ja: '勤労感謝の日' },
      windows: [
        { from: '09:00', to: '12:30' },
        { from: '15:00', to: '18:30' },
      ],
    });
  });

  it('applies a one-off date over a yearly range, and the range over New Year', () => {
    expect(calendarDay(clinic, '2026-12-30', '')).toMatchObject({ open: true, note: '臨時診療' });
    expect(calendarDay(clinic, '2026-12-31', '')).toMatchObject({ open: false, note: '年末年始' });
    expect(calendarDay(clinic, '2027-01-02', '')).toMatchObject({ open: false, source: 'special' });
    expect(calendarDay(clinic, '2027-01-04', '')).toMatchObject({ open: true, source: 'weekly' });
  });

  it('agrees with the engine at every hour of a year', () => {
    for (let m = 0; m < 12; m++) {
      const month = calendarMonth(clinic, shiftMonth({ year: 2026, month: 1 }, m), '');
      for (const day of month.weeks.flat()) {
        if (!day) continue;
        for (const hour of [8, 10, 13, 16, 23]) {
          const time = `${String(hour).padStart(2, '0')}:00`;
          const at = `${day.date}T${time}:00+09:00`;
          const engine = openStatus(clinic, at, 'Asia/Tokyo')!;
          const inWindow = day.windows.some((w) => w.from <= time && time < w.to);
          expect(inWindow, at).toBe(engine.open);
        }
      }
    }
  });
});
