/**
 * The after-call summary (a flow's `afterCallSummary`): one `summary` outbox item per call,
 * queued when the caller's leg ends. It is due at once, unless a recording of the call still has
 * details on the way (the file, or the transcript Vonage sends minutes later): then it is due at
 * end + waitSeconds, and brought forward to "now" when the last detail lands. Whichever comes
 * first sends it; the message is built at send time, so it holds whatever has arrived.
 */
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { saveBaseOf } from '../../schema/kinds.ts';
import type { CallState } from '../engine/types.ts';
import type { CallRecord, NewOutboxItem, Store } from '../store/types.ts';

/** The schema's default wait for a transcription. */
export const defaultWaitSeconds = 300;

/** One summary per call, however often its end is reported. */
export const summaryKey = (callId: string) => `${callId}:summary`;

/** Whether a recording of the call still has its file or transcript on the way. */
export function recordingPending(flow: FlowDocument, state: CallState): boolean {
  const recordIds = new Set(state.path);
  return flow.nodes.some((node) => {
    if (node.kind !== 'record' || !recordIds.has(node.id)) return false;
    const base = saveBaseOf(node);
    const url = state.vars[`${base}.recordingUrl`];
    // The record step timed out with nothing recorded: no file, no transcript will come.
    if (url === undefined && state.vars[`${base}.seconds`] === '0') return false;
    if (!url) return true;
    return (node.params.transcribe ?? true) && state.vars[`${base}.transcript`] === undefined;
  });
}

/** The summary item for a call whose caller's leg ended at `at`, or undefined when the flow has none. */
export function summaryItem(call: CallRecord, flow: FlowDocument, at: string): NewOutboxItem | undefined {
  const summary = flow.afterCallSummary;
  if (!summary) return undefined;
  const waitMs = (summary.waitSeconds ?? defaultWaitSeconds) * 1000;
  const pending = call.state !== null && recordingPending(flow, call.state);
  const waitUntil = pending ? new Date(Date.parse(at) + waitMs).toISOString() : undefined;
  return {
    kind: 'summary',
    idempotencyKey: summaryKey(call.id),
    callId: call.id,
    // waitUntil marks an item still waiting for details (see summaryDetailsArrived).
    payload: { channel: summary.channel, ...(waitUntil ? { waitUntil } : {}) },
    ...(waitUntil ? { notBefore: waitUntil } : {}),
  };
}

/** Queues the call's summary (a no-op when it is queued already or the flow sends none). */
export async function queueAfterCallSummary(
  store: Store,
  call: CallRecord,
  flow: FlowDocument,
  at: string,
): Promise<void> {
  const item = summaryItem(call, flow, at);
  if (item) await store.outbox.enqueue([item], at);
}

/**
 * A recording's file or transcript reached the call: if nothing else is on the way, a summary
 * still waiting for its time limit becomes due now. One already being sent, sent, or retried is
 * left alone (the compare-and-set on its wait time).
 */
export async function summaryDetailsArrived(
  store: Store,
  call: CallRecord,
  flow: FlowDocument,
  at: string,
): Promise<boolean> {
  if (!flow.afterCallSummary || !call.state || recordingPending(flow, call.state)) return false;
  const items = await store.outbox.list({ callId: call.id, status: 'pending' });
  const waiting = items.find((i) => i.idempotencyKey === summaryKey(call.id) && i.attempts === 0);
  const waitUntil = waiting?.payload.waitUntil;
  if (!waiting || typeof waitUntil !== 'string' || Date.parse(waitUntil) <= Date.parse(at)) return false;
  return store.outbox.reschedule(waiting.id, waitUntil, at, at);
}
