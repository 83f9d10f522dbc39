/**
 * Regression (found by the webhook fuzzer): a record or transcription webhook that cannot be
 * used was answered 503, so Vonage would retry it for nothing and the fuzzer saw a 5xx. It is
 * the sender's mistake: 400 with the reason. A real failure of ours is still a 503 (retried).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/types.ts';
import { jsonPost, type TestApp, testApp } from './testing/test-app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('event webhooks that cannot be used', () => {
  it('are a 400 with the reason, not a 503 Vonage would retry', async () => {
    app = await testApp();
    const cases: Array<[string, unknown, string]> = [
      [
        '/vonage/record?c=call-1&n=voicemail&s=2',
        { recording_uuid: 'r-1' },
        'record webhook unusable: record payload without recording_url',
      ],
      [
        '/vonage/record',
        { recording_url: 'https://api-us.nexmo.com/v1/files/r-1' },
        'record webhook without call, node and turn',
      ],
      [
        '/vonage/transcription?c=call-1&n=voicemail&s=2',
        { status: 'failed' },
        'transcription webhook unusable: transcription payload without transcription_url (status failed)',
      ],
      [
        '/vonage/transcription?c=call-1&n=voicemail&s=x',
        { transcription_url: 'https://api-us.nexmo.com/t/1' },
        'transcription webhook without call, node and turn',
      ],
    ];
    for (const [path, body, reason] of cases) {
      const response = await app.request(path, jsonPost(body));
      expect(response.status, path).toBe(400);
      expect(await response.json(), path).toEqual({ error: reason });
    }
    expect(app.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('while a failure of ours is still a 503, which Vonage retries', async () => {
    app = await testApp({
      wrapStore: (store: Store) => ({
        ...store,
        outbox: {
          ...store.outbox,
          enqueue: async () => {
            throw new Error('database is locked');
          },
        },
      }),
    });
    const response = await app.request(
      '/vonage/transcription?c=call-1&n=voicemail&s=2',
      jsonPost({ transcription_url: 'https://api-us.nexmo.com/v1/files/t-1', status: 'completed' }),
    );
    expect(response.status).toBe(503);
  });
});
