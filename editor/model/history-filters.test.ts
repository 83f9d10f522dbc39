import { describe, expect, it } from 'vitest';
import {
  apiFilters,
  firstPage,
  hasFilters,
  newerPage,
  noFilters,
  olderPage,
  resultChoices,
} from './history-filters.ts';

describe('call log filters', () => {
  it('asks the API for nothing when nothing is chosen', () => {
    expect(apiFilters(noFilters)).toEqual({});
    expect(hasFilters({ ...noFilters, q: '   ' })).toBe(false);
  });
  it('turns a missed-call reason into outcome and reason', () => {
    expect(apiFilters({ ...noFilters, result: 'missed:linesBusy' })).toEqual({
      outcome: 'missed',
      reason: 'linesBusy',
    });
    expect(apiFilters({ ...noFilters, result: 'missed' })).toEqual({ outcome: 'missed' });
    expect(apiFilters({ ...noFilters, result: 'voicemail' })).toEqual({ outcome: 'voicemail' });
  });
  it('sends dates, number, flow and the trimmed search words as typed (Japanese too)', () => {
    expect(
      apiFilters({
        from: '2026-11-01',
        to: '2026-11-30',
        number: '+815012345678',
        flow: 'restaurant',
        result: '',
        q: ' 予約 ',
      }),
    ).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      number: '+815012345678',
      flow: 'restaurant',
      q: '予約',
    });
  });
  it('offers every outcome and every reason of a missed call once', () => {
    const values = resultChoices().map((c) => c.value);
    expect(new Set(values).size).toBe(values.length);
    expect(values).toContain('missed:notInOperation');
    expect(values).toContain('missed:userLeft');
    expect(values).toContain('missed:noAnswer');
  });
});

describe('keyset paging', () => {
  it('goes to older pages by cursor and back without losing them', () => {
    const second = olderPage(firstPage, 'c1');
    const third = olderPage(second, 'c2');
    expect(third.cursors[third.index]).toBe('c2');
    const back = newerPage(third);
    expect(back.cursors[back.index]).toBe('c1');
    expect(newerPage(newerPage(back)).index).toBe(0);
    // Going older again from a page seen before replaces what came after it.
    const branch = olderPage(newerPage(back), 'c9');
    expect(branch.cursors).toEqual([undefined, 'c9']);
  });
});
