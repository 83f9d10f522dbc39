import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOf, memoryStore, stateOf, t0, testClock } from './test-helpers.ts';
import type { CallSummary, Store } from './types.ts';

let store: Store;
const clock = testClock();
beforeEach(async () => {
  store = await memoryStore(clock);
});
afterEach(() => store.close());

const minutes = (n: number) => new Date(Date.parse(t0) + n * 60_000).toISOString();

function summary(overrides: Partial<CallSummary> = {}): CallSummary {
  return {
    outcome: 'completed',
    reason: null,
    durationSeconds: 30,
    answerSeconds: null,
    digits: [],
    menuChoices: [],
    transcript: '',
    contactName: null,
    localSlot: 2 * 24 + 10,
    searchText: '',
    ...overrides,
  };
}

/** An ended call that started `minute` minutes after t0, summarised as given. */
async function endedCall(id: string, minute: number, over: Partial<CallSummary> = {}, number?: string) {
  const at = minutes(minute);
  await store.calls.admit(
    callOf(id, { startedAt: at, lastEventAt: at, state: stateOf(id, 1), ...(number ? { number } : {}) }),
    100,
  );
  await store.calls.end(id, 'completed', minutes(minute + 1));
  const s = summary(over);
  await store.history.saveSummary(id, { ...s, searchText: s.searchText || s.transcript }, at);
}

describe('history store', () => {
  it('queues one history item in the transaction that ends a call, whichever way it ends', async () => {
    await store.calls.admit(callOf('hangup', { state: stateOf('hangup', 1) }), 5);
    await store.calls.saveTurn('hangup', 1, stateOf('hangup', 2, { status: 'ended' }), t0, {
      end: 'caller-hangup',
    });
    await store.calls.admit(callOf('ended', { state: stateOf('ended', 1) }), 5);
    await store.calls.end('ended', 'completed', t0);
    await store.calls.end('ended', 'completed', minutes(1));
    await store.calls.insertMissed(
      callOf('busy', { status: 'ended', result: 'missed', missedReason: 'linesBusy' }),
    );
    await store.calls.insertMissed(
      callOf('busy', { status: 'ended', result: 'missed', missedReason: 'linesBusy' }),
    );
    await store.calls.admit(callOf('silent', { state: stateOf('silent', 1) }), 5);
    await store.calls.sweep(minutes(5));

    const items = await store.outbox.list();
    expect(items.filter((i) => i.kind === 'history').map((i) => i.callId)).toEqual([
      'hangup',
      'ended',
      'busy',
      'silent',
    ]);
    // A call still live gets none.
    await store.calls.admit(callOf('live', { startedAt: minutes(10), lastEventAt: minutes(10) }), 5);
    expect((await store.outbox.list()).filter((i) => i.callId === 'live')).toEqual([]);
  });

  it('pages newest first with a cursor and filters by number, outcome, reason and date', async () => {
    for (let i = 0; i < 7; i += 1) {
      await endedCall(
        `c${i}`,
        i,
        i % 2 === 0 ? {} : { outcome: 'missed', reason: 'userLeft' },
        i < 4 ? '+815012345678' : '+81312345678',
      );
    }
    const first = await store.history.page({ limit: 3 });
    expect(first.rows.map((r) => r.id)).toEqual(['c6', 'c5', 'c4']);
    const second = await store.history.page({ limit: 3, cursor: first.next as string });
    expect(second.rows.map((r) => r.id)).toEqual(['c3', 'c2', 'c1']);
    const third = await store.history.page({ limit: 3, cursor: second.next as string });
    expect(third).toMatchObject({ rows: [{ id: 'c0' }], next: null });

    expect((await store.history.page({ number: '+81312345678' })).rows.map((r) => r.id)).toEqual([
      'c6',
      'c5',
      'c4',
    ]);
    expect(
      (await store.history.page({ outcome: 'missed', reason: 'userLeft' })).rows.map((r) => r.id),
    ).toEqual(['c5', 'c3', 'c1']);
    expect((await store.history.page({ from: minutes(2), to: minutes(4) })).rows.map((r) => r.id)).toEqual([
      'c3',
      'c2',
    ]);
    await expect(store.history.page({ cursor: 'nonsense' })).rejects.toThrow(RangeError);
  });

  it('finds Japanese words of two characters and more, digits in any written form and contact names', async () => {
    await endedCall('yamada', 0, {
      outcome: 'voicemail',
      transcript: '山田です。明日の予約を変更したいです。',
      digits: ['09012345678'],
      searchText: '山田です。明日の予約を変更したいです。 09012345678',
    });
    await endedCall('tanaka', 1, { contactName: 'さくら商事 田中 太郎', searchText: 'さくら商事 田中 太郎' });
    await endedCall('plain', 2);
    const found = async (q: string) => (await store.history.page({ q })).rows.map((r) => r.id);
    expect(await found('予約')).toEqual(['yamada']);
    expect(await found('田中')).toEqual(['tanaka']);
    expect(await found('予約を変更')).toEqual(['yamada']);
    expect(await found('予約 変更')).toEqual(['yamada']);
    expect(await found('予約 田中')).toEqual([]);
    expect(await found('090-1234-5678')).toEqual(['yamada']);
    expect(await found('５６７８')).toEqual(['yamada']);
    expect(await found('さくら')).toEqual(['tanaka']);
    expect(await found('変更しない')).toEqual([]);
    // Only punctuation: no search at all, every call.
    expect(await found('。')).toHaveLength(3);
  });

  it('pages a search newest first and replaces a call’s search row when it is summarised again', async () => {
    for (let i = 0; i < 5; i += 1) await endedCall(`v${i}`, i, { transcript: `予約の件です ${i}` });
    const first = await store.history.page({ q: '予約', limit: 2 });
    expect(first.rows.map((r) => r.id)).toEqual(['v4', 'v3']);
    const rest = await store.history.page({ q: '予約', limit: 10, cursor: first.next as string });
    expect(rest.rows.map((r) => r.id)).toEqual(['v2', 'v1', 'v0']);
    expect(
      (await store.history.page({ q: '予約', from: minutes(1), to: minutes(3) })).rows.map((r) => r.id),
    ).toEqual(['v2', 'v1']);

    await store.history.saveSummary(
      'v4',
      summary({ transcript: 'キャンセルします', searchText: 'キャンセルします' }),
      t0,
    );
    expect((await store.history.page({ q: '予約' })).rows.map((r) => r.id)).toEqual(['v3', 'v2', 'v1', 'v0']);
    expect((await store.history.page({ q: 'キャンセル' })).rows.map((r) => r.id)).toEqual(['v4']);
    await store.history.saveSummary('v3', summary(), t0);
    expect((await store.history.page({ q: '予約' })).rows.map((r) => r.id)).toEqual(['v2', 'v1', 'v0']);
  });

  it('groups the dashboard counts of a date range', async () => {
    await endedCall('a', 0, { outcome: 'transferred', answerSeconds: 12, durationSeconds: 100 });
    await endedCall('b', 1, { outcome: 'transferred', answerSeconds: 8, durationSeconds: 60 });
    await endedCall('c', 2, { outcome: 'missed', reason: 'linesBusy', durationSeconds: 0 });
    await endedCall('d', 90, { outcome: 'completed' });
    const groups = await store.history.stats({ from: t0, to: minutes(60) });
    const transferred = groups.find((g) => g.outcome === 'transferred');
    expect(transferred).toMatchObject({ calls: 2, answerSum: 20, answerCount: 2, durationSum: 160 });
    expect(groups.reduce((n, g) => n + g.calls, 0)).toBe(3);
  });

  it('deletes a call with everything it left behind, refuses a live one, and deletes old calls in batches', async () => {
    await endedCall('old1', 0, { transcript: '予約です' });
    await endedCall('old2', 1);
    await endedCall('new', 600, { transcript: '予約です' });
    await store.calls.addEvent('old1', 'webhook', 'input', {}, t0);
    await store.calls.admit(callOf('live', { startedAt: minutes(700), lastEventAt: minutes(700) }), 5);

    expect(await store.history.deleteCall('live')).toBe('live');
    expect(await store.history.deleteCall('nope')).toBe('missing');
    expect(await store.history.deleteEnded({ before: minutes(300), batchSize: 1 })).toEqual(['old1']);
    expect(await store.calls.events('old1')).toEqual([]);
    expect(await store.outbox.list({ callId: 'old1' })).toEqual([]);
    expect(await store.history.deleteEnded({ before: minutes(300), batchSize: 1 })).toEqual(['old2']);
    expect(await store.history.deleteEnded({ before: minutes(300), batchSize: 1 })).toEqual([]);
    expect((await store.history.page({ q: '予約' })).rows.map((r) => r.id)).toEqual(['new']);
    expect(await store.history.deleteCall('new')).toBe('deleted');
    expect((await store.history.page({ q: '予約' })).rows).toEqual([]);
    expect((await store.history.page()).rows.map((r) => r.id)).toEqual(['live']);
  });

  it('deletes SMS delivery receipts older than the cutoff in batches and keeps newer ones', async () => {
    await store.smsStatuses.record('m-old', 'submitted', { to: '819012345678' }, minutes(0));
    await store.smsStatuses.record('m-old', 'delivered', { to: '819012345678' }, minutes(1));
    await store.smsStatuses.record('m-new', 'delivered', { to: '819012345678' }, minutes(600));

    expect(await store.history.deleteReceipts({ before: minutes(300), batchSize: 1 })).toBe(1);
    expect(await store.history.deleteReceipts({ before: minutes(300), batchSize: 1 })).toBe(1);
    expect(await store.history.deleteReceipts({ before: minutes(300), batchSize: 1 })).toBe(0);
    expect(await store.smsStatuses.forMessage('m-old')).toEqual([]);
    expect((await store.smsStatuses.forMessage('m-new')).map((r) => r.status)).toEqual(['delivered']);
  });

  it('keeps six months by default and remembers another retention period', async () => {
    expect(await store.history.retentionMonths()).toBe(6);
    await store.history.setRetentionMonths(12, t0);
    await store.history.setRetentionMonths(3, t0);
    expect(await store.history.retentionMonths()).toBe(3);
  });
});
