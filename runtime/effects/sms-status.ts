/**
 * Delivery receipts from the Messages API status webhook (the application's status URL, or the
 * per-message `webhook_url`). Parsing is tolerant — a receipt with odd fields is still worth
 * keeping — and the raw body is stored whole. Vonage retries this webhook on any 429/5xx for a
 * day, so the route should answer 200 quickly; the store keeps one row per (message, status).
 */
import type { Store } from '../store/types.ts';

export interface SmsReceipt {
  messageUuid: string;
  /** submitted | delivered | rejected | undeliverable | read, or whatever Vonage sent (lower-cased). */
  status: string;
  at: string;
  /** Our outbox idempotency key (see sms-sender.ts), when Vonage echoed it. */
  clientRef: string | null;
  /** "title: detail" (v1) or "code: reason" (v0.1) for failed deliveries. */
  error: string | null;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : undefined;

function errorOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return null;
  const e = value as Record<string, unknown>;
  const parts = [text(e.title) ?? text(e.code) ?? text(e.type), text(e.detail) ?? text(e.reason)].filter(
    Boolean,
  );
  return parts.length > 0 ? parts.join(': ') : null;
}

function bodyOf(payload: unknown): Record<string, unknown> | undefined {
  if (typeof payload === 'string') {
    try {
      return bodyOf(JSON.parse(payload));
    } catch {
      return undefined;
    }
  }
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
    ? (payload as Record<string, unknown>)
    : undefined;
}

/** Reads a status webhook body; undefined when it names no message (nothing to attach it to). */
export function parseSmsStatus(payload: unknown, now: () => Date): SmsReceipt | undefined {
  const body = bodyOf(payload);
  const messageUuid = text(body?.message_uuid) ?? text(body?.messageUuid);
  if (!body || !messageUuid) return undefined;
  const stamp = text(body.timestamp);
  const parsed = stamp ? new Date(stamp) : undefined;
  const at = parsed && !Number.isNaN(parsed.getTime()) ? parsed : now();
  return {
    messageUuid,
    status: (text(body.status) ?? 'unknown').toLowerCase(),
    at: at.toISOString(),
    clientRef: text(body.client_ref) ?? null,
    error: errorOf(body.error),
  };
}

/**
 * Stores a receipt (once per message and status) and returns what was read, or undefined when
 * the body named no message. `now` stamps receipts that carry no usable timestamp.
 */
export async function recordSmsStatus(
  store: Store,
  payload: unknown,
  now: () => Date = () => new Date(),
): Promise<SmsReceipt | undefined> {
  const receipt = parseSmsStatus(payload, now);
  if (!receipt) return undefined;
  await store.smsStatuses.record(receipt.messageUuid, receipt.status, payload, receipt.at);
  return receipt;
}
