/**
 * "From log to test" over HTTP: the stored webhooks read back as the engine events they were
 * (the Vonage driver's parsers), the case built by runtime/history/test-case.ts, and a check
 * that the simulator replays it to the same path with today's schedules.
 */
import type { FlowTestFile } from '../../schema/generated/flow-test.ts';
import type { Flow } from '../../schema/kinds.ts';
import { type ReadWebhook, testCaseOf } from '../history/test-case.ts';
import { runCase } from '../simulator/flow-tests.ts';
import type { CallEventRecord, CallRecord, Store } from '../store/types.ts';
import { connectOutcome, parseCallEvent, parseInput } from '../vonage/payloads.ts';

const flowTestSchemaId = 'https://flowcall.dev/schema/flow-test.schema.json';

/** The engine event of a webhook the caller (or the transfer's far end) caused. */
export const readWebhook: ReadWebhook = (name, payload) => {
  const params = (payload ?? {}) as Record<string, unknown>;
  if (name === 'input') {
    const event = parseInput(params);
    return event.ok ? event.value : undefined;
  }
  // The checkpoint after a record step: the recording finished (details come from the trace).
  if (name === 'continue') return { type: 'recorded', recordingUrl: '' };
  if (name === 'connect') {
    const event = parseCallEvent(params);
    const outcome = event.ok ? connectOutcome(event.value.status) : null;
    if (outcome === null) return undefined;
    return outcome === 'bridge-ended' ? { type: 'bridge-ended' } : { type: 'transfer-ended', outcome };
  }
  // The caller's own leg ended while the flow waited for them.
  if (name.startsWith('event:')) return { type: 'hangup' };
  return undefined;
};

export interface CallTestCase {
  flowId: string;
  flowVersion: number;
  /** A flow-test document with the one case, ready to save next to the flow as flow.test.json. */
  document: FlowTestFile;
  /** Whether the simulator, with today's schedules, takes the call's path again. */
  replays: { passed: boolean; reasons: string[] };
}

/** Undefined when the call never ran a flow (turned away) or its flow version is gone. */
export async function callTestCase(
  store: Store,
  call: CallRecord,
  events: readonly CallEventRecord[],
): Promise<CallTestCase | undefined> {
  if (!call.flowId || call.flowVersion === null) return undefined;
  const version = await store.flows.version(call.flowId, call.flowVersion);
  const testCase = testCaseOf(call, events, readWebhook);
  if (!version || !testCase) return undefined;
  const result = runCase(testCase, version.document as Flow, { schedules: await store.schedules.all() });
  return {
    flowId: call.flowId,
    flowVersion: call.flowVersion,
    document: { $schema: flowTestSchemaId, flow: 'flow.json', cases: [testCase] },
    replays: { passed: result.passed, reasons: result.reasons },
  };
}
