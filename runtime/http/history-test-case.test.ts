/**
 * From log to test, on every example: each flow-test case is placed as a live call by the
 * Vonage emulator (retried webhooks and scrambled status events included), then turned back
 * into a test case from the call log alone. The new case must replay in the simulator to the
 * path and result the live call took, and carry the same caller inputs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowTestFile } from '../../schema/generated/flow-test.ts';
import { toVonageNumber } from '../../schema/phone.ts';
import { checkStructure } from '../../schema/structure.ts';
import { runFlowTests } from '../simulator/flow-tests.ts';
import { baseUrl, examplesDir, type TestApp, testApp } from './testing/test-app.ts';
import { VonageEmulator } from './testing/vonage-emulator.ts';

const examples = readdirSync(examplesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
const number = '+815011110000';

describe.each(examples)('test cases from logged calls of example %s', (name) => {
  const flow = readJson(join(examplesDir, name, 'flow.json')) as { id: string };
  const tests = readJson(join(examplesDir, name, 'flow.test.json')) as FlowTestFile;
  let app: TestApp;

  beforeAll(async () => {
    app = await testApp();
    await app.store.numbers.put({
      number,
      label: name,
      flowId: flow.id,
      lines: 50,
      smsSenderId: null,
      fallbackNumber: null,
    });
  });
  afterAll(() => app.close());

  it.each(tests.cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, testCase, index) => {
    app.setTime(testCase.at);
    const emulator = new VonageEmulator({
      fetch: app.fetch,
      baseUrl,
      duplicateWebhooks: index % 2 === 0,
      scrambleStatusEvents: index % 3 === 0,
    });
    const from =
      testCase.from === 'anonymous' ? 'anonymous' : (toVonageNumber(testCase.from) ?? testCase.from);
    const call = await emulator.placeCall({ from, to: number.slice(1), script: testCase.script ?? [] });
    const logged = await app.store.calls.get(call.uuid);

    const response = await app.request(`/api/history/calls/${call.uuid}/test-case`, { method: 'POST' });
    expect(response.status).toBe(200);
    const made = (await response.json()) as { document: FlowTestFile; replays: unknown };
    expect(checkStructure('flow-test', made.document)).toEqual([]);
    expect(made.replays).toEqual({ passed: true, reasons: [] });
    const [derived] = made.document.cases;
    expect(derived?.expect.path).toEqual(logged?.state?.path);
    if (logged?.state?.result) expect(derived?.expect.result).toBe(logged.state.result);
    // The same caller inputs, except steps the script had left over once the call ended. A
    // recording's words come with the transcript (no transcript sender here); its length is
    // what Vonage reported (the emulator records 10 s when the script does not say).
    const used = (testCase.script ?? []).slice(0, (testCase.script ?? []).length - call.unusedSteps.length);
    expect(derived?.script).toEqual(
      used.map((step) => ('record' in step ? { record: '', seconds: step.seconds ?? 10 } : step)),
    );
    // And `flowcall test` agrees.
    const report = runFlowTests(made.document, readJson(join(examplesDir, name, 'flow.json')), {
      schedules: await app.store.schedules.all(),
    });
    expect(report.cases.map((c) => c.reasons)).toEqual([[]]);
  });
});
