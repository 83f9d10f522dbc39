/**
 * From log to test: a logged call becomes a flow-test case (schema/flow-test.schema.json) with
 * its real time, caller and inputs — keys pressed, words said, silences, the voicemail and its
 * transcript, transfer outcomes, the hang-up — and the path and result it really took, so
 * `flowcall test` (and the simulator) replay it to the same path.
 *
 * Every turn after the first was caused by the webhook stored just before its trace in the same
 * write (calls.saveTurn inserts them together). Turns with no such webhook are the runtime's own
 * (a recording landing after the hang-up, a late transcript): the simulator makes those itself.
 * Reading a webhook's payload is the Vonage driver's business, so the caller passes it in.
 */
import type { Case, Step } from '../../schema/generated/flow-test.ts';
import { parsePhone } from '../../schema/phone.ts';
import { localParts } from '../engine/local-time.ts';
import type { CallEventInput, TraceEntry } from '../engine/types.ts';
import type { CallEventRecord, CallRecord } from '../store/types.ts';
import { flowRan } from './call-outcome.ts';

/** The engine event a stored webhook meant (undefined: not something the caller did). */
export type ReadWebhook = (name: string, payload: unknown) => CallEventInput | undefined;

export interface ReplayTurn {
  /** What the caller (or the transfer's far end) did to cause the turn; undefined: the runtime. */
  cause: CallEventInput | undefined;
  trace: TraceEntry[];
}

/**
 * Whether a stored turn answered an event: its turn number moved on (`turn N`, N = the state's
 * sequence after it), or the caller hung up during a recording (the one event that keeps the
 * number). Late recording details (file, transcript) keep the number and are nobody's doing.
 */
function advanced(seq: number, trace: readonly TraceEntry[], lastSeq: number): boolean {
  return seq > lastSeq || trace.some((e) => e.type === 'ignored' && e.event === 'hangup');
}

/** The turns after the first, each with what caused it. */
export function replayTurns(events: readonly CallEventRecord[], readWebhook: ReadWebhook): ReplayTurn[] {
  const turns: ReplayTurn[] = [];
  let lastSeq: number | undefined;
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i] as CallEventRecord;
    if (event.kind !== 'trace' || !event.name.startsWith('turn ') || !Array.isArray(event.payload)) continue;
    const trace = event.payload as TraceEntry[];
    const seq = Number(event.name.slice('turn '.length));
    if (lastSeq === undefined) {
      // The answer's turn: nothing the caller did.
      lastSeq = seq;
      continue;
    }
    const before = events[i - 1];
    // A webhook is stored with the turn it caused, in the same statement: right before it.
    const sameWrite = before?.kind === 'webhook' && before.id === event.id - 1 && before.at === event.at;
    const caused = sameWrite && advanced(seq, trace, lastSeq);
    turns.push({ cause: caused ? readWebhook(before.name, before.payload) : undefined, trace });
    lastSeq = Math.max(lastSeq, seq);
  }
  return turns;
}

/** The script step for one turn, or undefined when the simulator plays that part by itself. */
function stepOf(turn: ReplayTurn, vars: Record<string, string>): Step | undefined {
  const cause = turn.cause;
  switch (cause?.type) {
    case 'digits':
      return { press: cause.digits };
    case 'speech':
      return { say: cause.text };
    case 'timeout':
      return { silence: true };
    case 'transfer-ended':
      return { transfer: cause.outcome };
    case 'hangup':
      return { hangup: true };
    case 'recorded': {
      // The record step saved `<base>.seconds` in this turn; the transcript came later, maybe.
      const saved = turn.trace.find(
        (e): e is Extract<TraceEntry, { type: 'var' }> => e.type === 'var' && e.name.endsWith('.seconds'),
      );
      const base = saved?.name.slice(0, -'.seconds'.length);
      const seconds = Number(saved?.value ?? 0);
      return {
        record: (base !== undefined ? vars[`${base}.transcript`] : undefined) ?? '',
        ...(Number.isInteger(seconds) && seconds > 0 ? { seconds } : {}),
      };
    }
    default:
      // bridge-ended (the simulator ends an answered transfer itself), transcribed, the runtime.
      return undefined;
  }
}

/** A flow-test case of a logged call; undefined when the call never ran a flow (turned away). */
export function testCaseOf(
  call: CallRecord,
  events: readonly CallEventRecord[],
  readWebhook: ReadWebhook,
): Case | undefined {
  const state = call.state;
  if (!state || !flowRan(call)) return undefined;
  const script = replayTurns(events, readWebhook).flatMap((turn) => {
    const step = stepOf(turn, state.vars);
    return step ? [step] : [];
  });
  const caller = call.from === 'anonymous' ? undefined : parsePhone(call.from);
  const local = localParts(call.startedAt, 'Asia/Tokyo');
  const when = local ? `${local.date} ${local.time}` : call.startedAt;
  return {
    name: `${when} ${caller?.national ?? '非通知'} からの通話`,
    at: call.startedAt,
    from: caller?.e164 ?? call.from,
    to: call.to,
    script,
    // A call the sweeper gave up on never ended in the flow: its path is all there is to check.
    expect: {
      path: [...state.path],
      ...(state.status === 'ended' && state.result ? { result: state.result } : {}),
    },
  };
}
