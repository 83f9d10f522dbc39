import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { channelOf, sampleMessage } from './testing/fixtures.ts';
import { loopbackServers, onlyPost } from './testing/use-loopback.ts';
import { sendWebhook } from './webhook.ts';

const startServer = loopbackServers();

const secret = 'whsec_9f8e7d6c5b4a3210fedcba';
const sentAt = Date.parse('2026-11-22T05:05:30.000Z');

/** What a receiver does: recompute the HMAC of the raw body and compare in constant time. */
function signatureMatches(body: string, header: string | string[] | undefined, key: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', key).update(body, 'utf8').digest('hex')}`);
  const actual = Buffer.from(String(header));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

describe('generic webhook', () => {
  it('posts the notification as JSON, signed with HMAC-SHA256 of the exact body', async () => {
    const server = await startServer(() => ({ status: 204 }));
    const channel = channelOf('webhook', { url: `${server.url}/hooks/flowcall`, secret });

    await sendWebhook(channel, sampleMessage, { now: () => sentAt });

    const request = onlyPost(server, '/hooks/flowcall');
    expect(signatureMatches(request.body, request.headers['x-flowcall-signature'], secret)).toBe(true);
    expect(
      signatureMatches(request.body, request.headers['x-flowcall-signature'], 'another-secret-123'),
    ).toBe(false);
    expect(request.headers['x-flowcall-timestamp']).toBe(String(sentAt / 1000));
    expect(JSON.parse(request.body)).toEqual({
      title: '着信: 090-1234-5678（山田様）',
      text: sampleMessage.text,
      fields: sampleMessage.fields,
      recordingUrl: sampleMessage.recordingUrl,
      test: false,
      sentAt: '2026-11-22T05:05:30.000Z',
    });
  });

  it('always sends the same shape: recordingUrl null without a recording, test true for a test', async () => {
    const server = await startServer(() => ({ status: 200, body: 'ok' }));
    const channel = channelOf('webhook', { url: `${server.url}/hooks/flowcall`, secret });

    await sendWebhook(
      channel,
      { title: 'テスト通知', text: '', fields: [], test: true },
      { now: () => sentAt },
    );

    const body = JSON.parse(server.requests[0]!.body);
    expect(body.recordingUrl).toBeNull();
    expect(body.test).toBe(true);
  });
});
