import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestClock, tempDir, testClock } from '../store/test-helpers.ts';
import type { Store } from '../store/types.ts';
import { channelSend, validateChannelSettings } from './channels/index.ts';
import { loopbackServers } from './channels/testing/use-loopback.ts';
import { webhookSignature } from './channels/webhook.ts';
import { notifySender } from './notify-sender.ts';
import { createOutboxWorker } from './outbox-worker.ts';
import { quietLogger } from './test-helpers.ts';
import {
  notifyItem,
  notifyStoreOpener,
  putWebhookChannel,
  seedCall,
  webhookSecret,
} from './testing/notify-fixtures.ts';

const startServer = loopbackServers();

describe('notify sender through the outbox', () => {
  let temp: ReturnType<typeof tempDir>;
  let clock: TestClock;
  let open: () => Promise<Store>;
  let store: Store;
  beforeEach(async () => {
    temp = tempDir();
    clock = testClock('2026-11-24T03:05:00.000Z');
    open = notifyStoreOpener(join(temp.dir, 'flowcall.db'), clock);
    store = await open();
    await seedCall(store);
  });
  afterEach(async () => {
    await store.close();
    temp.cleanup();
  });

  const workerOn = (s: Store, logger = quietLogger()) =>
    createOutboxWorker({
      store: s,
      senders: {
        notify: notifySender({
          store: s,
          send: channelSend,
          validate: validateChannelSettings,
          clock,
          lookupContact: async (e164) => (e164 === '+819012345678' ? { name: '山田太郎' } : undefined),
          recordingLink: (callId, nodeId) =>
            `https://ivr.example.jp/recordings/${callId}/${nodeId}?exp=9&sig=s`,
        }),
      },
      clock,
      logger,
    });

  /** Runs the worker at each next attempt time until the item is no longer pending. */
  async function drain(s: Store, worker: ReturnType<typeof workerOn>, rounds = 10) {
    for (let i = 0; i < rounds; i++) {
      const [item] = await s.outbox.list({ status: 'pending' });
      if (!item) return;
      if (Date.parse(item.nextAttemptAt) > clock().getTime()) clock.set(item.nextAttemptAt);
      await worker.runOnce();
    }
  }

  it('delivers exactly one message to a channel that answers 500 three times, then 200', async () => {
    const server = await startServer((_, index) =>
      index < 3 ? { status: 500, body: 'busy' } : { status: 200 },
    );
    await putWebhookChannel(store, `${server.url}/hook`);
    await store.outbox.enqueue([notifyItem()], clock().toISOString());

    const worker = workerOn(store);
    await worker.runOnce();
    await worker.runOnce(); // not due again yet: backoff
    expect(server.requests).toHaveLength(1);
    await drain(store, worker);

    expect(server.requests).toHaveLength(4);
    const delivered = server.requests.at(-1)!;
    expect(delivered.headers['x-flowcall-signature']).toBe(webhookSignature(webhookSecret, delivered.body));
    const body = JSON.parse(delivered.body);
    expect(body).toMatchObject({
      title: '着信: 090-1234-5678（山田太郎様）',
      text: '留守番電話が入りました',
      recordingUrl: 'https://ivr.example.jp/recordings/CALL-1/vm?exp=9&sig=s',
    });
    expect(body.fields).toContainEqual({ label: '録音の文字起こし', value: '予約をお願いします' });
    const [item] = await store.outbox.list();
    expect(item).toMatchObject({ status: 'done', attempts: 4, result: { channel: 'staff' } });
    expect((await store.channels.get('staff'))?.health).toMatchObject({
      status: 'ok',
      consecutiveFailures: 0,
    });
  });

  it('flags the channel as failing after the third failure in a row', async () => {
    const server = await startServer(() => ({ status: 503 }));
    await putWebhookChannel(store, `${server.url}/hook`);
    await store.outbox.enqueue([notifyItem()], clock().toISOString());
    const worker = workerOn(store);
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++) {
      await drain(store, worker, 1);
      statuses.push((await store.channels.get('staff'))?.health.status ?? '');
    }
    expect(statuses).toEqual(['unknown', 'unknown', 'failing']);
    expect((await store.channels.get('staff'))?.health.lastError).toMatch(/HTTP 503/);
  });

  it('loses nothing and sends nothing twice when the server restarts in the middle of the retries', async () => {
    const server = await startServer((_, index) => (index < 3 ? { status: 500 } : { status: 200 }));
    await putWebhookChannel(store, `${server.url}/hook`);
    await store.outbox.enqueue([notifyItem()], clock().toISOString());
    await drain(store, workerOn(store), 2);
    expect(server.requests).toHaveLength(2);
    await store.close();

    // A new process: the same file and key, a new worker; the same key enqueued again is a no-op.
    store = await open();
    await store.outbox.enqueue([notifyItem()], clock().toISOString());
    expect(await store.outbox.list()).toMatchObject([{ status: 'pending', attempts: 2 }]);
    await drain(store, workerOn(store));
    expect(server.requests.map((r) => JSON.parse(r.body).title)).toHaveLength(4);
    expect((await store.outbox.list())[0]).toMatchObject({ status: 'done', attempts: 4 });
  });

  it('gives up after 24 hours of failures', async () => {
    const server = await startServer(() => ({ status: 500 }));
    await putWebhookChannel(store, `${server.url}/hook`);
    await store.outbox.enqueue([notifyItem()], clock().toISOString());
    await drain(store, workerOn(store), 200);
    const [item] = await store.outbox.list();
    expect(item?.status).toBe('dead');
    const hours = (Date.parse(item?.updatedAt ?? '') - Date.parse(item?.createdAt ?? '')) / 3_600_000;
    expect(hours).toBeGreaterThan(23.5);
    expect(hours).toBeLessThanOrEqual(24);
  });

  it('keeps retrying a placeholder channel until someone sets it up', async () => {
    await store.channels.put({ id: 'staff', name: 'スタッフ', type: 'webhook', settings: {} });
    await store.outbox.enqueue([notifyItem()], clock().toISOString());
    const worker = workerOn(store);
    await worker.runOnce();
    expect((await store.outbox.list())[0]).toMatchObject({
      status: 'pending',
      lastError: expect.stringMatching(/not set up/),
    });
    const server = await startServer(() => ({ status: 200 }));
    await putWebhookChannel(store, `${server.url}/hook`);
    await drain(store, worker);
    expect(server.requests).toHaveLength(1);
  });

  it('gives up at once on a channel that does not exist', async () => {
    await store.outbox.enqueue([notifyItem()], clock().toISOString());
    await workerOn(store).runOnce();
    expect((await store.outbox.list())[0]).toMatchObject({ status: 'dead', lastError: 'no channel "staff"' });
  });

  it('keeps the channel’s secret out of the outbox, the channel’s last error and the log, even when the provider quotes it', async () => {
    const server = await startServer((request) => ({
      status: 500,
      body: `upstream failed for ${request.path} with secret ${webhookSecret}`,
    }));
    await putWebhookChannel(store, `${server.url}/hook`);
    await store.outbox.enqueue([notifyItem()], clock().toISOString());
    const logger = quietLogger();
    await drain(store, workerOn(store, logger), 3);
    const outputs = [
      ...logger.lines,
      JSON.stringify(await store.outbox.list()),
      JSON.stringify(await store.channels.list()),
    ];
    expect(outputs.join('\n')).toMatch(/HTTP 500/);
    for (const output of outputs) expect(output).not.toContain(webhookSecret);
  });
});
