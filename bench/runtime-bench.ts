/**
 * `npm run bench:runtime`: the issue-3 budget for live calls, measured in one run next to a
 * baseline (a bare Hono app answering the same routes with fixed NCCOs, driven by the same
 * client the same way) so the numbers mean something on any machine. Complete restaurant calls
 * (answer → menu "2" → transfer: leg started, ringing, answered, completed → caller completed;
 * 7 webhooks) over loopback HTTP against the real runtime on a SQLite file, in two runs:
 *  - live: 200 concurrent calls, each caller pausing 200–600 ms before every webhook after the
 *    answer, as a call does while a prompt plays or a phone rings (really seconds: the pauses
 *    are short so the load is heavy) — p99 webhook latency under 50 ms;
 *  - saturation: 200 calls in flight with no pauses at all, each webhook sent the moment the
 *    last was answered — throughput at least 30% of the bare route. (Here latency is just
 *    in-flight ÷ throughput, Little's law, so it is reported, not budgeted.)
 * Exit 1 when a budget fails, 2 when any request or call went wrong.
 *
 * Options: --calls N (4000, saturation), --live-calls N (1400), --concurrency N (200),
 * --warmup N (400, saturation), --fetch (client on global fetch instead of node:http).
 */
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nccoProblems } from '../runtime/vonage/testing/ncco-conformance.ts';
import { demoNumber, placeCall, requestsPerCall } from './runtime-calls.ts';
import type { Phase, PhaseResult } from './runtime-client.ts';
import { type Summary, startClient, summarise } from './runtime-load.ts';
import { type Listening, type RuntimeServer, startBare, startRuntime } from './runtime-servers.ts';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}
const calls = option('calls', 4000);
const liveCalls = option('live-calls', 1400);
const pauseMs = { min: 200, max: 600 };
const concurrency = option('concurrency', 200);
const warmup = option('warmup', 400);
const fetchClient = process.argv.includes('--fetch');
const p99Budget = 50;
const ratioBudget = 0.3;

const examplesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Every call the client placed must have ended like the probe call, and freed its line. */
async function checkCalls(runtime: RuntimeServer, prefix: string, count: number, expected: string) {
  const problems: string[] = [];
  for (let i = 0; i < count && problems.length < 5; i += 1) {
    const call = await runtime.store.calls.get(`${prefix}-${i}`);
    const outcome = call ? `${call.status}/${call.result ?? '-'}` : 'missing';
    if (outcome !== expected) problems.push(`${prefix}-${i}: ${outcome}`);
  }
  const live = await runtime.store.calls.liveCount(`+${demoNumber}`);
  if (live > 0) problems.push(`${live} calls still hold a line`);
  return problems;
}

let runtime: RuntimeServer | undefined;
let bare: Listening | undefined;
const client = startClient();
let exitCode = 0;
try {
  runtime = await startRuntime(examplesDir);
  // One call from this thread first: it proves the path, and its NCCOs become the baseline's.
  const probe = await placeCall(runtime.origin, 'probe', () => {});
  const probeCall = await runtime.store.calls.get('probe');
  const expected = `${probeCall?.status}/${probeCall?.result}`;
  if (probeCall?.status !== 'ended') throw new Error(`the probe call did not end: ${expected}`);
  // The load client checks each answer's shape cheaply; the full NCCO schemas are checked once
  // here, on NCCOs every measured call gets too (the same path; only call ids differ).
  const nonConforming = [...nccoProblems(probe.answer), ...nccoProblems(probe.input)];
  if (nonConforming.length > 0) throw new Error(`the runtime's NCCOs do not conform: ${nonConforming}`);
  bare = await startBare(probe.answer, probe.input, runtime.origin);

  // Warm-up and cool-down calls run at full concurrency around the measured ones (runtime-client.ts).
  const saturated = (server: Listening, prefix: string, checkCallId: boolean): Phase => ({
    origin: server.origin,
    prefix,
    warmup,
    calls,
    cooldown: concurrency,
    concurrency,
    checkCallId,
    fetchClient,
  });
  const paced = (server: Listening, prefix: string, checkCallId: boolean): Phase => ({
    ...saturated(server, prefix, checkCallId),
    warmup: concurrency,
    calls: liveCalls,
    pauseMs,
  });
  const results: Record<string, PhaseResult> = {};
  results.live = await client.run(paced(runtime, 'live', true));
  results.liveBare = await client.run(paced(bare, 'live-bare', false));
  results.runtime = await client.run(saturated(runtime, 'call', true));
  results.bare = await client.run(saturated(bare, 'bare', false));

  const errorSamples = Object.values(results).flatMap((r) => r.errorSamples);
  const requestErrors = Object.values(results).reduce((sum, r) => sum + r.errors, 0);
  const callProblems = [
    ...(await checkCalls(runtime, 'live', 2 * concurrency + liveCalls, expected)),
    ...(await checkCalls(runtime, 'call', warmup + calls + concurrency, expected)),
  ];
  const serverLogs = runtime.logger.counts;

  const live = summarise(results.live, liveCalls);
  const liveBase = summarise(results.liveBare, liveCalls);
  const run = summarise(results.runtime, calls);
  const base = summarise(results.bare, calls);
  const ratio = run.requestsPerSecond / base.requestsPerSecond;
  console.log(
    `flowcall runtime bench — node ${process.version}, ${cpus().length} CPUs; ${concurrency} concurrent ` +
      `restaurant calls × ${requestsPerCall} webhooks; client on ` +
      `${fetchClient ? 'global fetch' : 'node:http keep-alive'} in a worker thread, servers on the main thread`,
  );
  console.log(`      ${runtime.linesNote}; every call ended ${expected}`);
  const perRoute = (summary: Summary) =>
    summary.perRoute.map((r) => `${r.route} ${r.p50.toFixed(1)}/${r.p99.toFixed(1)} ms`).join(', ');
  const lines: Array<[boolean | undefined, string]> = [
    [
      undefined,
      `live: ${int(liveCalls)} calls measured between ${int(concurrency)} warm-up and ${int(concurrency)} ` +
        `cool-down calls, each caller pausing ${pauseMs.min}–${pauseMs.max} ms before every webhook after the answer ` +
        `(${int(live.requestsPerSecond)} req/s)`,
    ],
    [
      live.p99 < p99Budget,
      `p99 latency at ${concurrency} concurrent calls: ${ms(live.p99)}  budget < ${p99Budget} ms ` +
        `(bare: ${ms(liveBase.p99)})`,
    ],
    [undefined, `p50 latency: ${ms(live.p50)}  (bare: ${ms(liveBase.p50)})`],
    [undefined, `per webhook p50/p99: ${perRoute(live)}`],
    [
      undefined,
      `saturation: ${int(calls)} calls measured between ${int(warmup)} warm-up and ${int(concurrency)} ` +
        `cool-down calls, ${concurrency} in flight, each webhook sent as soon as the last is answered`,
    ],
    [
      ratio >= ratioBudget,
      `throughput: ${int(run.requestsPerSecond)} req/s  budget >= ${ratioBudget * 100}% of the bare route ` +
        `(${(ratio * 100).toFixed(1)}%; bare: ${int(base.requestsPerSecond)} req/s)`,
    ],
    [
      undefined,
      `complete calls: ${int(run.callsPerSecond)} calls/s  (bare: ${int(base.callsPerSecond)} calls/s)`,
    ],
    [
      undefined,
      `latency at saturation p50/p99: ${ms(run.p50)}/${ms(run.p99)}  (bare: ${ms(base.p50)}/${ms(base.p99)}); ` +
        `per webhook: ${perRoute(run)}`,
    ],
  ];
  for (const [ok, text] of lines) console.log(`${ok === undefined ? 'INFO' : ok ? 'PASS' : 'FAIL'}  ${text}`);
  const budgetsHold = lines.every(([ok]) => ok !== false);

  const failures = requestErrors + callProblems.length + serverLogs.error!;
  if (failures > 0) {
    console.log(
      `ERROR ${requestErrors} calls failed a request, ${callProblems.length} call records are wrong, ` +
        `${serverLogs.error} server errors logged (${serverLogs.warn} warnings)`,
    );
    for (const sample of [...errorSamples, ...callProblems, ...runtime.logger.samples])
      console.log(`      ${sample}`);
    exitCode = 2;
  } else {
    exitCode = budgetsHold ? 0 : 1;
  }
} catch (error) {
  console.error('the runtime bench could not run:', error);
  exitCode = 2;
} finally {
  await client.close();
  await bare?.close();
  await runtime?.close();
}
process.exit(exitCode);
