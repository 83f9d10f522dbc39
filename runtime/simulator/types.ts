/**
 * The simulator's contract: a scripted caller against the same engine as live calls.
 * `simulate(flow, script, options)` → SimulationResult. The editor panel, `flowcall simulate`
 * and `flowcall test` all call it.
 */
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import type {
  Action,
  CallResult,
  CallState,
  FailureCode,
  TraceEntry,
  TransferOutcome,
} from '../engine/types.ts';

/** One thing the simulated caller (or the far end of a transfer) does when the call waits. */
export type ScriptStep =
  | { press: string }
  | { say: string }
  | { silence: true }
  | { record: string; seconds?: number }
  | { transfer: TransferOutcome }
  | { hangup: true };

export interface SimulateOptions {
  /** When the call starts (ISO 8601 with offset). */
  at: string;
  /** Caller number, or 'anonymous'. Default: a Japanese mobile number. */
  from?: string;
  /** Called number. Default: +815012345678 (050-1234-5678). */
  to?: string;
  callerName?: string;
  schedules?: Readonly<Record<string, ScheduleDocument>>;
  callId?: string;
}

/** One line of what happened, in order, as the caller would experience it. */
export type TranscriptLine =
  | { at: string; who: 'system'; nodeId: string; text: string }
  | { at: string; who: 'caller'; text: string }
  | { at: string; who: 'note'; text: string };

export interface Coverage {
  /** Times each node was entered. Every node of the flow is a key. */
  nodes: Record<string, number>;
  /** Times each port was taken, keyed `nodeId:port`. Every port of every node is a key. */
  ports: Record<string, number>;
}

export interface ScriptProblem {
  /** 0-based index of the script step, or -1 for the call as a whole. */
  step: number;
  message: string;
}

export interface SimulationResult {
  /** Node ids entered, in order. */
  path: string[];
  /** Every action the engine produced, in order. */
  actions: Action[];
  vars: Record<string, string>;
  result: CallResult | 'unfinished';
  failure?: { code: FailureCode; message: string };
  /** Side effects the call would cause: SMS and notifications. */
  effects: Array<Extract<Action, { type: 'send-sms' | 'notify' }>>;
  transcript: TranscriptLine[];
  trace: TraceEntry[];
  coverage: Coverage;
  /** Script steps that could not be used (e.g. keys pressed when nothing waits). */
  problems: ScriptProblem[];
  state: CallState;
  /** Virtual clock at the end of the call. */
  endedAt: string;
}
