/**
 * Side effects after the webhooks: Vonage's transcription arrives later and is fetched by the
 * outbox worker; SMS delivery receipts are stored. Nothing here blocks a webhook.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxWorker } from '../effects/outbox-worker.ts';
import { transcriptSender } from './runner/transcripts.ts';
import { baseUrl, jsonPost, type TestApp, testApp } from './testing/test-app.ts';
import { VonageEmulator } from './testing/vonage-emulator.ts';

let app: TestApp;
afterEach(() => app.close());

describe('voicemail transcripts', () => {
  it('queues the transcription download and fills the call variable when the worker fetches it', async () => {
    app = await testApp({ at: '2026-11-24T20:00:00+09:00' });
    const emulator = new VonageEmulator({ fetch: app.fetch, baseUrl });
    const call = await emulator.placeCall({
      from: '819012345678',
      to: '81312345678',
      script: [{ record: '山田です。明日の予約を変更したいです。', seconds: 12 }, { press: '09012345678#' }],
    });
    const stored = await app.store.calls.get(call.uuid);
    expect(stored?.state?.path).toContain('record-message');
    expect(stored?.state?.vars['message.recordingUrl']).toMatch(/^https:\/\/api\.nexmo\.com\/v1\/files\//);

    const pending = await app.store.outbox.list({ callId: call.uuid });
    const transcriptItem = pending.find((item) => item.kind === 'transcript');
    expect(transcriptItem?.payload).toMatchObject({ nodeId: 'record-message' });

    const fetched: string[] = [];
    const worker = createOutboxWorker({
      store: app.store,
      clock: app.deps.clock,
      logger: app.logger,
      senders: {
        transcript: transcriptSender(app.runner, async (url) => {
          fetched.push(url);
          return decodeURIComponent(new URL(url).searchParams.get('text') ?? '');
        }),
      },
    });
    const run = await worker.runOnce();
    expect(run.sent).toBe(1);
    expect(fetched).toHaveLength(1);
    const after = await app.store.calls.get(call.uuid);
    expect(after?.state?.vars['message.transcript']).toBe('山田です。明日の予約を変更したいです。');
    expect(after?.status).toBe('ended');
  });

  it('refuses to fetch a transcription from a host that is not Vonage', async () => {
    app = await testApp();
    const sender = transcriptSender(app.runner, async () => 'never');
    await expect(
      sender({
        id: 1,
        kind: 'transcript',
        idempotencyKey: 'k',
        callId: 'x',
        payload: { nodeId: 'n', transcriptionUrl: 'https://attacker.example/steal' },
        status: 'pending',
        attempts: 0,
        nextAttemptAt: '',
        lastError: null,
        result: null,
        createdAt: '',
        updatedAt: '',
      }),
    ).rejects.toThrow(/refusing to fetch/);
  });
});

describe('SMS delivery receipts', () => {
  it('stores the Messages API status webhook', async () => {
    app = await testApp();
    const response = await app.request(
      '/vonage/messages/status',
      jsonPost({
        message_uuid: 'm-1',
        to: '819012345678',
        status: 'delivered',
        timestamp: '2026-11-24T03:00:01Z',
        client_ref: 'call:2:sms',
      }),
    );
    expect(response.status).toBe(204);
    expect(await app.store.smsStatuses.forMessage('m-1')).toEqual([
      { status: 'delivered', at: expect.any(String) },
    ]);
  });
});
