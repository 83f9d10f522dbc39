/**
 * SMS through Vonage's Messages API. Japanese virtual numbers cannot send SMS, so `from` is the
 * number's alphanumeric sender id. The outbox idempotency key travels as `client_ref`: it comes
 * back on every delivery receipt, so a message sent twice (a worker that died after Vonage
 * accepted it) is recognisable.
 */
import { createHash } from 'node:crypto';
import { SMS } from '@vonage/messages';
import { Vonage } from '@vonage/server-sdk';
import type { OutboxItem } from '../store/types.ts';
import { PermanentError } from './errors.ts';
import type { OutboxSender } from './outbox-worker.ts';
import { vonageFailure } from './vonage-failure.ts';

export interface SmsMessage {
  /** E.164 with plus. */
  to: string;
  /** Alphanumeric sender id (≤ 11 characters) or a number. */
  from: string;
  text: string;
  clientRef: string;
}

/** The seam between the outbox and the provider; tests use a fake. */
export interface SmsClient {
  send(message: SmsMessage): Promise<{ messageUuid: string }>;
}

/** Messages API: `client_ref` holds at most 100 characters; `text` at most 1000. */
export const maxClientRefLength = 100;
const maxTextLength = 1000;

/**
 * The idempotency key as a client reference. Keys are call uuid + turn + node and fit; a longer
 * one keeps its readable start plus a hash of the whole, so it stays unique and stable.
 */
export function clientRefFor(idempotencyKey: string): string {
  if (idempotencyKey.length <= maxClientRefLength) return idempotencyKey;
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 16);
  return `${idempotencyKey.slice(0, maxClientRefLength - hash.length - 1)}~${hash}`;
}

const isAlphanumericSender = (from: string) => /^[A-Za-z0-9]{1,11}$/.test(from);
const isNumericSender = (from: string) => /^\+?[1-9]\d{3,14}$/.test(from);

/** Reads an outbox `sms` payload; anything retrying cannot fix is a PermanentError. */
export function smsMessageOf(item: OutboxItem): SmsMessage {
  const { to, from, text } = item.payload;
  if (typeof to !== 'string' || !/^\+[1-9]\d{7,14}$/.test(to)) {
    throw new PermanentError(`invalid destination ${JSON.stringify(to)}: expected E.164 with plus`);
  }
  if (typeof from !== 'string' || !(isAlphanumericSender(from) || isNumericSender(from))) {
    throw new PermanentError(
      `invalid SMS sender ${JSON.stringify(from)}: up to 11 letters and digits, or a number`,
    );
  }
  if (typeof text !== 'string' || text.trim() === '' || text.length > maxTextLength) {
    throw new PermanentError(`SMS text must be 1–${maxTextLength} characters`);
  }
  const key =
    typeof item.payload.idempotencyKey === 'string' ? item.payload.idempotencyKey : item.idempotencyKey;
  return { to, from, text, clientRef: clientRefFor(key) };
}

/** The outbox sender for kind `sms`. */
export function smsSender(client: SmsClient): OutboxSender {
  return async (item) => {
    const message = smsMessageOf(item);
    const { messageUuid } = await client.send(message);
    return { messageUuid, clientRef: message.clientRef };
  };
}

export interface VonageSmsOptions {
  /** Per-message status webhook; without it Vonage uses the application's status URL. */
  statusUrl?: string;
}

export function vonageSmsClient(vonage: Vonage, options: VonageSmsOptions = {}): SmsClient {
  return {
    async send(message) {
      const sms = new SMS({
        channel: 'sms',
        messageType: 'text',
        // Vonage wants E.164 digits without the plus.
        to: message.to.replace(/^\+/, ''),
        from: message.from,
        text: message.text,
        clientRef: message.clientRef,
        // auto picks UCS-2 for Japanese text; plain `text` would garble it.
        sms: { encodingType: 'auto' },
        ...(options.statusUrl ? { webhookUrl: options.statusUrl } : {}),
      });
      let messageUuid: string | undefined;
      try {
        ({ messageUUID: messageUuid } = await vonage.messages.send(sms));
      } catch (error) {
        throw await vonageFailure(error);
      }
      // Accepted (2xx) but unnamed: sending again could text the caller twice, so give up loudly.
      if (!messageUuid) throw new PermanentError('Vonage accepted the SMS but returned no message_uuid');
      return { messageUuid };
    },
  };
}

/** The parts of RuntimeConfig the Vonage client needs (structural, so effects/ need not import http/). */
export interface VonageClientConfig {
  vonageApplicationId?: string;
  /** PEM text of the application's private key (a file path also works: the SDK reads it). */
  vonagePrivateKey?: string;
  /** API base URL; default https://api.nexmo.com (tests point it at a local server). */
  vonageApiHost?: string;
  /** Per-request timeout (default 10 s), well inside the outbox lease. */
  vonageTimeoutMs?: number;
}

/** A Vonage client authenticated as the application (JWT), or undefined when not configured. */
export function createVonageClient(config: VonageClientConfig): Vonage | undefined {
  const applicationId = config.vonageApplicationId?.trim();
  const privateKey = config.vonagePrivateKey?.trim();
  if (!applicationId || !privateKey) return undefined;
  return new Vonage(
    { applicationId, privateKey },
    {
      timeout: config.vonageTimeoutMs ?? 10_000,
      ...(config.vonageApiHost ? { apiHost: config.vonageApiHost.replace(/\/+$/, '') } : {}),
    },
  );
}
