/**
 * Drains the outbox: every due item goes to the sender for its kind. Success stores the
 * provider's answer; a thrown error schedules a retry with exponential backoff (5 s, 10 s,
 * 20 s … at most 15 min) and never drops the item; only a sender's PermanentError gives up, or,
 * for kinds with a retry window (staff notifications: 24 hours), a next try past the window.
 * Items are claimed with a lease, so two workers (or a restart mid-send) never send one item
 * twice at the same time, and an item whose worker died is picked up again after the lease.
 */
import type { OutboxItem, OutboxKind, Store } from '../store/types.ts';
import { errorMessage, PermanentError } from './errors.ts';

/** Performs one item's side effect; returns what the provider answered (stored on the item). */
export type OutboxSender = (item: OutboxItem) => Promise<Record<string, unknown> | null>;
export type OutboxSenders = Partial<Record<OutboxKind, OutboxSender>>;

/** Structured logger (runtime/http's Logger satisfies it). */
export interface EffectsLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface OutboxWorkerOptions {
  store: Store;
  senders: OutboxSenders;
  clock: () => Date;
  logger: EffectsLogger;
  /** Items taken per run (default 20). */
  batchSize?: number;
  /** Pause between runs when the outbox was drained (default 1000 ms). */
  pollMs?: number;
  /** How long a claimed item is reserved for its sender (default 2 min, above any send timeout). */
  leaseMs?: number;
  /** Per kind, how long after queueing an item is still retried (default: notify/summary 24 h). */
  retryWindowMs?: Partial<Record<OutboxKind, number>>;
}

/**
 * A staff notification a day late is noise, and a channel that is down for a day needs a person:
 * it is flagged as failing long before. SMS and transcripts keep retrying (the caller is waiting
 * for that SMS; a transcript completes the call record).
 */
export const defaultRetryWindowMs: Partial<Record<OutboxKind, number>> = {
  notify: 24 * 60 * 60_000,
  summary: 24 * 60 * 60_000,
};

export interface RunResult {
  sent: number;
  /** Attempts that failed, including those given up on. */
  failed: number;
  /** Of the failed, how many were given up on (PermanentError). */
  dead: number;
}

export interface OutboxWorker {
  start(): void;
  /** Stops polling and waits for a run in progress to finish. */
  stop(): Promise<void>;
  runOnce(): Promise<RunResult>;
}

const firstRetryMs = 5_000;
const maxRetryMs = 15 * 60_000;

/** Delay before the next try after `failures` failed attempts (1 → 5 s, 2 → 10 s, …, ≤ 15 min). */
export function retryDelayMs(failures: number): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  return Math.min(firstRetryMs * 2 ** exponent, maxRetryMs);
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { store, senders, clock, logger } = options;
  const batchSize = options.batchSize ?? 20;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 2 * 60_000;
  const retryWindowMs = options.retryWindowMs ?? defaultRetryWindowMs;
  const iso = (ms = 0) => new Date(clock().getTime() + ms).toISOString();

  async function deliver(item: OutboxItem, result: RunResult): Promise<void> {
    const fields = { outboxId: item.id, kind: item.kind, callId: item.callId, attempt: item.attempts + 1 };
    let answer: Record<string, unknown> | null;
    try {
      const sender = senders[item.kind];
      // Retryable, not dead: the sender may be configured by the next deployment.
      if (!sender) throw new Error(`no sender for ${item.kind}`);
      answer = await sender(item);
    } catch (error) {
      result.failed += 1;
      const message = errorMessage(error);
      if (error instanceof PermanentError) {
        result.dead += 1;
        await store.outbox.markFailed(item.id, message, null, iso());
        logger.error('outbox item given up', { ...fields, error: message });
        return;
      }
      const next = iso(retryDelayMs(item.attempts + 1));
      const window = retryWindowMs[item.kind];
      if (window !== undefined && Date.parse(next) > Date.parse(item.createdAt) + window) {
        result.dead += 1;
        await store.outbox.markFailed(item.id, message, null, iso());
        logger.error('outbox item given up: retry window passed', { ...fields, error: message });
        return;
      }
      await store.outbox.markFailed(item.id, message, next, iso());
      logger.warn('outbox item failed, will retry', { ...fields, error: message, nextAttemptAt: next });
      return;
    }
    // Outside the try: a database error here is not a failed send (marking it failed would
    // resend it at once). The item stays claimed and is retried after its lease.
    await store.outbox.markDone(item.id, answer, iso());
    result.sent += 1;
    logger.info('outbox item sent', { ...fields, result: answer });
  }

  async function runOnce(): Promise<RunResult> {
    const result: RunResult = { sent: 0, failed: 0, dead: 0 };
    const items = await store.outbox.claim(iso(), batchSize, iso(leaseMs));
    // One at a time: providers rate-limit (Vonage SMS in Japan: 30/s) and order is kept per key.
    for (const item of items) await deliver(item, result);
    return result;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(tick, delay);
    // The HTTP server keeps the process alive; a forgotten worker must not.
    timer.unref?.();
  };

  function tick(): void {
    timer = undefined;
    const run = runOnce().then(
      (result) => schedule(result.sent + result.failed >= batchSize ? 0 : pollMs),
      (error: unknown) => {
        // The database itself failed (locked, disk full): keep polling, the items are safe.
        logger.error('outbox run failed', { error: errorMessage(error) });
        schedule(pollMs);
      },
    );
    running = run;
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
    runOnce,
  };
}
