/**
 * Call-progress events. The caller's leg ending releases its line (whatever order Vonage sends
 * events in); a connect leg's status becomes a transfer outcome for the engine.
 */

import type { CallState } from '../../engine/types.ts';
import type { CallRecord, NewCallEvent } from '../../store/types.ts';
import { connectOutcome } from '../../vonage/payloads.ts';
import type { Ncco } from '../deps.ts';
import { afterCallerLegEnded } from './after-call.ts';
import type { CallRunner } from './call-runner.ts';
import { finishRecordingAfterHangup } from './recordings.ts';

const legEnded = new Set(['completed', 'failed', 'rejected', 'unanswered', 'busy', 'cancelled', 'timeout']);

/** A status event of the caller's own leg (application event URL). */
export async function callerLegEvent(
  runner: CallRunner,
  callId: string,
  status: string,
  webhook: NewCallEvent,
): Promise<void> {
  const call = await applyCallerLegEvent(runner, callId, status, webhook);
  // After the end is saved, and again on a repeated final event: should the process die between
  // the two, Vonage's retry of this webhook still queues the after-call summary (once, by key).
  if (call && legEnded.has(status)) await afterCallerLegEnded(runner, callId, call);
}

async function applyCallerLegEvent(
  runner: CallRunner,
  callId: string,
  status: string,
  webhook: NewCallEvent,
): Promise<CallRecord | undefined> {
  const { store, clock } = runner.deps;
  const at = clock().toISOString();
  const call = await store.calls.get(callId);
  if (!call) return undefined;
  if (!legEnded.has(status) || call.status === 'ended') {
    // Progress (started, ringing, answered) or news of a call already over: log it, move its clock.
    await store.calls.addEvent(callId, webhook.kind, webhook.name, webhook.payload, at);
    await store.calls.touch(callId, at);
    return call;
  }
  let state: CallState | undefined = call.state ?? undefined;
  if (state && state.status !== 'ended') {
    const hangup = await runner.apply(
      callId,
      undefined,
      { type: 'hangup' },
      { wantsNcco: false, webhook, call, endIfOver: true },
    );
    if (hangup.ended) return call;
    state = hangup.state;
    if (state?.status === 'waiting' && state.waiting?.kind === 'record' && state.callerGone) {
      state = (await finishRecordingAfterHangup(runner, callId)) ?? state;
    }
  } else {
    await store.calls.addEvent(callId, webhook.kind, webhook.name, webhook.payload, at);
  }
  // A recording still on its way keeps the call open until it lands (or the sweeper ends it).
  if (state?.status === 'waiting' && state.callerGone) return call;
  await store.calls.end(callId, state?.result ?? 'caller-hangup', at);
  return call;
}

/**
 * A status event of the transferred (connect) leg. Failures answer with the NCCO of the
 * `failed` path (synchronous connect: it replaces the rest); answered and progress events
 * answer nothing so the bridge carries on.
 */
export async function connectLegEvent(
  runner: CallRunner,
  callId: string,
  seq: number,
  status: string,
  webhook: NewCallEvent,
): Promise<Ncco | null> {
  const outcome = connectOutcome(status);
  if (outcome === null) {
    const { store, clock } = runner.deps;
    await store.calls.addEvent(callId, webhook.kind, webhook.name, webhook.payload, clock().toISOString());
    return null;
  }
  if (outcome === 'bridge-ended') {
    await runner.advance(callId, undefined, { type: 'bridge-ended' }, { wantsNcco: false, webhook });
    return null;
  }
  if (outcome === 'answered') {
    await runner.advance(callId, seq, { type: 'transfer-ended', outcome }, { wantsNcco: false, webhook });
    return null;
  }
  return runner.advance(callId, seq, { type: 'transfer-ended', outcome }, { wantsNcco: true, webhook });
}
