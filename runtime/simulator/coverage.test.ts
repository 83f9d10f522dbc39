import { describe, expect, it } from 'vitest';
import { emptyCoverage, formatCoverage, mergeCoverage, summariseCoverage } from './coverage.ts';
import { simulate } from './simulate.ts';
import { openAt, shopFlow, shopSchedules } from './test-flows.ts';

describe('coverage', () => {
  it('has a key for every node and every port, including one per menu option', () => {
    const coverage = emptyCoverage(shopFlow);
    expect(Object.keys(coverage.nodes)).toEqual(shopFlow.nodes.map((n) => n.id));
    expect(Object.keys(coverage.ports).filter((key) => key.startsWith('menu:'))).toEqual([
      'menu:1',
      'menu:2',
      'menu:timeout',
      'menu:invalid',
    ]);
    expect(Object.keys(coverage.ports)).not.toContain('bye:next');
    expect(Object.values(coverage.ports).every((count) => count === 0)).toBe(true);
  });

  it('adds up several calls and lists what no call reached, in flow order', () => {
    const options = { at: openAt, schedules: shopSchedules };
    const sms = simulate(shopFlow, [{ press: '1' }], options).coverage;
    const voicemail = simulate(
      shopFlow,
      [{ press: '2' }, { transfer: 'busy' }, { record: 'はい' }],
      options,
    ).coverage;
    const merged = mergeCoverage(sms, voicemail);
    expect(merged.nodes.welcome).toBe(2);
    expect(merged.ports['menu:1']).toBe(1);
    expect(merged.ports['menu:2']).toBe(1);
    const summary = summariseCoverage(merged);
    expect(summary.uncoveredNodes).toEqual(['closed']);
    expect(summary.uncoveredPorts).toEqual([
      'hours:closed',
      'menu:timeout',
      'menu:invalid',
      'sms:failed',
      'xfer:answered',
      'closed:next',
    ]);
    expect(summary.ports).toEqual({ covered: 8, total: 14 });
    expect(formatCoverage(summary)).toBe('ports 8/14 (57%), nodes 8/9');
  });

  it('shows 100% only when every port was taken', () => {
    const almost = {
      nodes: { a: 1 },
      ports: Object.fromEntries([...Array(200).keys()].map((i) => [`a:${i}`, i ? 1 : 0])),
    };
    expect(formatCoverage(summariseCoverage(almost))).toBe('ports 199/200 (99%), nodes 1/1');
  });
});
