import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  durationText,
  heatLevel,
  heatmapMax,
  outcomeTone,
  percentText,
  presetRange,
  testCaseFileName,
  tokyoDay,
  tokyoTime,
  weekRows,
} from './history-format.ts';

describe('call lengths in words', () => {
  it('reads minutes and seconds the Japanese way, and in English', () => {
    expect(durationText(65, 'ja')).toBe('1分05秒');
    expect(durationText(42, 'ja')).toBe('42秒');
    expect(durationText(3600, 'ja')).toBe('60分00秒');
    expect(durationText(65, 'en')).toBe('1 min 05 s');
    expect(durationText(12.4, 'en')).toBe('12 s');
  });
  it('shows a dash when the length is not known (a call in progress)', () => {
    expect(durationText(null, 'ja')).toBe('—');
    expect(durationText(undefined, 'en')).toBe('—');
  });
});

describe('result colours', () => {
  it('marks closed hours apart from other missed calls, and keeps each outcome its own tone', () => {
    expect(outcomeTone('missed', 'notInOperation')).toBe('closed');
    expect(outcomeTone('missed', 'linesBusy')).toBe('missed');
    expect(outcomeTone('voicemail', null)).toBe('voicemail');
    expect(outcomeTone('transferred', null)).toBe('transferred');
  });
});

describe('date presets in Japanese days', () => {
  // 2026-11-24 23:30 UTC is already 25 November in Tokyo.
  const lateUtc = new Date('2026-11-24T23:30:00Z');
  it('counts today in Tokyo, whatever the clock zone', () => {
    expect(tokyoDay(lateUtc)).toBe('2026-11-25');
    expect(presetRange('today', lateUtc)).toEqual({ from: '2026-11-25', to: '2026-11-25' });
  });
  it('gives 7 and 30 days ending today, today included', () => {
    expect(presetRange('7d', lateUtc)).toEqual({ from: '2026-11-19', to: '2026-11-25' });
    expect(daysBetween('2026-11-19', '2026-11-25')).toHaveLength(7);
    const thirty = presetRange('30d', lateUtc);
    expect(daysBetween(thirty.from, thirty.to)).toHaveLength(30);
  });
  it('reads a step time to the second in Japanese time', () => {
    expect(tokyoTime('2026-11-24T03:05:09.500Z')).toBe('12:05:09');
    expect(tokyoTime('not a time')).toBe('');
  });
  it('crosses month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
  });
});

describe('dashboard numbers', () => {
  it('shows rates as percentages with one decimal', () => {
    expect(percentText(0.875)).toBe('87.5%');
    expect(percentText(1)).toBe('100%');
    expect(percentText(null)).toBe('—');
  });
  it('shades the busiest hour darkest and leaves empty hours blank', () => {
    expect(heatLevel(0, 10)).toBe(0);
    expect(heatLevel(10, 10)).toBe(4);
    expect(heatLevel(1, 10)).toBe(1);
    expect(heatLevel(5, 10)).toBe(2);
    expect(heatLevel(3, 0)).toBe(0);
  });
  it('lists the week from Monday, with Sunday last', () => {
    const heatmap = Array.from({ length: 7 }, (_, day) =>
      Array.from({ length: 24 }, (_, hour) => day * 100 + hour),
    );
    const rows = weekRows(heatmap);
    expect(rows.map((r) => r.weekday)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(rows[6]?.hours[9]).toBe(9);
    expect(rows[0]?.hours[13]).toBe(113);
    expect(heatmapMax(heatmap)).toBe(623);
  });
});

describe('test case files', () => {
  it('are named after the flow, so they sit next to its flow.json, and differ per call', () => {
    const a = testCaseFileName('restaurant', 'c0ffee12-aaaa');
    const b = testCaseFileName('restaurant', 'deadbeef-bbbb');
    expect(a).toMatch(/^restaurant\..+\.test\.json$/);
    expect(a).not.toBe(b);
  });
});
