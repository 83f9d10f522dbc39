/**
 * The SMS path end to end: outbox → worker → smsSender → vonageSmsClient → the real
 * @vonage/server-sdk (JWT auth, snake-casing, error handling) → a local HTTP server that
 * answers like the Messages API (the SDK's `apiHost` option points it there).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryStore, type TestClock, t0, testClock } from '../store/test-helpers.ts';
import type { Store } from '../store/types.ts';
import { PermanentError } from './errors.ts';
import { createOutboxWorker } from './outbox-worker.ts';
import {
  clientRefFor,
  createVonageClient,
  maxClientRefLength,
  smsMessageOf,
  smsSender,
  vonageSmsClient,
} from './sms-sender.ts';
import {
  type FakeMessagesApi,
  fakeSmsClient,
  jwtClaims,
  quietLogger,
  smsItem,
  startFakeMessagesApi,
  testPrivateKey,
} from './test-helpers.ts';

const seconds = (n: number) => new Date(Date.parse(t0) + n * 1000).toISOString();
const privateKey = testPrivateKey();
const key = 'CALL-8a2b7c3d-1111-4e4e-9f9f-0123456789ab:3:sms-confirm';

describe('createVonageClient', () => {
  it('is undefined until an application id and private key are configured', () => {
    expect(createVonageClient({})).toBeUndefined();
    expect(createVonageClient({ vonageApplicationId: 'app', vonagePrivateKey: '  ' })).toBeUndefined();
    expect(createVonageClient({ vonageApplicationId: 'app', vonagePrivateKey: privateKey })).toBeDefined();
  });
});

describe('SMS payloads', () => {
  it('keeps short idempotency keys as the client reference and shortens long ones stably', () => {
    expect(clientRefFor(key)).toBe(key);
    const long = `${'x'.repeat(120)}:a`;
    const ref = clientRefFor(long);
    expect(ref).toHaveLength(maxClientRefLength);
    expect(clientRefFor(long)).toBe(ref);
    expect(clientRefFor(`${'x'.repeat(120)}:b`)).not.toBe(ref);
  });

  it('refuses, as permanent, what retrying cannot fix', () => {
    const bad = [
      { to: '09012345678' },
      { to: '+81' },
      { from: 'FLOW CALL 2026' },
      { from: '' },
      { text: ' ' },
      { text: 'あ'.repeat(1001) },
    ];
    for (const payload of bad) expect(() => smsMessageOf(smsItem(key, payload))).toThrow(PermanentError);
    expect(smsMessageOf(smsItem(key, { from: '+815012345678' })).from).toBe('+815012345678');
  });

  it('sends through any SmsClient and returns the message uuid with the client reference', async () => {
    const client = fakeSmsClient();
    expect(await smsSender(client)(smsItem(key))).toEqual({ messageUuid: 'msg-1', clientRef: key });
    expect(client.sent).toEqual([
      { to: '+819012345678', from: 'FLOWCALL', text: 'ご予約ありがとうございます', clientRef: key },
    ]);
  });
});

describe('SMS through @vonage/server-sdk against a local Messages API', () => {
  let api: FakeMessagesApi;
  let clock: TestClock;
  let store: Store;
  beforeEach(async () => {
    api = await startFakeMessagesApi();
    clock = testClock();
    store = await memoryStore(clock);
  });
  afterEach(async () => {
    await store.close();
    await api.close();
  });

  const worker = (apiHost = api.url) => {
    const vonage = createVonageClient({
      vonageApplicationId: 'app-123',
      vonagePrivateKey: privateKey,
      vonageApiHost: apiHost,
    });
    if (!vonage) throw new Error('not configured');
    return createOutboxWorker({
      store,
      senders: { sms: smsSender(vonageSmsClient(vonage)) },
      clock,
      logger: quietLogger(),
    });
  };
  const enqueue = (payload: Record<string, unknown> = {}) =>
    store.outbox.enqueue(
      [{ kind: 'sms', idempotencyKey: key, callId: 'c1', payload: smsItem(key, payload).payload }],
      seconds(0),
    );

  it('posts a Messages API SMS with JWT auth, digits-only `to`, the sender id and client_ref', async () => {
    await enqueue();
    expect(await worker().runOnce()).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/messages' });
    expect(request?.body).toEqual({
      channel: 'sms',
      message_type: 'text',
      to: '819012345678',
      from: 'FLOWCALL',
      text: 'ご予約ありがとうございます',
      client_ref: key,
      sms: { encoding_type: 'auto' },
    });
    expect(jwtClaims(request?.headers.authorization)).toMatchObject({ application_id: 'app-123' });
    expect((await store.outbox.list())[0]).toMatchObject({
      status: 'done',
      result: { messageUuid: 'uuid-1', clientRef: key },
    });
  });

  it('retries 5xx and 429 with backoff and succeeds when the API recovers', async () => {
    api.answers.push(
      { status: 503, body: { title: 'Service Unavailable' } },
      { status: 429, body: { title: 'Too Many Requests', detail: 'rate limit' } },
    );
    await enqueue();
    const w = worker();
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 1, dead: 0 });
    expect((await store.outbox.list())[0]).toMatchObject({
      attempts: 1,
      nextAttemptAt: seconds(5),
      lastError: 'Vonage Messages API 503: Service Unavailable',
    });
    clock.set(seconds(5));
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 1, dead: 0 });
    expect((await store.outbox.list())[0]).toMatchObject({ attempts: 2, nextAttemptAt: seconds(15) });
    clock.set(seconds(15));
    expect(await w.runOnce()).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(api.requests.map((r) => (r.body as { client_ref: string }).client_ref)).toEqual([key, key, key]);
    expect((await store.outbox.list())[0]).toMatchObject({
      status: 'done',
      attempts: 3,
      result: { messageUuid: 'uuid-3' },
    });
  });

  it('retries when the API cannot be reached at all', async () => {
    await enqueue();
    await api.close();
    expect(await worker().runOnce()).toEqual({ sent: 0, failed: 1, dead: 0 });
    expect((await store.outbox.list())[0]).toMatchObject({
      status: 'pending',
      lastError: expect.stringMatching(/ECONNREFUSED/),
    });
    api = await startFakeMessagesApi();
    clock.set(seconds(5));
    expect(await worker(api.url).runOnce()).toEqual({ sent: 1, failed: 0, dead: 0 });
  });

  it('gives up on a 422 validation error and keeps Vonage’s explanation', async () => {
    api.answers.push({
      status: 422,
      body: {
        type: 'https://developer.vonage.com/api-errors/messages#1150',
        title: 'Invalid params',
        detail: 'The value of one or more parameters is invalid.',
        invalid_parameters: [{ name: 'to', reason: 'Invalid number' }],
      },
    });
    await enqueue();
    expect(await worker().runOnce()).toEqual({ sent: 0, failed: 1, dead: 1 });
    expect((await store.outbox.list())[0]).toMatchObject({
      status: 'dead',
      lastError:
        'Vonage Messages API 422: Invalid params: The value of one or more parameters is invalid. (to: Invalid number)',
    });
  });

  it('does not give up on bad credentials: they can be fixed without losing the message', async () => {
    api.answers.push({ status: 401, body: { title: 'Unauthorized' } });
    await enqueue();
    expect(await worker().runOnce()).toEqual({ sent: 0, failed: 1, dead: 0 });
  });

  it('sends one SMS for an effect enqueued twice (a retried webhook)', async () => {
    await enqueue();
    await enqueue();
    const w = worker();
    await Promise.all([w.runOnce(), w.runOnce()]);
    expect(api.requests).toHaveLength(1);
  });
});
