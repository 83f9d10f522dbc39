/**
 * The engine contract (ARCHITECTURE §4): plain data in, plain data out.
 *   startCall(flow, call, env) → Turn
 *   step(flow, state, event, env) → Turn
 * Drivers (Vonage, simulator) render `actions`; `trace` feeds path highlight, coverage and logs.
 */
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';

/** What the driver knows when a call arrives. */
export interface CallStart {
  callId: string;
  /** Caller number as received (Vonage: E.164 digits without plus), or 'anonymous'. */
  from: string;
  /** The number that was dialled. */
  to: string;
  /** ISO 8601 instant the call was answered. */
  at: string;
  /** Name from the contact book, when known. */
  callerName?: string;
  /** Published flow version the call is pinned to. */
  flowVersion?: number;
}

/** Things the engine needs that are not in the flow and may change between calls. */
export interface EngineEnv {
  /** Business-hours schedules by id; changes apply to the next turn that checks them. */
  schedules?: Readonly<Record<string, ScheduleDocument>>;
  /** Largest number of nodes run in one turn before the call fails as a loop (default 100). */
  stepLimit?: number;
}

export type TransferOutcome = 'answered' | 'busy' | 'no-answer' | 'failed';

/**
 * What can happen on a call. `seq`, when given, is the turn the event answers: an event for an
 * older turn (a retried webhook) is ignored.
 */
export type CallEvent =
  | { type: 'digits'; at: string; digits: string; seq?: number }
  | { type: 'speech'; at: string; text: string; confidence?: number; seq?: number }
  | { type: 'timeout'; at: string; seq?: number }
  | {
      type: 'recorded';
      at: string;
      recordingUrl: string;
      seconds?: number;
      transcript?: string;
      seq?: number;
    }
  /**
   * Recording details arriving late, at any time (even after the call ended): Vonage sends the
   * recording file and the transcription asynchronously.
   */
  | {
      type: 'transcribed';
      at: string;
      nodeId: string;
      transcript?: string;
      recordingUrl?: string;
      seconds?: number;
    }
  | { type: 'transfer-ended'; at: string; outcome: TransferOutcome; seq?: number }
  /** The bridged call (after `answered`) finished. */
  | { type: 'bridge-ended'; at: string; seq?: number }
  | { type: 'hangup'; at: string };

export type CallEventType = CallEvent['type'];

/** Effects as data. Drivers render them (NCCO, transcript); SMS and notify are enqueued. */
export type Action =
  | { type: 'say'; nodeId: string; text: string; language: string; repeat?: number }
  | { type: 'play'; nodeId: string; url: string; repeat?: number }
  | {
      type: 'collect';
      nodeId: string;
      /** What kind of step waits: a menu choice or a number entry. */
      purpose: 'menu' | 'input';
      maxDigits: number;
      timeoutSeconds: number;
      submitOnHash: boolean;
      /** Present when the caller may speak: the language and the words to listen for. */
      speech?: { language: string; hints: string[] };
    }
  | {
      type: 'record';
      nodeId: string;
      beep: boolean;
      maxSeconds: number;
      endOnSilenceSeconds?: number;
      endOnKey?: string;
      transcribe: boolean;
      language: string;
    }
  | {
      type: 'transfer';
      nodeId: string;
      /** Numbers to ring now, E.164 with plus; several = simultaneous ringing. */
      to: string[];
      ringSeconds: number;
      /** Caller ID to show, E.164 with plus. */
      from: string;
      /** 1-based attempt for sequential ringing. */
      attempt: number;
    }
  | {
      type: 'send-sms';
      nodeId: string;
      /** E.164 with plus. */
      to: string;
      text: string;
      encoding: 'GSM-7' | 'UCS-2';
      segments: number;
      /** Stable per call and node: the outbox and Vonage use it to send once. */
      idempotencyKey: string;
    }
  | {
      type: 'notify';
      nodeId: string;
      channel: string;
      message: string;
      idempotencyKey: string;
    }
  | { type: 'hangup'; nodeId?: string; reason: EndReason };

export type ActionType = Action['type'];

export type CallResult = 'completed' | 'transferred' | 'caller-hangup' | 'failed';

/** Why the engine hung up: the flow ended, or a failure the caller must not notice as silence. */
export type EndReason = 'flow-end' | 'hangup-node' | 'transfer-ended' | 'caller-hangup' | 'failed';

export type FailureCode = 'step-limit' | 'unknown-node' | 'unknown-schedule' | 'bad-state' | 'flow-mismatch';

/** What the call is waiting for, when it waits. */
export interface Waiting {
  nodeId: string;
  kind: 'menu' | 'input' | 'record' | 'transfer' | 'bridge';
  /** Tries used on a menu or input (0 for the first). */
  attempt: number;
  /** For sequential transfers: index of the destination ringing now. */
  destination?: number;
}

export interface CallState {
  /** State format version. */
  v: 1;
  callId: string;
  flowId: string;
  flowVersion?: number;
  status: 'waiting' | 'ended';
  /** Turn number: increases every time the engine runs; drivers echo it back in events. */
  seq: number;
  waiting: Waiting | null;
  vars: Record<string, string>;
  /** Node ids entered, in order (the path). */
  path: string[];
  startedAt: string;
  endedAt?: string;
  result?: CallResult;
  failure?: { code: FailureCode; message: string };
  /** The caller hung up while a recording was running: the recording still completes the walk. */
  callerGone?: true;
}

export type TraceEntry =
  | { type: 'enter'; at: string; seq: number; nodeId: string; kind: string }
  | { type: 'port'; at: string; seq: number; nodeId: string; port: string; target: string | null }
  | { type: 'var'; at: string; seq: number; name: string; value: string }
  | { type: 'ignored'; at: string; seq: number; event: CallEventType; reason: string }
  | { type: 'end'; at: string; seq: number; result: CallResult; reason: EndReason; code?: FailureCode };

export interface Turn {
  state: CallState;
  actions: Action[];
  trace: TraceEntry[];
}

/** An event before the driver stamps it with time and turn (distributes over the union). */
export type CallEventInput = CallEvent extends infer E
  ? E extends CallEvent
    ? Omit<E, 'at' | 'seq'>
    : never
  : never;
