/**
 * Main-thread side of the load client: starts runtime-client.ts in a worker thread (through
 * tsx's API, since a worker does not inherit tsx's loader on Node 20) and turns its latencies
 * into the numbers the bench reports.
 */
import { Worker } from 'node:worker_threads';
import { routeNames } from './runtime-calls.ts';
import type { Phase, PhaseResult } from './runtime-client.ts';

export interface LoadClient {
  run(phase: Phase): Promise<PhaseResult>;
  close(): Promise<void>;
}

export function startClient(): LoadClient {
  const entry = new URL('./runtime-client.ts', import.meta.url).href;
  const code = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  const worker = new Worker(code, { eval: true });
  let failure: unknown;
  worker.on('error', (error) => {
    failure = error;
  });
  return {
    run(phase) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        const onError = (error: unknown) => reject(error);
        worker.once('error', onError);
        worker.once('message', (message: PhaseResult | { failed: string }) => {
          worker.off('error', onError);
          if ('failed' in message) reject(new Error(`load client: ${message.failed}`));
          else resolve(message);
        });
        worker.postMessage(phase);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

export interface Summary {
  requestsPerSecond: number;
  callsPerSecond: number;
  p50: number;
  p99: number;
  /** p50 / p99 per webhook route. */
  perRoute: Array<{ route: string; count: number; p50: number; p99: number }>;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export function summarise(result: PhaseResult, calls: number): Summary {
  const all = Float64Array.from(result.latencies).sort();
  const perRoute = routeNames.map((route, index) => {
    const mine = Float64Array.from(result.latencies.filter((_, i) => result.routes[i] === index)).sort();
    return { route, count: mine.length, p50: percentile(mine, 50), p99: percentile(mine, 99) };
  });
  return {
    requestsPerSecond: result.requests / (result.ms / 1000),
    callsPerSecond: calls / (result.ms / 1000),
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    perRoute,
  };
}
