/**
 * Call-progress events. The caller's leg ending releases its line (whatever order Vonage sends
 * events in); a connect leg's status becomes a transfer outcome for the engine.
 */
import { connectOutcome } from '../../vonage/payloads.ts';
import type { Ncco } from '../deps.ts';
import type { CallRunner } from './call-runner.ts';
import { finishRecordingAfterHangup } from './recordings.ts';

const legEnded = new Set(['completed', 'failed', 'rejected', 'unanswered', 'busy', 'cancelled', 'timeout']);

/** A status event of the caller's own leg (application event URL). */
export async function callerLegEvent(runner: CallRunner, callId: string, status: string): Promise<void> {
  const { store, clock } = runner.deps;
  const at = clock().toISOString();
  const call = await store.calls.get(callId);
  if (!call) return;
  await store.calls.touch(callId, at);
  if (!legEnded.has(status) || call.status === 'ended') return;
  if (call.state && call.state.status !== 'ended') {
    await runner.advance(callId, undefined, { type: 'hangup' }, { wantsNcco: false });
    await finishRecordingAfterHangup(runner, callId);
  }
  const after = await store.calls.get(callId);
  // A recording still on its way keeps the call open until it lands (or the sweeper ends it).
  if (after?.state?.status === 'waiting' && after.state.callerGone) return;
  await store.calls.end(callId, after?.state?.result ?? 'caller-hangup', at);
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
): Promise<Ncco | null> {
  const outcome = connectOutcome(status);
  if (outcome === null) return null;
  if (outcome === 'bridge-ended') {
    await runner.advance(callId, undefined, { type: 'bridge-ended' }, { wantsNcco: false });
    return null;
  }
  if (outcome === 'answered') {
    await runner.advance(callId, seq, { type: 'transfer-ended', outcome }, { wantsNcco: false });
    return null;
  }
  return runner.advance(callId, seq, { type: 'transfer-ended', outcome }, { wantsNcco: true });
}
