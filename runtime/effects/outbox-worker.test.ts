import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../store/create-store.ts';
import { memoryStore, type TestClock, t0, tempDir, testClock } from '../store/test-helpers.ts';
import type { OutboxItem, Store } from '../store/types.ts';
import { PermanentError } from './errors.ts';
import { createOutboxWorker, type OutboxSenders, retryDelayMs } from './outbox-worker.ts';
import { quietLogger } from './test-helpers.ts';

const sms = (key: string) => ({
  kind: 'sms' as const,
  idempotencyKey: key,
  callId: 'c1',
  payload: { to: '+819012345678', from: 'FLOWCALL', text: 'テスト', idempotencyKey: key },
});
const seconds = (n: number) => new Date(Date.parse(t0) + n * 1000).toISOString();

/** A sender that fails while `down` is true and records every item it was given. */
function flakySender() {
  const state = { down: false, calls: [] as OutboxItem[] };
  const send = async (item: OutboxItem) => {
    state.calls.push(item);
    if (state.down) throw new Error('connect ECONNREFUSED 127.0.0.1:9');
    return { messageUuid: `m-${state.calls.length}` };
  };
  return { state, send };
}

describe('retryDelayMs', () => {
  it('doubles from 5 s and stops at 15 min', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(8)).toBe(640_000);
    expect(retryDelayMs(9)).toBe(900_000);
    expect(retryDelayMs(500)).toBe(900_000);
  });
});

describe('outbox worker', () => {
  let clock: TestClock;
  let store: Store;
  beforeEach(async () => {
    clock = testClock();
    store = await memoryStore(clock);
  });
  afterEach(() => store.close());

  const workerWith = (senders: OutboxSenders) =>
    createOutboxWorker({ store, senders, clock, logger: quietLogger(), batchSize: 10, pollMs: 10 });

  it('sends due items and stores the provider’s answer', async () => {
    const sender = flakySender();
    await store.outbox.enqueue([sms('a'), sms('b')], seconds(0));
    expect(await workerWith({ sms: sender.send }).runOnce()).toEqual({ sent: 2, failed: 0, dead: 0 });
    expect((await store.outbox.list()).map((i) => [i.status, i.result])).toEqual([
      ['done', { messageUuid: 'm-1' }],
      ['done', { messageUuid: 'm-2' }],
    ]);
    expect(await workerWith({ sms: sender.send }).runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
  });

  it('retries with backoff (5 s, 10 s, 20 s) and succeeds once the endpoint recovers', async () => {
    const sender = flakySender();
    sender.state.down = true;
    const worker = workerWith({ sms: sender.send });
    await store.outbox.enqueue([sms('k')], seconds(0));

    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1, dead: 0 });
    let [item] = await store.outbox.list();
    expect(item).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: seconds(5),
      lastError: 'connect ECONNREFUSED 127.0.0.1:9',
    });

    clock.set(seconds(4));
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    clock.set(seconds(5));
    await worker.runOnce();
    [item] = await store.outbox.list();
    expect(item).toMatchObject({ attempts: 2, nextAttemptAt: seconds(15) });
    clock.set(seconds(15));
    await worker.runOnce();
    [item] = await store.outbox.list();
    expect(item).toMatchObject({ attempts: 3, nextAttemptAt: seconds(35) });

    sender.state.down = false;
    clock.set(seconds(35));
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0, dead: 0 });
    [item] = await store.outbox.list();
    expect(item).toMatchObject({ status: 'done', attempts: 4, result: { messageUuid: 'm-4' } });
    expect(sender.state.calls).toHaveLength(4);
  });

  it('keeps retrying a long outage at most every 15 minutes, never dropping the item', async () => {
    const sender = flakySender();
    sender.state.down = true;
    const worker = workerWith({ sms: sender.send });
    await store.outbox.enqueue([sms('k')], seconds(0));
    for (let i = 0; i < 12; i++) {
      const [item] = await store.outbox.list();
      clock.set(item?.nextAttemptAt ?? t0);
      await worker.runOnce();
    }
    const [item] = await store.outbox.list();
    expect(item?.status).toBe('pending');
    expect(item?.attempts).toBe(12);
    expect(Date.parse(item?.nextAttemptAt ?? '') - clock().getTime()).toBe(15 * 60_000);
  });

  it('gives up only on a PermanentError', async () => {
    await store.outbox.enqueue([sms('bad')], seconds(0));
    const worker = workerWith({
      sms: async () => {
        throw new PermanentError('invalid destination "+81"');
      },
    });
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1, dead: 1 });
    expect((await store.outbox.list())[0]).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: 'invalid destination "+81"',
    });
    clock.advance(3_600_000);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
  });

  it('treats a kind without a sender as a retryable failure', async () => {
    await store.outbox.enqueue([{ ...sms('n'), kind: 'notify' }], seconds(0));
    const sender = flakySender();
    expect(await workerWith({ sms: sender.send }).runOnce()).toEqual({ sent: 0, failed: 1, dead: 0 });
    expect((await store.outbox.list())[0]).toMatchObject({
      status: 'pending',
      lastError: 'no sender for notify',
      nextAttemptAt: seconds(5),
    });
    clock.set(seconds(5));
    const notify = flakySender();
    expect(await workerWith({ sms: sender.send, notify: notify.send }).runOnce()).toEqual({
      sent: 1,
      failed: 0,
      dead: 0,
    });
  });

  it('records a non-Error throw as a retryable failure with a readable message', async () => {
    await store.outbox.enqueue([sms('k')], seconds(0));
    await workerWith({ sms: () => Promise.reject({ code: 'E42' }) }).runOnce();
    expect((await store.outbox.list())[0]).toMatchObject({ status: 'pending', lastError: '{"code":"E42"}' });
  });

  it('sends an effect once even when it is enqueued twice or two workers run together', async () => {
    const sender = flakySender();
    await store.outbox.enqueue([sms('same')], seconds(0));
    await store.outbox.enqueue([sms('same')], seconds(1));
    const results = await Promise.all([
      workerWith({ sms: sender.send }).runOnce(),
      workerWith({ sms: sender.send }).runOnce(),
    ]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(sender.state.calls).toHaveLength(1);
  });

  it('polls on its own after start() and finishes the current run on stop()', async () => {
    const sender = flakySender();
    const worker = workerWith({ sms: sender.send });
    worker.start();
    worker.start();
    await store.outbox.enqueue([sms('a')], seconds(0));
    await vi.waitFor(() => expect(sender.state.calls).toHaveLength(1), { timeout: 2000, interval: 5 });
    await worker.stop();
    await store.outbox.enqueue([sms('b')], seconds(0));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sender.state.calls).toHaveLength(1);
  });

  it('keeps polling when the database fails during a run', async () => {
    const logger = quietLogger();
    const sender = flakySender();
    const claim = store.outbox.claim;
    let broken = true;
    store.outbox.claim = (...args) =>
      broken ? Promise.reject(new Error('database is locked')) : claim(...args);
    const worker = createOutboxWorker({ store, senders: { sms: sender.send }, clock, logger, pollMs: 5 });
    await store.outbox.enqueue([sms('a')], seconds(0));
    worker.start();
    await vi.waitFor(() => expect(logger.lines.some((l) => l.includes('database is locked'))).toBe(true));
    broken = false;
    await vi.waitFor(() => expect(sender.state.calls).toHaveLength(1));
    await worker.stop();
  });
});

describe('outbox worker across restarts', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.cleanup());

  it('keeps failed items pending in the file and sends them from a new worker after a restart', async () => {
    const file = join(temp.dir, 'data', 'flowcall.db');
    const clock = testClock();
    const down = flakySender();
    down.state.down = true;

    const before = await openStore(file, { clock });
    await before.outbox.enqueue([sms('a'), sms('b')], seconds(0));
    const first = createOutboxWorker({
      store: before,
      senders: { sms: down.send },
      clock,
      logger: quietLogger(),
    });
    expect(await first.runOnce()).toMatchObject({ failed: 2 });
    await first.stop();
    await before.close();

    const after = await openStore(file, { clock });
    expect((await after.outbox.list({ status: 'pending' })).map((i) => i.attempts)).toEqual([1, 1]);
    const up = flakySender();
    const second = createOutboxWorker({
      store: after,
      senders: { sms: up.send },
      clock,
      logger: quietLogger(),
    });
    expect(await second.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 }); // not due yet
    clock.set(seconds(5));
    expect(await second.runOnce()).toEqual({ sent: 2, failed: 0, dead: 0 });
    expect(up.state.calls.map((i) => i.idempotencyKey)).toEqual(['a', 'b']);
    await after.close();
  });

  it('picks up an item whose worker died mid-send once the lease runs out', async () => {
    const file = join(temp.dir, 'lease.db');
    const clock = testClock();
    const crashed = await openStore(file, { clock });
    await crashed.outbox.enqueue([sms('a')], seconds(0));
    // The old process claimed the item and died before marking it.
    await crashed.outbox.claim(seconds(0), 10, seconds(120));
    await crashed.close();

    const store = await openStore(file, { clock });
    const sender = flakySender();
    const worker = createOutboxWorker({ store, senders: { sms: sender.send }, clock, logger: quietLogger() });
    clock.set(seconds(60));
    expect((await worker.runOnce()).sent).toBe(0);
    clock.set(seconds(120));
    expect((await worker.runOnce()).sent).toBe(1);
    await store.close();
  });
});
