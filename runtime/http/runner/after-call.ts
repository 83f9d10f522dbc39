/**
 * Where the live driver meets the after-call summary (effects/after-call-summary.ts): the
 * caller's leg ended → queue it; a recording's file or transcript arrived → maybe send it now.
 * Both read the call as stored and the flow version it is pinned to.
 */
import { queueAfterCallSummary, summaryDetailsArrived } from '../../effects/after-call-summary.ts';
import type { CallRecord } from '../../store/types.ts';
import type { CallRunner } from './call-runner.ts';

async function callAndFlow(runner: CallRunner, callId: string) {
  const call = await runner.deps.store.calls.get(callId);
  if (!call?.flowId || call.flowVersion === null) return undefined;
  const flow = await runner.cache.flowVersion(call.flowId, call.flowVersion);
  return flow ? { call, flow } : undefined;
}

/**
 * The caller's leg ended (also when told again: a crash before queueing is made good by the retry).
 * Most flows have no summary: that is decided from the cached flow, without reading the call.
 */
export async function afterCallerLegEnded(
  runner: CallRunner,
  callId: string,
  pinned?: Pick<CallRecord, 'flowId' | 'flowVersion'>,
): Promise<void> {
  if (pinned && !(await mayHaveSummary(runner, pinned))) return;
  const found = await callAndFlow(runner, callId);
  if (found)
    await queueAfterCallSummary(runner.deps.store, found.call, found.flow, runner.deps.clock().toISOString());
}

/** Whether the flow version a call is pinned to (a cached, immutable document) has a summary. */
async function mayHaveSummary(
  runner: CallRunner,
  pinned: Pick<CallRecord, 'flowId' | 'flowVersion'>,
): Promise<boolean> {
  if (!pinned.flowId || pinned.flowVersion === null) return false;
  const flow = await runner.cache.flowVersion(pinned.flowId, pinned.flowVersion);
  return flow?.afterCallSummary !== undefined;
}

/** A recording's details were saved to the call. */
export async function afterRecordingDetails(runner: CallRunner, callId: string): Promise<void> {
  const found = await callAndFlow(runner, callId);
  if (found)
    await summaryDetailsArrived(runner.deps.store, found.call, found.flow, runner.deps.clock().toISOString());
}
