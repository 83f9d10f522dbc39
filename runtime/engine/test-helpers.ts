/**
 * Test helpers for the engine tests: build small flows tersely and drive a call with events.
 * Test-only (imported by *.test.ts files).
 */
import type { Node } from '../../schema/generated/flow.ts';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import type { Flow } from '../../schema/kinds.ts';
import { startCall, step } from './engine.ts';
import type { Action, CallEvent, CallState, EngineEnv, Turn } from './types.ts';

export function flowOf(nodes: Node[], start = nodes[0]?.id ?? 'start'): Flow {
  return {
    schemaVersion: 1,
    id: 'test-flow',
    name: 'テスト',
    language: 'ja-JP',
    timezone: 'Asia/Tokyo',
    start,
    nodes: nodes as Flow['nodes'],
  };
}

export const weekdayShop: ScheduleDocument = {
  schemaVersion: 1,
  id: 'shop',
  name: '営業時間',
  weekly: {
    mon: [
      { from: '08:30', to: '12:00' },
      { from: '15:00', to: '18:00' },
    ],
    tue: [
      { from: '08:30', to: '12:00' },
      { from: '15:00', to: '18:00' },
    ],
    wed: [
      { from: '08:30', to: '12:00' },
      { from: '15:00', to: '18:00' },
    ],
    thu: [{ from: '08:30', to: '12:00' }],
    fri: [
      { from: '08:30', to: '12:00' },
      { from: '15:00', to: '18:00' },
    ],
    sat: [{ from: '09:00', to: '13:00' }],
  },
  closedOnPublicHolidays: true,
  special: [
    { date: '12-29', through: '01-03', closed: true, note: '年末年始' },
    { date: '2026-12-26', windows: [{ from: '10:00', to: '11:00' }], note: '短縮営業' },
  ],
};

export const mobileCaller = '819012345678';
export const landlineCaller = '81312345678';

/** A call that records every turn, so tests can look at what the caller heard. */
export class TestCall {
  turns: Turn[] = [];
  constructor(
    readonly flow: Flow,
    readonly env: EngineEnv = { schedules: { shop: weekdayShop } },
    readonly at = '2026-11-24T10:00:00+09:00',
    from = mobileCaller,
  ) {
    this.turns.push(startCall(flow, { callId: 'call-1', from, to: '815012345678', at }, env));
  }
  get state(): CallState {
    return this.turns[this.turns.length - 1]!.state;
  }
  get last(): Turn {
    return this.turns[this.turns.length - 1]!;
  }
  /** Sends an event for the current turn (fills `at` and `seq`). */
  send(event: Partial<CallEvent> & { type: CallEvent['type'] }): Turn {
    const full = { at: this.at, seq: this.state.seq, ...event } as CallEvent;
    const turn = step(this.flow, this.state, full, this.env);
    this.turns.push(turn);
    return turn;
  }
  press(digits: string): Turn {
    return this.send({ type: 'digits', digits });
  }
  get actions(): Action[] {
    return this.turns.flatMap((t) => t.actions);
  }
  get said(): string[] {
    return this.actions.flatMap((a) => (a.type === 'say' ? [a.text] : []));
  }
}
