import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOf, memoryStore, stateOf, t0 } from './test-helpers.ts';
import type { Store } from './types.ts';

const at = (minutes: number) => new Date(Date.parse(t0) + minutes * 60_000).toISOString();

describe('calls repository', () => {
  let store: Store;
  beforeEach(async () => {
    store = await memoryStore();
    await store.numbers.put({
      number: '+815012345678',
      label: 'demo',
      flowId: 'demo',
      lines: 2,
      smsSenderId: null,
      fallbackNumber: null,
    });
  });
  afterEach(() => store.close());

  it('admits up to the line count, even when many answers race', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.calls.admit(callOf(`c${i}`), 2)),
    );
    expect(results.filter((r) => r === 'admitted')).toHaveLength(2);
    expect(await store.calls.liveCount('+815012345678')).toBe(2);
    expect(await store.calls.list({ status: 'live' })).toHaveLength(2);
  });

  it('counts lines per number and frees a line when a call ends', async () => {
    expect(await store.calls.admit(callOf('a'), 1)).toBe('admitted');
    expect(await store.calls.admit(callOf('other', { number: '+81312345678', to: '+81312345678' }), 1)).toBe(
      'admitted',
    );
    expect(await store.calls.admit(callOf('b'), 1)).toBe('busy');
    await store.calls.end('a', 'completed', at(3));
    expect(await store.calls.liveCount('+815012345678')).toBe(0);
    expect(await store.calls.admit(callOf('b'), 1)).toBe('admitted');
  });

  it('treats a retried answer of an admitted call as admitted, of a missed call as missed', async () => {
    expect(await store.calls.admit(callOf('a'), 1)).toBe('admitted');
    expect(await store.calls.admit(callOf('a'), 1)).toBe('again');
    await store.calls.insertMissed(callOf('busy', { result: 'missed', missedReason: 'linesBusy' }));
    await store.calls.insertMissed(callOf('busy', { result: 'missed', missedReason: 'linesBusy' }));
    await store.calls.end('a', 'completed', at(1));
    expect(await store.calls.admit(callOf('busy'), 5)).toBe('busy');
    expect(await store.calls.list()).toHaveLength(2);
  });

  it('stores missed calls as ended with their reason', async () => {
    await store.calls.insertMissed(
      callOf('m', { status: 'ended', result: 'missed', missedReason: 'unknownNumber', endedAt: at(0) }),
    );
    expect(await store.calls.get('m')).toMatchObject({
      status: 'ended',
      result: 'missed',
      missedReason: 'unknownNumber',
      endedAt: t0,
    });
    expect(await store.calls.liveCount('+815012345678')).toBe(0);
  });

  it('saves turns optimistically: the loser of a race gets false and the winner’s answer stays', async () => {
    await store.calls.admit(callOf('c'), 2);
    const first = await store.calls.saveTurn('c', 0, stateOf('c', 1), at(1), {
      response: [{ action: 'talk', text: 'A' }],
    });
    expect(first).toBe(true);
    // A retried webhook computed the same turn concurrently; it must not overwrite.
    const retry = await store.calls.saveTurn('c', 0, stateOf('c', 1, { vars: { x: 'retry' } }), at(1), {
      response: [{ action: 'talk', text: 'B' }],
      events: [{ kind: 'trace', name: 'turn 1', payload: ['retry'] }],
      outbox: [{ kind: 'sms', idempotencyKey: 'retry-sms', callId: 'c', payload: {} }],
    });
    expect(retry).toBe(false);
    expect(await store.calls.turnResponse('c', 0)).toEqual([{ action: 'talk', text: 'A' }]);
    // The loser wrote nothing at all: no trace of the retry, no SMS queued twice.
    expect(await store.calls.events('c')).toEqual([]);
    expect(await store.outbox.list({ callId: 'c' })).toEqual([]);
    const call = await store.calls.get('c');
    expect(call?.state).toEqual(stateOf('c', 1));
    expect(call?.lastEventAt).toBe(at(1));

    expect(await store.calls.saveTurn('c', 1, stateOf('c', 2), at(2), { response: null })).toBe(true);
    expect(await store.calls.turnResponse('c', 1)).toBeNull();
    expect(await store.calls.turnResponse('c', 2)).toBeUndefined();
    expect(await store.calls.saveTurn('missing', 0, stateOf('missing', 1), at(2), { response: [] })).toBe(
      false,
    );
  });

  it('commits a turn with its answer, events and queued side effects together', async () => {
    const state = stateOf('c', 1);
    const admitted = await store.calls.admit({ ...callOf('c'), state }, 2, {
      response: [{ action: 'talk', text: 'ようこそ' }],
      events: [{ kind: 'trace', name: 'turn 1', payload: ['start'] }],
    });
    expect(admitted).toBe('admitted');
    expect(await store.calls.turnResponse('c', 0)).toEqual([{ action: 'talk', text: 'ようこそ' }]);
    expect(
      await store.calls.saveTurn('c', 1, stateOf('c', 2), at(1), {
        response: [{ action: 'talk', text: 'SMSを送りました' }],
        events: [
          { kind: 'webhook', name: 'input', payload: { dtmf: '1' } },
          { kind: 'trace', name: 'turn 2', payload: ['menu'] },
        ],
        outbox: [{ kind: 'sms', idempotencyKey: 'c:sms:1', callId: 'c', payload: { to: '+819012345678' } }],
      }),
    ).toBe(true);
    expect((await store.calls.events('c')).map((e) => [e.kind, e.name])).toEqual([
      ['trace', 'turn 1'],
      ['webhook', 'input'],
      ['trace', 'turn 2'],
    ]);
    expect((await store.outbox.list({ callId: 'c' })).map((i) => i.idempotencyKey)).toEqual(['c:sms:1']);
    // A retried answer webhook finds the call admitted and writes nothing more.
    expect(
      await store.calls.admit({ ...callOf('c'), state }, 2, {
        events: [{ kind: 'trace', name: 'again', payload: [] }],
      }),
    ).toBe('again');
    expect(await store.calls.events('c')).toHaveLength(3);
  });

  it('races concurrent saveTurns for the same turn: exactly one wins', async () => {
    await store.calls.admit(callOf('c'), 2);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.calls.saveTurn('c', 0, stateOf('c', 1), at(1), { response: { i } }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.calls.turnResponse('c', 0)).toEqual({ i: results.indexOf(true) });
  });

  it('saves turns of an ended call (late transcriptions) without reopening it', async () => {
    await store.calls.admit(callOf('c'), 2);
    await store.calls.end('c', 'completed', at(2));
    expect(
      await store.calls.saveTurn('c', 0, stateOf('c', 1, { vars: { 'vm.transcript': '予約' } }), at(5)),
    ).toBe(true);
    expect(await store.calls.get('c')).toMatchObject({
      status: 'ended',
      state: { vars: { 'vm.transcript': '予約' } },
    });
  });

  it('ends a call once: a second end keeps the first outcome and nothing reopens it', async () => {
    await store.calls.admit(callOf('c'), 2);
    await store.calls.end('c', 'transferred', at(4));
    await store.calls.end('c', 'failed', at(9), 'error');
    expect(await store.calls.get('c')).toMatchObject({
      status: 'ended',
      result: 'transferred',
      endedAt: at(4),
      missedReason: null,
    });
    await store.calls.end('nope', 'completed', at(1));
  });

  it('touch moves the last event time forward only', async () => {
    await store.calls.admit(callOf('c'), 2);
    await store.calls.touch('c', at(5));
    await store.calls.touch('c', at(2));
    expect((await store.calls.get('c'))?.lastEventAt).toBe(at(5));
  });

  it('sweeps live calls silent since before a time, as lost unless the engine had finished them', async () => {
    await store.calls.admit(callOf('old'), 5);
    await store.calls.admit(
      callOf('finished', {
        state: stateOf('finished', 3, { status: 'ended', result: 'completed', waiting: null }),
      }),
      5,
    );
    await store.calls.admit(callOf('fresh'), 5);
    await store.calls.touch('fresh', at(100));
    expect(await store.calls.sweep(at(60))).toBe(2);
    expect(await store.calls.get('old')).toMatchObject({
      status: 'ended',
      result: 'failed',
      missedReason: 'lost',
      endedAt: t0,
    });
    expect(await store.calls.get('finished')).toMatchObject({
      status: 'ended',
      result: 'completed',
      missedReason: null,
    });
    expect((await store.calls.get('fresh'))?.status).toBe('live');
    expect(await store.calls.sweep(at(60))).toBe(0);
  });

  it('lists newest first, filtered by number and status, paged by start time', async () => {
    for (let i = 0; i < 5; i++) {
      await store.calls.insertMissed(
        callOf(`m${i}`, {
          startedAt: at(i),
          lastEventAt: at(i),
          result: 'missed',
          missedReason: 'linesBusy',
        }),
      );
    }
    await store.calls.admit(
      callOf('other', { number: '+81312345678', startedAt: at(10), lastEventAt: at(10) }),
      1,
    );
    expect((await store.calls.list()).map((c) => c.id)).toEqual(['other', 'm4', 'm3', 'm2', 'm1', 'm0']);
    expect((await store.calls.list({ limit: 2 })).map((c) => c.id)).toEqual(['other', 'm4']);
    expect((await store.calls.list({ before: at(3), limit: 2 })).map((c) => c.id)).toEqual(['m2', 'm1']);
    expect((await store.calls.list({ number: '+81312345678' })).map((c) => c.id)).toEqual(['other']);
    expect((await store.calls.list({ status: 'ended' })).length).toBe(5);
  });

  it('keeps a call’s events in order with their payloads', async () => {
    await store.calls.admit(callOf('c'), 2);
    await store.calls.addEvent('c', 'webhook', 'answer', { uuid: 'c', to: '815012345678' }, at(0));
    await store.calls.addEvent('c', 'trace', 'turn 1', [{ action: 'talk' }], at(0));
    await store.calls.addEvent('c', 'refused', 'event', null, at(1));
    const events = await store.calls.events('c');
    expect(events.map((e) => [e.kind, e.name])).toEqual([
      ['webhook', 'answer'],
      ['trace', 'turn 1'],
      ['refused', 'event'],
    ]);
    expect(events[0]).toMatchObject({ callId: 'c', payload: { uuid: 'c', to: '815012345678' }, at: t0 });
    expect(events[2]?.payload).toBeNull();
    // A webhook for a call id we never saw is not logged against nothing.
    await store.calls.addEvent('none', 'webhook', 'event:completed', {}, at(2));
    expect(await store.calls.events('none')).toEqual([]);
  });

  it('normalises times to UTC ISO so text order is time order', async () => {
    await store.calls.admit(
      callOf('c', { startedAt: '2026-04-01T10:00:00+09:00', lastEventAt: '2026-04-01T10:00:00+09:00' }),
      2,
    );
    expect((await store.calls.get('c'))?.startedAt).toBe(t0);
    await expect(store.calls.touch('c', 'yesterday')).rejects.toThrow(/not a valid time/);
  });
});
