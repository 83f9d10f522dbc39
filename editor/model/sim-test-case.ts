/**
 * Turns a simulator session into a flow-test case (schema/flow-test.schema.json), so a call the
 * receptionist just tried by hand becomes a check `flowcall test` repeats after every change.
 * The expectations come from replaying the script with `simulate` — exactly what the test
 * runner will do — so a case saved from an unfinished call (the runner hangs up at the end of
 * the script) still passes as saved.
 */

import { simulate } from '../../runtime/simulator/simulate.ts';
import type { ScriptStep } from '../../runtime/simulator/types.ts';
import type { Case, FlowTestFile } from '../../schema/generated/flow-test.ts';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import type { Flow } from '../../schema/kinds.ts';

export const flowTestSchemaId = 'https://flowcall.dev/schema/flow-test.schema.json';

export interface SessionForTest {
  name: string;
  /** ISO 8601 with offset. */
  at: string;
  /** Caller number as typed, or 'anonymous'. */
  from: string;
  /** The steps the call accepted, in order. */
  script: readonly ScriptStep[];
}

export function buildTestCase(
  flow: Flow,
  session: SessionForTest,
  schedules: Readonly<Record<string, ScheduleDocument>> = {},
): Case {
  const run = simulate(flow, session.script, { at: session.at, from: session.from, schedules });
  const expect: Case['expect'] = { path: run.path };
  if (run.result !== 'unfinished') expect.result = run.result;
  // "Exactly these" lists: an empty list also checks that nothing was sent.
  expect.sms = run.effects.flatMap((e) => (e.type === 'send-sms' ? [{ to: e.to, includes: e.text }] : []));
  expect.notifications = run.effects.flatMap((e) =>
    e.type === 'notify' ? [{ channel: e.channel, includes: e.message }] : [],
  );
  expect.transfers = run.actions.flatMap((a) => (a.type === 'transfer' ? [{ to: a.to }] : []));
  if (run.failure) expect.failure = run.failure.code;
  return {
    name: session.name,
    at: session.at,
    from: session.from,
    script: session.script.map((step) => ({ ...step })),
    expect,
  };
}

/** A complete flow-test document next to the flow file (`flow.json`), with one case. */
export function testDocument(testCase: Case): FlowTestFile {
  return { $schema: flowTestSchemaId, flow: 'flow.json', cases: [testCase] };
}

/** The document as the file is written: two-space JSON and a final newline, like the examples. */
export function testDocumentText(testCase: Case): string {
  return `${JSON.stringify(testDocument(testCase), null, 2)}\n`;
}
