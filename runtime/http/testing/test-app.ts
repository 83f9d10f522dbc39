/**
 * A fully wired app for tests: in-memory SQLite seeded with the examples, a settable clock, a
 * capturing logger, and a `fetch` that goes through app.request() (no sockets). `request` signs
 * /api calls as the workspace owner's API token (scope admin) unless the test sends its own
 * Authorization; `anonymous` sends nothing.
 */
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiToken, createTestOwner } from '../../auth/testing/accounts.ts';
import { createSecretBox } from '../../effects/secret-box.ts';
import { openStore } from '../../store/create-store.ts';
import { seedExamples } from '../../store/seed.ts';
import type { Store } from '../../store/types.ts';
import { createApp } from '../app.ts';
import { defaultConfig, type RuntimeConfig } from '../config.ts';
import type { AppDeps } from '../deps.ts';
import { memoryLogger } from '../logger.ts';
import type { CallRunner } from '../runner/call-runner.ts';

export const examplesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples');
export const baseUrl = 'https://ivr.flowcall.test';
/** The seeded demo number of the restaurant example, as Vonage writes it. */
export const demoNumber = '815012345678';

export interface TestApp {
  store: Store;
  deps: AppDeps;
  logger: ReturnType<typeof memoryLogger>;
  runner: CallRunner;
  /** /api requests carry the owner's API token unless `init` has an Authorization header. */
  request: (path: string, init?: RequestInit) => Promise<Response>;
  /** A request with no credentials. */
  anonymous: (path: string, init?: RequestInit) => Promise<Response>;
  /** The owner's full-access API token that `request` sends. */
  ownerToken: string;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  setTime(iso: string): void;
  close(): Promise<void>;
}

export async function testApp(
  options: {
    config?: Partial<RuntimeConfig>;
    at?: string;
    wrapStore?: (store: Store) => Store;
    /** Extra dependencies (a channel sender, recording links…). */
    deps?: Partial<AppDeps>;
    /** No account at all (a first start); `request` then sends no token. */
    noOwner?: boolean;
  } = {},
): Promise<TestApp> {
  let now = new Date(options.at ?? '2026-11-24T12:00:00+09:00');
  const clock = () => now;
  // A key per test app: channel secrets are sealed as in production.
  const real = await openStore(':memory:', { clock, secretBox: createSecretBox(randomBytes(32)) });
  await seedExamples(real, examplesDir);
  let ownerToken = '';
  if (!options.noOwner) {
    const owner = await createTestOwner(real, clock());
    ownerToken = await createApiToken(real, clock(), { createdBy: owner.id, scopes: ['admin'] });
  }
  const store = options.wrapStore ? options.wrapStore(real) : real;
  const logger = memoryLogger();
  const deps: AppDeps = {
    store,
    config: { ...defaultConfig, publicBaseUrl: baseUrl, seedExamples: false, ...options.config },
    clock,
    logger,
    ...options.deps,
  };
  const { hono, runner } = createApp(deps);
  const fetch = async (url: string, init: RequestInit) => hono.request(url, init);
  return {
    store,
    deps,
    logger,
    runner,
    fetch,
    ownerToken,
    anonymous: (path, init = {}) => fetch(`${baseUrl}${path}`, init),
    request(path, init = {}) {
      const headers = new Headers(init.headers);
      if (path.startsWith('/api/') && ownerToken && !headers.has('authorization'))
        headers.set('authorization', `Bearer ${ownerToken}`);
      return fetch(`${baseUrl}${path}`, { ...init, headers });
    },
    setTime(iso) {
      now = new Date(iso);
    },
    close: () => real.close(),
  };
}

export function jsonPost(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

/** The first eventUrl of an NCCO action (tests fail loudly when there is none). */
export function eventUrlOf(action: Record<string, unknown> | undefined): string {
  const urls = action?.eventUrl;
  if (!Array.isArray(urls) || typeof urls[0] !== 'string')
    throw new Error(`no eventUrl on ${JSON.stringify(action)}`);
  return urls[0];
}
