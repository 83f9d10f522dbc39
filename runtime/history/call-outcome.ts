/**
 * What happened on a call, in the words of the call log: completed, transferred, voicemail, or
 * missed with a reason. Decided from the engine's trace (every step entered, every port taken,
 * how the call ended) plus the reasons the runtime records when it never ran the flow (lines
 * busy, unknown number…). Pure: the call log, the dashboard and the exports share it.
 */
import type { CallResult, TraceEntry } from '../engine/types.ts';

export type CallOutcome = 'completed' | 'transferred' | 'voicemail' | 'missed' | 'live';

/**
 * notInOperation: the flow took a closed business-hours path and nobody was reached.
 * userLeft: the caller hung up before the flow finished or before a transfer was answered.
 * noAnswer: a transfer was not answered (no answer, busy, failed).
 * The rest come from the runtime: linesBusy, unknownNumber, noFlow, lost (no final event).
 */
export type MissedCallReason =
  | 'notInOperation'
  | 'linesBusy'
  | 'userLeft'
  | 'noAnswer'
  | 'unknownNumber'
  | 'noFlow'
  | 'error'
  | 'lost';

export interface OutcomeInput {
  /** The call record's status and result (the runtime's view). */
  status: 'live' | 'ended';
  result: CallResult | 'missed' | null;
  /** Set when the runtime turned the call away or lost it (linesBusy, unknownNumber, …). */
  missedReason: string | null;
  /** Every trace entry of the call, in order (all turns). */
  trace: readonly TraceEntry[];
}

export interface OutcomeOf {
  outcome: CallOutcome;
  reason?: MissedCallReason;
}

const runtimeReasons = new Set<MissedCallReason>(['linesBusy', 'unknownNumber', 'noFlow', 'error', 'lost']);

/** Reasons for which the runtime turned the call away before its flow ran (nobody answered it). */
export const turnedAwayReasons: ReadonlySet<string> = new Set<MissedCallReason>([
  'linesBusy',
  'unknownNumber',
  'noFlow',
]);

/** Whether the call's flow ran (a turned-away call keeps the state of a first turn never played). */
export function flowRan(call: { state: unknown; missedReason: string | null }): boolean {
  return call.state !== null && !(call.missedReason !== null && turnedAwayReasons.has(call.missedReason));
}

export function callOutcome(call: OutcomeInput): OutcomeOf {
  if (call.missedReason !== null) {
    const reason = runtimeReasons.has(call.missedReason as MissedCallReason)
      ? (call.missedReason as MissedCallReason)
      : 'error';
    return { outcome: 'missed', reason };
  }
  const kinds = new Map<string, string>();
  const ports = new Set<string>();
  let end: Extract<TraceEntry, { type: 'end' }> | undefined;
  for (const entry of call.trace) {
    if (entry.type === 'enter') kinds.set(entry.nodeId, entry.kind);
    else if (entry.type === 'port') ports.add(`${kinds.get(entry.nodeId)}:${entry.port}`);
    else if (entry.type === 'end') end ??= entry;
  }
  if (call.result === 'transferred' || ports.has('transfer:answered')) return { outcome: 'transferred' };
  if (ports.has('record:done')) return { outcome: 'voicemail' };
  if (call.status === 'live' && !end) return { outcome: 'live' };
  const transferTried = [...kinds.values()].includes('transfer');
  if (ports.has('hours:closed') && !transferTried) return { outcome: 'missed', reason: 'notInOperation' };
  if (ports.has('transfer:failed')) return { outcome: 'missed', reason: 'noAnswer' };
  const result = end?.result ?? call.result;
  if (result === 'caller-hangup') return { outcome: 'missed', reason: 'userLeft' };
  if (result === 'failed') return { outcome: 'missed', reason: 'error' };
  return { outcome: 'completed' };
}
