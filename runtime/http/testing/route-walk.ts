/**
 * Test-only: walking the API's routes. Lists every /api route the app registers (as
 * "METHOD /api/pattern", the access table's keys), fills a pattern's parameters with a
 * company's ids, and turns a probe (query, JSON or CSV body) into a request. A parameter this
 * file does not know fails loudly: a new kind of route must say which id it takes.
 */
import { createApp } from '../app.ts';
import type { TenantIds } from './tenants.ts';
import type { TestApp } from './test-app.ts';

export interface Probe {
  /** Path parameters to use instead of the company's (e.g. the caller's own number). */
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** JSON (an object) or CSV text. */
  body?: unknown;
  /** The answer must be this refusal of an id another workspace owns (409, whose unsaid). */
  conflict?: 'id' | 'number';
  /** Not repeated with ghost ids (logging out: there is no session left to compare with). */
  once?: boolean;
}

/** Every /api route of the app, sorted, as the access table names them. */
export function apiRoutes(app: TestApp): string[] {
  const keys = createApp(app.deps)
    .hono.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
    .map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)].sort();
}

/** Which id a parameter takes, by the path segment before it. */
const parameterValues: Record<string, (ids: TenantIds) => string> = {
  'flows/:id': (ids) => ids.flow,
  'versions/:version': () => '1',
  'schedules/:id': (ids) => ids.schedule,
  'numbers/:number': (ids) => ids.number,
  'channels/:id': (ids) => ids.channel,
  'contacts/:id': (ids) => ids.contact,
  'calls/:id': (ids) => ids.call,
  'recordings/:nodeId': (ids) => ids.node,
  'members/:userId': (ids) => ids.user,
  'invitations/:id': (ids) => ids.invitation,
  'tokens/:id': (ids) => ids.token,
};

export function fillPath(pattern: string, ids: TenantIds, overrides: Record<string, string> = {}): string {
  const segments = pattern.split('/');
  return segments
    .map((segment, i) => {
      if (!segment.startsWith(':')) return segment;
      const name = segment.slice(1);
      const key = `${segments[i - 1]}/${segment}`;
      const value = overrides[name] ?? parameterValues[key]?.(ids);
      if (value === undefined) throw new Error(`${pattern}: no id for ${key} — add it to parameterValues`);
      return encodeURIComponent(value);
    })
    .join('/');
}

export function probeRequest(
  route: string,
  probe: Probe,
  ids: TenantIds,
): { path: string; init: RequestInit } {
  const [method = 'GET', pattern = ''] = route.split(' ');
  const query = probe.query ? `?${new URLSearchParams(probe.query)}` : '';
  const init: RequestInit = { method };
  if (typeof probe.body === 'string') {
    init.headers = { 'content-type': 'text/csv' };
    init.body = probe.body;
  } else if (probe.body !== undefined) {
    init.headers = { 'content-type': 'application/json' };
    init.body = JSON.stringify(probe.body);
  }
  return { path: `${fillPath(pattern, ids, probe.params)}${query}`, init };
}

/** An answer's text whatever it is (JSON, CSV in UTF-8 or Shift_JIS, audio): ASCII survives all. */
export async function answerText(response: Response): Promise<string> {
  return new TextDecoder('utf-8', { fatal: false }).decode(await response.arrayBuffer());
}

/** The secrets that appear in `text`. */
export const revealed = (text: string, secrets: readonly string[]) => secrets.filter((s) => text.includes(s));
