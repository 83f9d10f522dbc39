import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryStore, t0 } from './test-helpers.ts';
import type { Store } from './types.ts';

const at = (seconds: number) => new Date(Date.parse(t0) + seconds * 1000).toISOString();
const sms = (key: string, callId: string | null = 'c1') => ({
  kind: 'sms' as const,
  idempotencyKey: key,
  callId,
  payload: { to: '+819012345678', text: 'ご予約ありがとうございます', from: 'FLOWCALL', idempotencyKey: key },
});

describe('outbox repository', () => {
  let store: Store;
  beforeEach(async () => {
    store = await memoryStore();
  });
  afterEach(() => store.close());

  it('enqueues once per idempotency key', async () => {
    await store.outbox.enqueue([sms('k1'), sms('k2')], at(0));
    await store.outbox.enqueue([sms('k1'), { ...sms('k3'), kind: 'notify' }], at(1));
    await store.outbox.enqueue([], at(1));
    const items = await store.outbox.list();
    expect(items.map((i) => [i.idempotencyKey, i.kind])).toEqual([
      ['k1', 'sms'],
      ['k2', 'sms'],
      ['k3', 'notify'],
    ]);
    expect(items[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: t0,
      createdAt: t0,
      lastError: null,
      result: null,
      payload: sms('k1').payload,
    });
  });

  it('returns due items oldest first, up to a limit', async () => {
    await store.outbox.enqueue([sms('late')], at(10));
    await store.outbox.enqueue([sms('early')], at(0));
    expect((await store.outbox.due(at(5), 10)).map((i) => i.idempotencyKey)).toEqual(['early']);
    expect((await store.outbox.due(at(10), 10)).map((i) => i.idempotencyKey)).toEqual(['early', 'late']);
    expect(await store.outbox.due(at(10), 1)).toHaveLength(1);
  });

  it('records failures with the next try, gives up only when told, and never resurrects an item', async () => {
    await store.outbox.enqueue([sms('k')], at(0));
    const [item] = await store.outbox.due(at(0), 1);
    if (!item) throw new Error('no item');
    await store.outbox.markFailed(item.id, 'HTTP 503', at(5), at(0));
    expect(await store.outbox.due(at(4), 10)).toEqual([]);
    expect((await store.outbox.due(at(5), 10))[0]).toMatchObject({
      attempts: 1,
      lastError: 'HTTP 503',
      nextAttemptAt: at(5),
    });
    await store.outbox.markFailed(item.id, 'invalid number', null, at(6));
    expect((await store.outbox.list({ status: 'dead' }))[0]).toMatchObject({
      attempts: 2,
      lastError: 'invalid number',
    });
    await store.outbox.markDone(item.id, { messageUuid: 'late' }, at(7));
    expect((await store.outbox.list())[0]?.status).toBe('dead');
  });

  it('marks items done with the provider’s answer', async () => {
    await store.outbox.enqueue([sms('k')], at(0));
    const [item] = await store.outbox.due(at(0), 1);
    await store.outbox.markDone(item?.id ?? -1, { messageUuid: 'm-1' }, at(1));
    expect((await store.outbox.list({ status: 'done' }))[0]).toMatchObject({
      result: { messageUuid: 'm-1' },
      attempts: 1,
      updatedAt: at(1),
    });
    expect(await store.outbox.due(at(100), 10)).toEqual([]);
  });

  it('claims an item for one worker only, until its lease runs out', async () => {
    await store.outbox.enqueue([sms('k')], at(0));
    const [a, b] = await Promise.all([
      store.outbox.claim(at(0), 10, at(60)),
      store.outbox.claim(at(0), 10, at(60)),
    ]);
    expect([a.length, b.length].sort()).toEqual([0, 1]);
    expect(await store.outbox.claim(at(30), 10, at(90))).toEqual([]);
    // The worker died mid-send: after the lease the item is due again.
    expect((await store.outbox.claim(at(60), 10, at(120)))[0]).toMatchObject({
      idempotencyKey: 'k',
      nextAttemptAt: at(120),
    });
  });

  it('filters by status and call', async () => {
    await store.outbox.enqueue([sms('a', 'c1'), sms('b', 'c2'), sms('c', null)], at(0));
    expect((await store.outbox.list({ callId: 'c2' })).map((i) => i.idempotencyKey)).toEqual(['b']);
    expect(await store.outbox.list({ status: 'pending' })).toHaveLength(3);
  });
});

describe('sms statuses repository', () => {
  let store: Store;
  beforeEach(async () => {
    store = await memoryStore();
  });
  afterEach(() => store.close());

  it('records receipts once per (message, status), in time order', async () => {
    await store.smsStatuses.record('m-1', 'delivered', { status: 'delivered' }, at(9));
    await store.smsStatuses.record('m-1', 'submitted', { status: 'submitted' }, at(1));
    await store.smsStatuses.record('m-1', 'delivered', { status: 'delivered', retry: true }, at(20));
    await store.smsStatuses.record('m-2', 'rejected', {}, at(2));
    expect(await store.smsStatuses.forMessage('m-1')).toEqual([
      { status: 'submitted', at: at(1) },
      { status: 'delivered', at: at(9) },
    ]);
    expect(await store.smsStatuses.forMessage('none')).toEqual([]);
  });
});
