/**
 * The load client, run in a worker thread (see runtime-load.ts) so that building requests and
 * parsing answers does not queue behind the server on the same event loop. It keeps
 * `concurrency` calls in flight and measures a steady-state window in the middle of one
 * continuous run: warm-up calls first, then the measured calls, then cool-down calls. A separate
 * warm-up phase would end with every caller idle, and the measured phase would then open with
 * 200 answers arriving in the same instant, a start-up wave that lands right in the p99.
 */
import { parentPort } from 'node:worker_threads';
import { CallError, clientKind, type Pause, placeCall, requestsPerCall } from './runtime-calls.ts';

export interface Phase {
  origin: string;
  /** Call ids are `${prefix}-${i}`: unique across phases, so no answer is a replay. */
  prefix: string;
  warmup: number;
  /** Calls whose webhooks are measured: those numbered warmup … warmup + calls - 1. */
  calls: number;
  /** Calls placed after the measured ones, so those finish under full load too. */
  cooldown: number;
  concurrency: number;
  checkCallId: boolean;
  /** Global fetch instead of node:http (see runtime-calls.ts). */
  fetchClient: boolean;
  /** Pause before each webhook after the answer, uniform in [min, max] ms; absent = none. */
  pauseMs?: { min: number; max: number };
}

export interface PhaseResult {
  /** The window: from the start of the first measured call to the start of the first cool-down call. */
  ms: number;
  /** Requests completed (by any call) inside the window. */
  requests: number;
  /** Latency (ms) and route index of every request of the measured calls. */
  latencies: Float64Array;
  routes: Uint8Array;
  /** Calls that failed a request or a check, warm-up and cool-down included. */
  errors: number;
  errorSamples: string[];
}

async function run(phase: Phase): Promise<PhaseResult> {
  clientKind(phase.fetchClient);
  const latencies = new Float64Array(phase.calls * requestsPerCall);
  const routes = new Uint8Array(phase.calls * requestsPerCall);
  let recorded = 0;
  let completed = 0;
  const count = () => {
    completed += 1;
  };
  const record = (route: number, ms: number) => {
    latencies[recorded] = ms;
    routes[recorded] = route;
    recorded += 1;
    completed += 1;
  };
  const window = { startMs: 0, endMs: 0, startCount: 0, endCount: 0 };
  let errors = 0;
  const errorSamples: string[] = [];
  const total = phase.warmup + phase.calls + phase.cooldown;
  const firstCooldown = phase.warmup + phase.calls;
  const { pauseMs } = phase;
  const pause: Pause | undefined = pauseMs
    ? () =>
        new Promise((resolve) =>
          setTimeout(resolve, pauseMs.min + Math.random() * (pauseMs.max - pauseMs.min)),
        )
    : undefined;
  let next = 0;
  // `concurrency` callers, each placing calls back to back: always that many calls in flight.
  const caller = async () => {
    while (next < total) {
      const i = next;
      next += 1;
      if (i === phase.warmup) Object.assign(window, { startMs: performance.now(), startCount: completed });
      if (i === firstCooldown) Object.assign(window, { endMs: performance.now(), endCount: completed });
      const measured = i >= phase.warmup && i < firstCooldown;
      try {
        await placeCall(
          phase.origin,
          `${phase.prefix}-${i}`,
          measured ? record : count,
          phase.checkCallId,
          pause,
        );
      } catch (error) {
        errors += 1;
        const message = error instanceof CallError ? error.message : String(error);
        if (errorSamples.length < 5) errorSamples.push(`${phase.prefix}-${i}: ${message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: phase.concurrency }, caller));
  // Without cool-down calls the window closes when the last call ends (a slower, draining tail).
  if (window.endMs === 0) Object.assign(window, { endMs: performance.now(), endCount: completed });
  return {
    ms: window.endMs - window.startMs,
    requests: window.endCount - window.startCount,
    latencies: latencies.slice(0, recorded),
    routes: routes.slice(0, recorded),
    errors,
    errorSamples,
  };
}

parentPort?.on('message', (phase: Phase) => {
  run(phase).then(
    (result) => parentPort?.postMessage(result),
    (error: unknown) => parentPort?.postMessage({ failed: String(error) }),
  );
});
