/**
 * Every example's flow tests, placed as live calls through the HTTP runtime by the Vonage
 * emulator, must take the same path as in the simulator — with retried webhooks and scrambled
 * status events — and every NCCO must conform to Vonage's schemas.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowTestFile } from '../../schema/generated/flow-test.ts';
import type { Flow } from '../../schema/kinds.ts';
import { parsePhone, toVonageNumber } from '../../schema/phone.ts';
import { simulate } from '../simulator/simulate.ts';
import { nccoProblems } from '../vonage/testing/ncco-conformance.ts';
import { baseUrl, examplesDir, type TestApp, testApp } from './testing/test-app.ts';
import { VonageEmulator } from './testing/vonage-emulator.ts';

const examples = readdirSync(examplesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;

describe.each(examples)('live calls of example %s', (name) => {
  const flow = readJson(join(examplesDir, name, 'flow.json')) as Flow;
  const tests = readJson(join(examplesDir, name, 'flow.test.json')) as FlowTestFile;
  let app: TestApp;
  let number: string;

  beforeAll(async () => {
    app = await testApp();
    // Give the example a number of its own on the seeded store.
    number = '+815011110000';
    await app.request(`/api/numbers/${encodeURIComponent(number)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ flowId: flow.id, lines: 50, label: name }),
    });
  });
  afterAll(() => app.close());

  it.each(tests.cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, testCase, index) => {
    const schedules = await app.store.schedules.all();
    const simulated = simulate(flow, testCase.script ?? [], {
      at: testCase.at,
      from: testCase.from,
      schedules,
      to: number,
    });
    app.setTime(testCase.at);
    const emulator = new VonageEmulator({
      fetch: app.fetch,
      baseUrl,
      duplicateWebhooks: index % 2 === 0,
      scrambleStatusEvents: index % 3 === 0,
      answerMethod: index % 2 === 0 ? 'GET' : 'POST',
    });
    const from =
      testCase.from === 'anonymous' ? 'anonymous' : (toVonageNumber(testCase.from) ?? testCase.from);
    const call = await emulator.placeCall({ from, to: number.slice(1), script: testCase.script ?? [] });

    for (const ncco of call.nccos) expect(nccoProblems(ncco)).toEqual([]);
    expect(call.requests.filter((r) => r.status >= 400)).toEqual([]);
    const stored = await app.store.calls.get(call.uuid);
    expect(stored?.state?.path).toEqual(simulated.path);
    expect(stored?.status).toBe('ended');

    const outbox = await app.store.outbox.list({ callId: call.uuid });
    const sms = outbox.filter((o) => o.kind === 'sms').map((o) => o.payload.to);
    expect(sms).toEqual(
      simulated.effects.flatMap((e) => (e.type === 'send-sms' ? [parsePhone(e.to)?.e164] : [])),
    );
    const notifications = outbox.filter((o) => o.kind === 'notify').map((o) => o.payload.channel);
    expect(notifications).toEqual(simulated.effects.flatMap((e) => (e.type === 'notify' ? [e.channel] : [])));
    const heard = simulated.actions.flatMap((a) => (a.type === 'say' ? [a.text] : []));
    for (const text of heard) expect(call.heard.join('\n')).toContain(text);
  });
});
