/**
 * The outbox sender for `history` items: summarise a call for the call log (call-summary.ts) and
 * store the summary with its search row. Runs in the outbox worker, never on a webhook; queued
 * by the write that ends a call and again when a transcript arrives. Summarising is idempotent —
 * it always reads the call as it is now — so a retried or repeated item does no harm.
 */
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { contactLabel, createContactLookup } from '../contacts/lookup.ts';
import type { TraceEntry } from '../engine/types.ts';
import type { CallEventRecord, OutboxItem, Store } from '../store/types.ts';
import { defaultWorkspaceId } from '../store/workspace-scope.ts';
import { summarizeCall } from './call-summary.ts';

/** Same shape as effects' OutboxSender (history sits below effects and does not import it). */
export type HistorySender = (item: OutboxItem) => Promise<Record<string, unknown> | null>;

export interface HistorySenderOptions {
  store: Store;
  clock: () => Date;
}

/** Every trace entry of a call, in order, from its log (one `trace` event per turn). */
export function traceOf(events: readonly CallEventRecord[]): TraceEntry[] {
  return events.flatMap((event) =>
    event.kind === 'trace' && Array.isArray(event.payload) ? (event.payload as TraceEntry[]) : [],
  );
}

export function historySender(options: HistorySenderOptions): HistorySender {
  const { store, clock } = options;
  // Published versions never change: one read per version for the worker's life.
  const flows = new Map<string, Promise<FlowDocument | undefined>>();
  const flowVersion = (flowId: string, version: number) => {
    const key = `${flowId}@${version}`;
    let flow = flows.get(key);
    if (!flow) {
      flow = store.flows.version(flowId, version).then((v) => v?.document);
      flows.set(key, flow);
      // A database error is not remembered: the item's retry reads again.
      flow.catch(() => flows.delete(key));
    }
    return flow;
  };

  return async (item) => {
    if (!item.callId) return { skipped: 'no call' };
    const call = await store.calls.get(item.callId);
    // Deleted meanwhile, or not over yet (the item queued when it ends will summarise it).
    if (!call) return { skipped: 'no such call' };
    if (call.status === 'live') return { skipped: 'live' };
    const trace = traceOf(await store.calls.events(call.id));
    const flow =
      call.flowId && call.flowVersion !== null ? await flowVersion(call.flowId, call.flowVersion) : undefined;
    // The caller's name from the book of the workspace the call belongs to, never another's.
    const lookup = createContactLookup(store.scoped(call.workspaceId ?? defaultWorkspaceId).contacts);
    const contact = call.from !== 'anonymous' ? await lookup(call.from) : undefined;
    const summary = summarizeCall({
      call,
      trace,
      flow,
      contactName: contact ? contactLabel(contact) : undefined,
    });
    await store.history.saveSummary(call.id, summary, clock().toISOString());
    return { outcome: summary.outcome, ...(summary.reason ? { reason: summary.reason } : {}) };
  };
}
