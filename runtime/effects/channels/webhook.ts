/**
 * Generic webhook: a JSON POST of the notification that a customer's own system can trust. The
 * body is signed with HMAC-SHA256 under the channel's secret; X-Flowcall-Signature carries
 * `sha256=<hex>` of the exact bytes sent. `sentAt` inside the signed body is what a receiver
 * should check for freshness (X-Flowcall-Timestamp repeats it in Unix seconds for convenience,
 * but is not itself signed). `recordingUrl` is null rather than absent, so receivers see one shape.
 */
import { createHmac } from 'node:crypto';
import { postJson } from './http-post.ts';
import { nowOf, type Sender } from './sender.ts';
import type { NotificationMessage } from './types.ts';

export const signatureHeader = 'x-flowcall-signature';
export const timestampHeader = 'x-flowcall-timestamp';

export function webhookBody(message: NotificationMessage, sentAtMs: number): string {
  return JSON.stringify({
    title: message.title,
    text: message.text,
    fields: message.fields.map(({ label, value }) => ({ label, value })),
    recordingUrl: message.recordingUrl ?? null,
    test: message.test === true,
    sentAt: new Date(sentAtMs).toISOString(),
  });
}

/** `sha256=<hex HMAC-SHA256 of body>` — what a receiver recomputes and compares. */
export const webhookSignature = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;

export const sendWebhook: Sender<'webhook'> = async (channel, message, options) => {
  const sentAtMs = nowOf(options);
  const body = webhookBody(message, sentAtMs);
  await postJson('Webhook', channel.settings.url, body, channel, options, {
    'user-agent': 'flowcall-webhook/1',
    [signatureHeader]: webhookSignature(channel.settings.secret, body),
    [timestampHeader]: String(Math.floor(sentAtMs / 1000)),
  });
  return {};
};
