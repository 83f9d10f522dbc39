/**
 * The fuzz tests' app: createApp over in-memory SQLite seeded with the examples (testApp), and
 * the ONE place requests get their credentials. Every request is counted and its answer checked
 * against the properties every route keeps: no 5xx, and a Vonage NCCO route answers an NCCO
 * that passes the conformance check, whatever it was sent.
 */
import { expect } from 'vitest';
import { nccoProblems } from '../../vonage/testing/ncco-conformance.ts';
import { loginAs, type SessionClient } from '../testing/auth-session.ts';
import { baseUrl, type TestApp, testApp } from '../testing/test-app.ts';

/**
 * valid: the workspace owner's API token with the admin scope (testApp makes it); session: the
 * owner logged in (cookie, and the CSRF token on writes, as the editor sends them); bad-csrf:
 * that cookie with a wrong CSRF token; none: no credentials; wrong: a Bearer token of nobody.
 */
export type Credentials = 'valid' | 'session' | 'bad-csrf' | 'none' | 'wrong';

const ownerEmail = 'owner@flowcall.test';

export interface FuzzApp extends TestApp {
  /** Sends one request as `credentials` (default: the owner's token; /api only) and counts it. */
  send(path: string, init?: RequestInit, credentials?: Credentials): Promise<Response>;
  readonly sent: number;
  /** The server's last error log line (what a 5xx was about), for a failure's message. */
  lastError(): string;
  /** Starts a named run: its seed (logged) and a tally of answers. */
  startRun(name: string): FuzzRun;
}

export interface FuzzRun {
  seed: number;
  tally: Tally;
  /** Prints the run's request count, time and tally; returns the count. */
  done(): number;
}

export async function fuzzApp(options: Parameters<typeof testApp>[0] = {}): Promise<FuzzApp> {
  const app = await testApp(options);
  let sent = 0;
  let session: SessionClient | undefined;
  const login = async () => {
    try {
      return await loginAs(app, ownerEmail);
    } catch {
      // Fuzzed logins with wrong passwords came from this same address and hit the login limit
      // (429 even for the right password): wait the limiter's 15 minutes out on the app's clock.
      app.setTime(new Date(app.deps.clock().getTime() + 16 * 60_000).toISOString());
      return loginAs(app, ownerEmail);
    }
  };
  return {
    ...app,
    get sent() {
      return sent;
    },
    startRun(name) {
      const seed = fuzzSeed(name);
      const started = performance.now();
      const before = sent;
      const tally = new Tally();
      return {
        seed,
        tally,
        done() {
          const count = sent - before;
          const ms = Math.round(performance.now() - started);
          console.info(`[fuzz] ${name}: ${count} requests in ${ms} ms; answers ${tally}`);
          return count;
        },
      };
    },
    lastError() {
      const entry = app.logger.entries.filter((e) => e.level === 'error').at(-1);
      return entry ? `${entry.message} ${JSON.stringify(entry.fields).slice(0, 600)}` : '';
    },
    async send(path, init = {}, credentials = 'valid') {
      const headers = new Headers(init.headers);
      // Only /api takes these credentials; a Vonage webhook's Authorization is its signature.
      if (!path.startsWith('/api/')) credentials = 'none';
      if (credentials === 'valid') headers.set('authorization', `Bearer ${app.ownerToken}`);
      if (credentials === 'wrong') headers.set('authorization', 'Bearer not-the-token');
      if (credentials === 'session' || credentials === 'bad-csrf') {
        // A fuzzed logout ends the session: log in again for the next request.
        const write = (init.method ?? 'GET').toUpperCase() !== 'GET';
        // A wrong CSRF token must meet a live session (a fuzzed logout may have ended it), so
        // its refusal is the CSRF check's 403, not the 401 of a dead cookie.
        if (session && credentials === 'bad-csrf' && write) {
          const me = await app.fetch(`${baseUrl}/api/auth/me`, { headers: { cookie: session.cookie } });
          if (me.status === 401) session = undefined;
        }
        session ??= await login();
        headers.set('cookie', session.cookie);
        if (write)
          headers.set('x-csrf-token', credentials === 'session' ? session.csrfToken : 'not-the-csrf-token');
      }
      sent += 1;
      // app.fetch adds nothing of its own: these headers are all the request carries.
      const response = await app.fetch(`${baseUrl}${path}`, { ...init, headers });
      if (response.status === 401 && credentials === 'session') session = undefined;
      return response;
    },
  };
}

/** Vonage routes whose answer is an NCCO (the others only acknowledge). */
export const nccoRoutes = ['answer', 'input', 'continue', 'connect', 'fallback'] as const;

const isNccoRoute = (path: string) =>
  path.startsWith('/vonage/') &&
  (nccoRoutes as readonly string[]).includes(path.slice(8).split(/[?/]/)[0] ?? '');

/**
 * What every answer must be: below 500; on an NCCO route a JSON array passing the conformance
 * check unless it is a 204 (a turn that needs no new NCCO); on another webhook a bare 204 or a 4xx. `label` names the
 * request in a failure (fast-check adds the seed and the shrunk input).
 */
export async function expectSafeAnswer(
  response: Response,
  path: string,
  label: string,
  /** 5xx statuses a route answers on purpose (a provider's failure reported as 502). */
  deliberate: readonly number[] = [],
): Promise<void> {
  const text = await response.text();
  if (!deliberate.includes(response.status))
    expect(response.status, `${label} → ${response.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  // The acknowledging webhooks (event, record, transcription, SMS status) answer 204 and nothing else.
  if (path.startsWith('/vonage/') && !isNccoRoute(path) && response.status < 300)
    expect([response.status, text], label).toEqual([204, '']);
  if (!isNccoRoute(path) || response.status === 204) return;
  let ncco: unknown;
  try {
    ncco = JSON.parse(text);
  } catch {
    throw new Error(`${label} → ${response.status}: the NCCO route answered no JSON: ${text.slice(0, 200)}`);
  }
  expect(Array.isArray(ncco), `${label}: an NCCO array`).toBe(true);
  expect(nccoProblems(ncco), `${label}: ${text.slice(0, 300)}`).toEqual([]);
}

/**
 * A fuzz test's time limit: ~10 s alone here, but `npm test` runs it next to everything else on
 * two cores (the default 20 s is too tight there).
 */
export const fuzzTimeoutMs = 180_000;

/** The run's seed: FLOWCALL_FUZZ_SEED to replay one, else fixed on CI, else new each run. Logged. */
export function fuzzSeed(name: string): number {
  const given = Number(process.env.FLOWCALL_FUZZ_SEED);
  const seed =
    Number.isInteger(given) && process.env.FLOWCALL_FUZZ_SEED
      ? given
      : process.env.CI
        ? 20261124
        : Date.now() % 2 ** 31;
  console.info(`[fuzz] ${name}: seed ${seed} (replay with FLOWCALL_FUZZ_SEED=${seed})`);
  return seed;
}

/** Counts answers by a key (a status, or route and status) for the run's summary line. */
export class Tally {
  private readonly counts = new Map<string, number>();
  add(key: string | number): void {
    this.counts.set(String(key), (this.counts.get(String(key)) ?? 0) + 1);
  }
  get(key: string | number): number {
    return this.counts.get(String(key)) ?? 0;
  }
  toString(): string {
    return [...this.counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, n]) => `${key}: ${n}`)
      .join(', ');
  }
}
