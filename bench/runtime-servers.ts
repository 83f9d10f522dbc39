/**
 * The two servers `npm run bench:runtime` compares, both in this process on 127.0.0.1 with a free
 * port: the real runtime (createApp over a seeded SQLite file in WAL mode, fixed clock) and a
 * bare Hono app that answers the same routes with fixed NCCOs and does nothing else.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../runtime/http/app.ts';
import { defaultConfig } from '../runtime/http/config.ts';
import type { AppDeps, Ncco } from '../runtime/http/deps.ts';
import type { Logger } from '../runtime/http/logger.ts';
import { openStore } from '../runtime/store/create-store.ts';
import { seedExamples } from '../runtime/store/seed.ts';
import type { Store } from '../runtime/store/types.ts';
import { demoNumber } from './runtime-calls.ts';

export interface Listening {
  origin: string;
  close(): Promise<void>;
}

/** Serves `fetch` on a free loopback port. */
async function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<Listening> {
  const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        // The load client keeps 200 sockets alive; close() alone would wait for their timeout.
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Counts server log lines by level and keeps the first few warnings and errors to show. */
export function countingLogger(): Logger & { counts: Record<string, number>; samples: string[] } {
  const counts: Record<string, number> = { info: 0, warn: 0, error: 0 };
  const samples: string[] = [];
  const log =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      counts[level] = (counts[level] ?? 0) + 1;
      if (level !== 'info' && samples.length < 5)
        samples.push(`${level}: ${message} ${JSON.stringify(fields)}`);
    };
  return { counts, samples, info: log('info'), warn: log('warn'), error: log('error') };
}

export interface RuntimeServer extends Listening {
  store: Store;
  logger: ReturnType<typeof countingLogger>;
  /** How the line count was set (the API caps lines at 100; see setLines). */
  linesNote: string;
}

/**
 * A time when the restaurant is open (Tuesday lunch, Tokyo), so the menu offers the transfer.
 * Fixed, so the measured path does not depend on when the bench runs.
 */
export const openAt = '2026-11-24T12:00:00+09:00';
const lines = 1000;

export async function startRuntime(examplesDir: string): Promise<RuntimeServer> {
  const dir = mkdtempSync(join(tmpdir(), 'flowcall-bench-'));
  try {
    return await startRuntimeIn(dir, examplesDir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function startRuntimeIn(dir: string, examplesDir: string): Promise<RuntimeServer> {
  // A file, not :memory:, so the bench pays for WAL writes like production does.
  const store = await openStore(join(dir, 'flowcall.db'), { clock: () => new Date(openAt) });
  await seedExamples(store, examplesDir);
  const logger = countingLogger();
  // The eventUrls in the NCCOs must point at this server, whose port is known only once it
  // listens: listen first, build the app after.
  let app: ((request: Request) => Response | Promise<Response>) | undefined;
  const listening = await listen((request) => (app ? app(request) : new Response(null, { status: 503 })));
  const fixed = new Date(openAt);
  const deps: AppDeps = {
    store,
    config: { ...defaultConfig, publicBaseUrl: listening.origin, seedExamples: false },
    clock: () => fixed,
    logger,
  };
  const { hono } = createApp(deps);
  app = hono.fetch;
  const linesNote = await setLines(store);
  return {
    ...listening,
    store,
    logger,
    linesNote,
    async close() {
      await listening.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * 200 calls in flight each hold a line until their final event, so the demo number needs more
 * than 200 lines. The admin API is the normal way to say so, but it accepts 1–100 lines
 * (runtime/http/api-resources.ts); when it refuses, the bench writes the number through the store
 * and drops the runtime's number cache, exactly what the API would have done.
 */
/**
 * 200 calls in flight on the demo number need more lines than the API allows one number (100),
 * so the bench sets them through the store; the runtime sees the change like an API edit.
 */
async function setLines(store: Store): Promise<string> {
  const body = { flowId: 'restaurant', lines, label: 'デモ番号 (050)', smsSenderId: 'FLOWCALL' };
  await store.numbers.put({ number: `+${demoNumber}`, ...body, fallbackNumber: null });
  return `lines ${lines} on the demo number, set through the store (the API allows at most 100)`;
}

/**
 * The baseline: the same routes, answering the NCCOs a real call got (so the JSON is the same
 * size) or 204, with no body parsing, no database and no engine.
 */
export async function startBare(answer: Ncco, input: Ncco, runtimeOrigin: string): Promise<Listening> {
  let answerNcco: Ncco = [];
  let inputNcco: Ncco = [];
  const hono = new Hono();
  hono.get('/vonage/answer', (c) => c.json(answerNcco));
  hono.post('/vonage/input', (c) => c.json(inputNcco));
  hono.post('/vonage/connect', (c) => c.body(null, 204));
  hono.post('/vonage/event', (c) => c.body(null, 204));
  const listening = await listen(hono.fetch);
  // The client follows eventUrls, so they must lead here, not to the runtime.
  const retarget = (ncco: Ncco) =>
    JSON.parse(JSON.stringify(ncco).replaceAll(runtimeOrigin, listening.origin)) as Ncco;
  answerNcco = retarget(answer);
  inputNcco = retarget(input);
  return listening;
}
