/**
 * `npm run bench`: the issue-2 budgets, measured in one process next to a baseline so the ratio
 * means something on any machine.
 *  - validate a 1,000-node flow: under 20 ms (baseline: JSON round-trip of the same document);
 *  - simulate at least 20,000 engine turns per second on one core (baseline: structuredClone of
 *    the call state per turn, the least work a stateful driver does).
 */
import { startCall, step } from '../runtime/engine/engine.ts';
import type { CallEvent, CallEventInput, Turn } from '../runtime/engine/types.ts';
import { simulate } from '../runtime/simulator/simulate.ts';
import type { ScriptStep } from '../runtime/simulator/types.ts';
import { validateFlow } from '../schema/validate.ts';
import { largeFlow, officeSchedule } from './large-flow.ts';
import { medianMs, report } from './measure.ts';

const flow = largeFlow(1000);
const context = { schedules: { office: officeSchedule }, channels: ['staff'] };
const issues = validateFlow(flow, context).filter((i) => i.severity === 'error');
if (issues.length > 0) {
  console.error('the benchmark flow is not valid:', issues.slice(0, 5));
  process.exit(2);
}
const validateMs = medianMs(() => validateFlow(flow, context));
const roundTripMs = medianMs(() => JSON.parse(JSON.stringify(flow)));

// One call = 6 turns: answer, invalid key, transfer busy, transfer no-answer, recording, ...
const env = { schedules: { office: officeSchedule } };
const at = '2026-11-24T10:00:00+09:00';
function oneCall(): number {
  let turn: Turn = startCall(flow, { callId: 'bench', from: '819012345678', to: '815012345678', at }, env);
  let turns = 1;
  const events: CallEventInput[] = [
    { type: 'digits', digits: '7' },
    { type: 'digits', digits: '2' },
    { type: 'transfer-ended', outcome: 'busy' },
    { type: 'transfer-ended', outcome: 'no-answer' },
    { type: 'recorded', recordingUrl: 'https://rec/1', seconds: 10, transcript: '山田です' },
  ];
  for (const event of events) {
    turn = step(flow, turn.state, { ...event, at, seq: turn.state.seq } as CallEvent, env);
    turns += 1;
  }
  if (turn.state.status !== 'ended')
    throw new Error(`benchmark call did not end: ${JSON.stringify(turn.state.waiting)}`);
  return turns;
}
function turnsPerSecond(run: () => number, ms = 1000): number {
  for (let i = 0; i < 200; i += 1) run();
  let turns = 0;
  const start = performance.now();
  while (performance.now() - start < ms) turns += run();
  return turns / ((performance.now() - start) / 1000);
}
const engineRate = turnsPerSecond(oneCall);
// The same call through simulate(): virtual clock, transcript and coverage included.
const script: ScriptStep[] = [
  { press: '7' },
  { press: '2' },
  { transfer: 'busy' },
  { transfer: 'no-answer' },
  { record: '山田です', seconds: 10 },
];
function oneSimulation(): number {
  const result = simulate(flow, script, {
    at,
    from: '819012345678',
    to: '815012345678',
    schedules: env.schedules,
  });
  if (result.result !== 'completed') throw new Error(`benchmark simulation ended ${result.result}`);
  return script.length + 1;
}
const simulateRate = turnsPerSecond(oneSimulation);
const state = startCall(flow, { callId: 'bench', from: '819012345678', to: '815012345678', at }, env).state;
const baselineRate = turnsPerSecond(() => {
  structuredClone(state);
  return 1;
});

console.log(`flowcall bench — node ${process.version}, ${flow.nodes.length} nodes`);
const ok = report([
  {
    name: 'validate 1,000-node flow',
    value: validateMs,
    unit: 'ms',
    budget: '< 20 ms',
    ok: validateMs < 20,
    ratio: `${(validateMs / roundTripMs).toFixed(1)}× a JSON round-trip of it (${roundTripMs.toFixed(2)} ms)`,
  },
  {
    name: 'simulated turns per second',
    value: simulateRate,
    unit: 'turns/s',
    budget: '>= 20,000',
    ok: simulateRate >= 20_000,
    ratio: `${(simulateRate / engineRate).toFixed(2)}× the bare engine`,
  },
  {
    name: 'engine turns per second',
    value: engineRate,
    unit: 'turns/s',
    budget: '>= 20,000',
    ok: engineRate >= 20_000,
    ratio: `${(engineRate / baselineRate).toFixed(2)}× structuredClone of the call state (${Math.round(baselineRate)}/s)`,
  },
]);
process.exit(ok ? 0 : 1);
