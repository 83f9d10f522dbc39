/**
 * The `history` outbox items that make the worker (runtime/history/history-sender.ts) compute a
 * call's summary for the call log. They are queued inside the transaction of the write that
 * ends the call (calls.ts) — never as an extra write on a webhook — and again when a late
 * transcript changes what the log should show. Also the `recording` items that keep a copy of
 * each recording file.
 */
import type { Kysely } from 'kysely';
import type { Database } from './database.ts';
import { insertOutboxItems } from './outbox.ts';
import type { NewOutboxItem } from './types.ts';

/** Summarise the call: it ended (once per call, whichever way it ended). */
export function historyItem(callId: string): NewOutboxItem {
  return { kind: 'history', idempotencyKey: `${callId}:history`, callId, payload: { cause: 'ended' } };
}

/** Summarise the call again: a recording's transcript arrived. */
export function historyTranscriptItem(callId: string, nodeId: string): NewOutboxItem {
  return {
    kind: 'history',
    idempotencyKey: `${callId}:history:transcript:${nodeId}`,
    callId,
    payload: { cause: 'transcript', nodeId },
  };
}

/** Keep a copy of a recording (effects/recording-download.ts). */
export function recordingItem(callId: string, nodeId: string, recordingUrl: string): NewOutboxItem {
  return {
    kind: 'recording',
    idempotencyKey: `${callId}:recording:${nodeId}`,
    callId,
    payload: { nodeId, recordingUrl },
  };
}

/** Queues the summary of a call that `trx` just ended. */
export function queueHistoryIn(trx: Kysely<Database>, callId: string, at: string): Promise<void> {
  return insertOutboxItems(trx, [historyItem(callId)], at);
}
