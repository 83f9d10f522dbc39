import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Flow } from '../../schema/kinds.ts';
import { loadFlowContext } from '../simulator/load-files.ts';
import { simulate } from '../simulator/simulate.ts';
import type { ScriptStep } from '../simulator/types.ts';
import { callOutcome } from './call-outcome.ts';

const examples = join(import.meta.dirname, '..', '..', 'examples');

/** Runs an example flow in the simulator and classifies the call as the call log would. */
function outcomeOf(example: string, at: string, script: ScriptStep[]) {
  const flowPath = join(examples, example, 'flow.json');
  const flow = JSON.parse(readFileSync(flowPath, 'utf8')) as Flow;
  const { schedules } = loadFlowContext(flowPath);
  const run = simulate(flow, script, { at, ...(schedules ? { schedules } : {}) });
  const ended = run.result !== 'unfinished';
  return callOutcome({
    status: ended ? 'ended' : 'live',
    result: ended ? (run.result as Exclude<typeof run.result, 'unfinished'>) : null,
    missedReason: null,
    trace: run.trace,
  });
}

const tuesdayLunch = '2026-11-24T12:00:00+09:00';
const holiday = '2026-11-23T12:00:00+09:00';

describe('call outcome for the call log', () => {
  it('a transfer the shop answers is transferred', () => {
    expect(outcomeOf('restaurant', tuesdayLunch, [{ press: '2' }, { transfer: 'answered' }])).toEqual({
      outcome: 'transferred',
    });
  });

  it('a self-service call that reaches its end is completed', () => {
    expect(outcomeOf('restaurant', tuesdayLunch, [{ press: '1' }])).toEqual({ outcome: 'completed' });
  });

  it('a call on a closed day is missed: not in operation', () => {
    expect(outcomeOf('restaurant', holiday, [{ press: '1' }])).toEqual({
      outcome: 'missed',
      reason: 'notInOperation',
    });
  });

  it('a caller who hangs up at the menu left: userLeft', () => {
    expect(outcomeOf('restaurant', tuesdayLunch, [{ hangup: true }])).toEqual({
      outcome: 'missed',
      reason: 'userLeft',
    });
  });

  it('a caller who hangs up while the shop rings left before it answered: userLeft', () => {
    expect(outcomeOf('restaurant', tuesdayLunch, [{ press: '2' }, { hangup: true }])).toEqual({
      outcome: 'missed',
      reason: 'userLeft',
    });
  });

  it('a transfer nobody answers is missed: noAnswer, even when the flow then offers an SMS', () => {
    expect(
      outcomeOf('restaurant', '2026-11-27T12:30:00+09:00', [
        { press: '2' },
        { transfer: 'busy' },
        { press: '1' },
      ]),
    ).toEqual({ outcome: 'missed', reason: 'noAnswer' });
  });

  it('a message left after hours is voicemail, not a missed call', () => {
    expect(
      outcomeOf('clinic-after-hours', '2026-11-28T15:00:00+09:00', [
        { record: '小林です。来週の診察の予約をお願いします。' },
        { press: '09012345678#' },
      ]),
    ).toEqual({ outcome: 'voicemail' });
  });

  it('a call still going is live; calls the runtime turned away keep its reason', () => {
    expect(callOutcome({ status: 'live', result: null, missedReason: null, trace: [] })).toEqual({
      outcome: 'live',
    });
    const turnedAway = { status: 'ended' as const, result: 'missed' as const, trace: [] };
    expect(callOutcome({ ...turnedAway, missedReason: 'linesBusy' })).toEqual({
      outcome: 'missed',
      reason: 'linesBusy',
    });
    expect(callOutcome({ ...turnedAway, missedReason: 'lost' })).toEqual({
      outcome: 'missed',
      reason: 'lost',
    });
  });
});
