import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { Flow } from '../../schema/kinds.ts';
import { loadFlowContext } from '../simulator/load-files.ts';
import { simulate } from '../simulator/simulate.ts';
import type { ScriptStep } from '../simulator/types.ts';
import type { CallRecord } from '../store/types.ts';
import { heatmapSlot, summarizeCall } from './call-summary.ts';

const examples = join(import.meta.dirname, '..', '..', 'examples');

/** An example call through the simulator, stored as the runtime would have stored it. */
function summaryOf(example: string, at: string, script: ScriptStep[], options: { withFlow?: boolean } = {}) {
  const flowPath = join(examples, example, 'flow.json');
  const flow = JSON.parse(readFileSync(flowPath, 'utf8')) as Flow;
  const { schedules } = loadFlowContext(flowPath);
  const run = simulate(flow, script, { at, from: '09012345678', ...(schedules ? { schedules } : {}) });
  const call: CallRecord = {
    id: 'c1',
    conversationUuid: null,
    number: '+815012345678',
    from: '819012345678',
    to: '+815012345678',
    flowId: flow.id,
    flowVersion: 1,
    status: 'ended',
    result: run.result === 'unfinished' ? 'caller-hangup' : run.result,
    missedReason: null,
    state: run.state,
    startedAt: new Date(at).toISOString(),
    endedAt: run.endedAt,
    lastEventAt: run.endedAt,
  };
  return summarizeCall({
    call,
    trace: run.trace,
    flow: options.withFlow === false ? undefined : (flow as FlowDocument),
    contactName: 'さくら商事 山田 花子',
  });
}

const tuesdayLunch = '2026-11-24T12:00:00+09:00';

describe('call summary for the call log', () => {
  it('a transfer the shop answers: transferred, with the menu choice and the seconds it rang', () => {
    const summary = summaryOf('restaurant', tuesdayLunch, [{ press: '2' }, { transfer: 'answered' }]);
    expect(summary).toMatchObject({
      outcome: 'transferred',
      reason: null,
      menuChoices: [{ nodeId: 'open-menu', key: '2', label: 'お店につなぐ' }],
      digits: [],
      contactName: 'さくら商事 山田 花子',
    });
    // The simulator's shop answers after 20 seconds of ringing, once 「おつなぎします」 was said.
    expect(summary.answerSeconds).toBeGreaterThanOrEqual(20);
    expect(summary.answerSeconds).toBeLessThan(30);
    expect(summary.durationSeconds).toBeGreaterThan(60);
  });

  it('a voicemail: the transcript and the callback number, both searchable with the contact name', () => {
    const summary = summaryOf('clinic-after-hours', '2026-11-28T15:00:00+09:00', [
      { record: '小林です。来週の診察の予約をお願いします。' },
      { press: '0312345678#' },
    ]);
    expect(summary).toMatchObject({
      outcome: 'voicemail',
      transcript: '小林です。来週の診察の予約をお願いします。',
      digits: ['0312345678'],
      answerSeconds: null,
    });
    expect(summary.searchText).toContain('小林です');
    expect(summary.searchText).toContain('0312345678');
    expect(summary.searchText).toContain('山田 花子');
  });

  it('reads digits and transcripts from the variables when the flow version is gone', () => {
    const summary = summaryOf(
      'clinic-after-hours',
      '2026-11-28T15:00:00+09:00',
      [{ record: '折り返しお願いします' }, { press: '09012345678#' }],
      { withFlow: false },
    );
    expect(summary).toMatchObject({ transcript: '折り返しお願いします', digits: ['09012345678'] });
  });

  it('places a call in the heatmap by its weekday and hour in Japanese time', () => {
    expect(heatmapSlot('2026-11-24T03:30:00Z')).toBe(2 * 24 + 12); // Tuesday 12:30 in Tokyo
    expect(heatmapSlot('2026-11-28T15:10:00Z')).toBe(0 * 24 + 0); // Sunday 0:10 in Tokyo
    expect(summaryOf('restaurant', tuesdayLunch, [{ hangup: true }])).toMatchObject({
      outcome: 'missed',
      reason: 'userLeft',
      localSlot: 2 * 24 + 12,
    });
  });
});
