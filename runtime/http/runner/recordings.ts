/**
 * Voicemail plumbing. Vonage ignores the record webhook's response, so the NCCO puts a notify
 * after the record: that "continue" webhook advances the call. The record webhook (with the
 * file URL) may come before or after it, or after the caller hung up: every order ends in
 * exactly one `recorded` event for the turn, plus late details when they come after.
 */
import type { CallState } from '../../engine/types.ts';
import { recordingItem } from '../../store/history-queue.ts';
import type { NewCallEvent } from '../../store/types.ts';
import type { Ncco } from '../deps.ts';
import { afterRecordingDetails } from './after-call.ts';
import type { CallRunner } from './call-runner.ts';

export interface RecordingInfo {
  recordingUrl: string;
  seconds: number;
}

/** The record webhook payload already stored for this call and node, if any. */
async function storedRecording(
  runner: CallRunner,
  callId: string,
  nodeId: string,
): Promise<RecordingInfo | undefined> {
  const events = await runner.deps.store.calls.events(callId);
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i]!;
    if (event.kind !== 'webhook' || event.name !== `record:${nodeId}`) continue;
    return event.payload as RecordingInfo;
  }
  return undefined;
}

/** The notify after the record: the recording has finished, continue the flow. */
export async function continueAfterRecording(
  runner: CallRunner,
  callId: string,
  nodeId: string,
  seq: number,
  webhook: NewCallEvent,
): Promise<Ncco | null> {
  const info = await storedRecording(runner, callId, nodeId);
  return runner.advance(
    callId,
    seq,
    { type: 'recorded', recordingUrl: info?.recordingUrl ?? '', seconds: info?.seconds ?? 0 },
    { wantsNcco: true, webhook },
  );
}

/** The record webhook itself: remember the file; drive the call only if nobody else will. */
export async function recordingArrived(
  runner: CallRunner,
  callId: string,
  nodeId: string,
  seq: number,
  info: RecordingInfo,
): Promise<void> {
  const { store } = runner.deps;
  const at = runner.deps.clock().toISOString();
  await store.calls.addEvent(callId, 'webhook', `record:${nodeId}`, info, at);
  // Keep a copy of the file for the call log, when this server keeps recordings.
  if (runner.deps.recordings)
    await store.outbox.enqueue([recordingItem(callId, nodeId, info.recordingUrl)], at);
  const current = await runner.state(callId);
  if (!current) return;
  const { state } = current;
  const waitingHere =
    state.status === 'waiting' &&
    state.waiting?.kind === 'record' &&
    state.waiting.nodeId === nodeId &&
    state.seq === seq;
  if (waitingHere && state.callerGone) {
    // The caller hung up to finish the message: no continue webhook will come.
    await runner.advance(callId, seq, { type: 'recorded', ...info }, { wantsNcco: false });
    // The caller's leg already completed: with the voicemail walked, the call (and line) ends.
    const after = await runner.state(callId);
    if (after?.state.status === 'ended') await store.calls.end(callId, after.state.result ?? 'completed', at);
  } else if (!waitingHere) {
    // The continue webhook already moved the call on: fill in the details it did not have.
    await runner.advance(callId, undefined, { type: 'transcribed', nodeId, ...info }, { wantsNcco: false });
  }
  // A summary waiting for this recording's file (a voicemail without transcription) can go now.
  await afterRecordingDetails(runner, callId);
}

/**
 * After the caller's leg ended during a recording whose webhook already came: walks the
 * voicemail on. Returns the state afterwards (undefined when there was nothing to do).
 */
export async function finishRecordingAfterHangup(
  runner: CallRunner,
  callId: string,
): Promise<CallState | undefined> {
  const current = await runner.state(callId);
  const waiting = current?.state.waiting;
  if (!current || waiting?.kind !== 'record' || !current.state.callerGone) return undefined;
  const info = await storedRecording(runner, callId, waiting.nodeId);
  if (!info) return undefined;
  const seq = current.state.seq;
  return (await runner.apply(callId, seq, { type: 'recorded', ...info }, { wantsNcco: false })).state;
}
