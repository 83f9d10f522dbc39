/* Generated from schema/flow-test.schema.json by scripts/gen-types.ts. Do not edit: run npm run gen:types. */

/**
 * One thing the simulated caller does when the call waits for them.
 *
 * This interface was referenced by `FlowTestFile`'s JSON-Schema
 * via the `definition` "step".
 */
export type Step =
  | {
      /**
       * Keys pressed, e.g. "1" or "0312345678#".
       */
      press: string;
    }
  | {
      /**
       * Words the caller says (speech recognition result).
       */
      say: string;
    }
  | {
      /**
       * The caller does nothing until the wait times out.
       */
      silence: true;
    }
  | {
      /**
       * What the caller says into the voicemail (its transcript).
       */
      record: string;
      /**
       * Length of the recording.
       */
      seconds?: number;
    }
  | {
      /**
       * What happens at the staff phone.
       */
      transfer: 'answered' | 'busy' | 'no-answer' | 'failed';
    }
  | {
      /**
       * The caller hangs up.
       */
      hangup: true;
    };

/**
 * Scripted calls against one flow, with what each call must do. Run with `flowcall test`.
 */
export interface FlowTestFile {
  /**
   * Path or URL of this JSON Schema, for editors.
   */
  $schema?: string;
  /**
   * Path of the flow file, relative to this file.
   */
  flow: string;
  /**
   * Paths of schedule files relative to this file. Default: every schedules/*.json next to the flow.
   */
  schedules?: string[];
  /**
   * The scripted calls.
   *
   * @minItems 1
   */
  cases: Case[];
}
/**
 * One simulated call.
 *
 * This interface was referenced by `FlowTestFile`'s JSON-Schema
 * via the `definition` "case".
 */
export interface Case {
  /**
   * What this case checks.
   */
  name: string;
  /**
   * When the call starts, ISO 8601 with offset, e.g. 2026-11-24T12:00:00+09:00.
   */
  at: string;
  /**
   * The caller's number, or "anonymous" for a hidden number.
   */
  from: string;
  /**
   * The number that was dialled.
   */
  to?: string;
  /**
   * Name from the contact book, if known.
   */
  callerName?: string;
  /**
   * The caller's actions, in order.
   */
  script?: Step[];
  expect: Expect;
}
/**
 * What the call must do. Every field given is checked.
 *
 * This interface was referenced by `FlowTestFile`'s JSON-Schema
 * via the `definition` "expect".
 */
export interface Expect {
  /**
   * How the call ends.
   */
  result?: 'completed' | 'transferred' | 'caller-hangup' | 'failed';
  /**
   * The exact node ids visited, in order.
   */
  path?: string[];
  /**
   * Node ids that must be visited in this order (others may come between).
   */
  visits?: string[];
  /**
   * Node ids that must not be visited.
   */
  notVisits?: string[];
  /**
   * Pieces of text the caller must hear, in this order.
   */
  says?: string[];
  /**
   * The SMS that must be sent (exactly these, in order).
   */
  sms?: {
    to?: string;
    includes?: string;
  }[];
  /**
   * The staff notifications that must be sent (exactly these, in order).
   */
  notifications?: {
    channel?: string;
    includes?: string;
  }[];
  /**
   * The transfer attempts (exactly these, in order), each the numbers rung.
   */
  transfers?: {
    to: string[];
  }[];
  /**
   * Variables that must have these values at the end.
   */
  vars?: {
    [k: string]: string;
  };
  /**
   * For a failed call: the failure code.
   */
  failure?: string;
}
