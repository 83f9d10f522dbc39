import { describe, expect, it } from 'vitest';
import type { StatsGroup } from '../store/types.ts';
import { callsPerDay, dashboard } from './stats.ts';

const group = (over: Partial<StatsGroup>): StatsGroup => ({
  outcome: 'completed',
  reason: null,
  localSlot: 2 * 24 + 12,
  number: '+815012345678',
  flowId: 'restaurant',
  calls: 1,
  durationSum: 0,
  durationCount: 0,
  answerSum: 0,
  answerCount: 0,
  ...over,
});

describe('dashboard figures', () => {
  const figures = dashboard([
    group({ outcome: 'completed', calls: 3, durationSum: 90, durationCount: 3 }),
    group({
      outcome: 'transferred',
      calls: 2,
      durationSum: 200,
      durationCount: 2,
      answerSum: 30,
      answerCount: 2,
    }),
    group({ outcome: 'voicemail', calls: 1, durationSum: 70, durationCount: 1, localSlot: 6 * 24 + 20 }),
    group({ outcome: 'missed', reason: 'linesBusy', calls: 2, durationCount: 2, number: '+81312345678' }),
    group({ outcome: 'missed', reason: 'notInOperation', calls: 1, durationSum: 40, durationCount: 1 }),
    group({ outcome: null, calls: 1, localSlot: null, flowId: null }),
  ]);

  it('counts calls per outcome and missed calls per reason', () => {
    expect(figures).toMatchObject({
      total: 10,
      completed: 3,
      transferred: 2,
      voicemail: 1,
      missed: 3,
      live: 1,
    });
    expect(figures.missedByReason).toMatchObject({ linesBusy: 2, notInOperation: 1, userLeft: 0 });
  });

  it('rates completion over calls that are over, and averages length over answered calls only', () => {
    expect(figures.completionRate).toBe(0.667); // 6 of 9
    // Turned away (lines busy) calls lasted nothing and would drag the mean down.
    expect(figures.averageDurationSeconds).toBe(57.1); // (90 + 200 + 70 + 40) / 7
    expect(figures.averageAnswerSeconds).toBe(15);
  });

  it('draws the heatmap by weekday and hour and splits counts per number and per flow', () => {
    expect(figures.heatmap[2]?.[12]).toBe(8);
    expect(figures.heatmap[6]?.[20]).toBe(1);
    expect(figures.heatmap.flat().reduce((a, b) => a + b, 0)).toBe(9);
    expect(figures.byNumber).toEqual([
      expect.objectContaining({ number: '+815012345678', total: 8 }),
      expect.objectContaining({ number: '+81312345678', total: 2, missed: 2 }),
    ]);
    expect(figures.byFlow.map((f) => [f.flowId, f.total])).toEqual([
      ['restaurant', 9],
      [null, 1],
    ]);
  });

  it('has no rates or averages without calls', () => {
    expect(dashboard([])).toMatchObject({
      total: 0,
      completionRate: null,
      averageDurationSeconds: null,
      averageAnswerSeconds: null,
    });
  });

  it('counts calls per day in Japanese time, every day of the range listed', () => {
    const days = callsPerDay(
      [
        { hour: '2026-11-23T14', outcome: 'completed', calls: 2 }, // 23:00 on the 23rd in Tokyo
        { hour: '2026-11-23T15', outcome: 'missed', calls: 1 }, // 0:00 on the 24th
        { hour: '2026-11-24T03', outcome: null, calls: 1 },
      ],
      { from: '2026-11-22T15:00:00.000Z', to: '2026-11-25T15:00:00.000Z' },
    );
    expect(days.map((d) => [d.date, d.total, d.missed, d.live])).toEqual([
      ['2026-11-23', 2, 0, 0],
      ['2026-11-24', 2, 1, 1],
      ['2026-11-25', 0, 0, 0],
    ]);
  });
});
