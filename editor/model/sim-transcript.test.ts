import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startSimulation } from '../../runtime/simulator/simulate.ts';
import type { ScriptStep } from '../../runtime/simulator/types.ts';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import type { Flow } from '../../schema/kinds.ts';
import { simulationHighlight, transcriptEntries } from './sim-transcript.ts';

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;
const support = read<Flow>('../../examples/support-desk/flow.json');
const supportSchedules = {
  'support-hours': read<ScheduleDocument>('../../examples/support-desk/schedules/support-hours.json'),
};
const restaurant = read<Flow>('../../examples/restaurant/flow.json');
const restaurantSchedules = {
  'restaurant-hours': read<ScheduleDocument>('../../examples/restaurant/schedules/restaurant-hours.json'),
};

function run(
  flow: Flow,
  schedules: Record<string, ScheduleDocument>,
  at: string,
  script: ScriptStep[],
  from = '090-1234-5678',
) {
  const session = startSimulation(flow, { at, from, schedules });
  const accepted = script.filter((step) => session.apply(step) === undefined);
  const result = session.result();
  return { session, result, entries: transcriptEntries(session.lines, result.actions, accepted) };
}

describe('transcriptEntries', () => {
  it('matches every line of a call with speech, a failed transfer, a voicemail and a notification', () => {
    const { entries, session } = run(support, supportSchedules, '2026-11-25T14:00:00+09:00', [
      { say: '修理をお願いしたいです' },
      { press: '2' },
      { transfer: 'no-answer' },
      { record: '田中です。型番はHK-2200です。', seconds: 20 },
    ]);
    expect(entries).toHaveLength(session.lines.length);
    expect(entries.some((e) => e.who === 'note' && e.note.kind === 'other')).toBe(false);
    const kinds = entries.map((e) => (e.who === 'note' ? e.note.kind : e.who));
    expect(kinds).toContain('transfer');
    expect(kinds).toContain('transfer-outcome');
    expect(kinds).toContain('record');
    expect(kinds).toContain('notify');
    expect(kinds.at(-1)).toBe('end');
    expect(entries.filter((e) => e.who === 'caller').map((e) => e.who === 'caller' && e.step)).toEqual([
      { say: '修理をお願いしたいです' },
      { press: '2' },
      { record: '田中です。型番はHK-2200です。', seconds: 20 },
    ]);
  });

  it('keeps the spoken text without the repeat mark for playback, and the SMS as a note', () => {
    const { entries } = run(
      restaurant,
      restaurantSchedules,
      '2026-11-27T12:30:00+09:00',
      [{ press: '2' }, { transfer: 'busy' }, { press: '1' }],
      '03-5555-0123',
    );
    const repeated = entries.find((e) => e.who === 'system' && e.repeat === 2);
    expect(repeated?.who === 'system' && repeated.speech).toMatch(/^ご予約フォームのアドレスは/);
    expect(repeated?.who === 'system' && repeated.speech).not.toContain('×');
    // A landline cannot receive SMS: the flow reads the address instead, and nothing is sent.
    expect(entries.some((e) => e.who === 'note' && e.note.kind === 'sms')).toBe(false);
  });

  it('names the automatic end of a bridged transfer', () => {
    const { entries } = run(restaurant, restaurantSchedules, '2026-11-25T18:30:00+09:00', [
      { press: '2' },
      { transfer: 'answered' },
    ]);
    // The bridged call ends without a hang-up action (nothing is said any more): the note closes it.
    expect(entries.at(-1)).toMatchObject({ who: 'note', note: { kind: 'bridge-ended' } });
  });
});

describe('simulationHighlight', () => {
  it('lists the path, the ports taken once each and the node the call waits at', () => {
    const { session, result } = run(restaurant, restaurantSchedules, '2026-11-24T12:00:00+09:00', [
      { press: '5' },
    ]);
    expect(session.waiting?.nodeId).toBe('open-menu');
    expect(simulationHighlight(result.state, result.trace)).toEqual({
      path: ['welcome', 'hours', 'open-menu'],
      activeNodeId: 'open-menu',
      ports: ['welcome:next', 'hours:open'],
    });
  });

  it('has no active node once the call ended', () => {
    const { result } = run(restaurant, restaurantSchedules, '2026-11-23T12:00:00+09:00', [{ press: '1' }]);
    const view = simulationHighlight(result.state, result.trace);
    expect(view.activeNodeId).toBeNull();
    expect(view.path).toEqual(['welcome', 'hours', 'closed-message', 'form-offer', 'send-form', 'sms-sent']);
    expect(view.ports).toContain('hours:closed');
    expect(view.ports).toContain('form-offer:1');
  });
});
