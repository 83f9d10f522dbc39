/**
 * createApp(deps): the whole HTTP surface on one Hono app — Vonage webhooks under /vonage, the
 * editor's JSON API under /api (token-protected when a token is configured).
 */
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { callRoutes, simulateRoutes } from './api-calls.ts';
import { channelRoutes } from './api-channels.ts';
import { contactRoutes } from './api-contacts.ts';
import { flowRoutes } from './api-flows.ts';
import { historyRoutes } from './api-history.ts';
import { numberRoutes, scheduleRoutes } from './api-resources.ts';
import type { AppDeps } from './deps.ts';
import { installHardening } from './hardening.ts';
import { safeErrorHandler } from './hardening-errors.ts';
import { recordingRoutes } from './recording-links.ts';
import { CallRunner } from './runner/call-runner.ts';
import { vonageRoutes } from './vonage-routes.ts';

export interface App {
  hono: Hono;
  runner: CallRunner;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function createApp(deps: AppDeps): App {
  const runner = new CallRunner(deps);
  const app = new Hono();

  app.onError(safeErrorHandler(deps.logger));
  installHardening(app, { config: deps.config, fallbackFor: (to) => runner.fallbackFor(to) });

  app.route('/vonage', vonageRoutes(deps, runner));
  // Outside /api (no API token): staff open these from a chat message; the link's signature is the key.
  app.route('/recordings', recordingRoutes(deps));

  const api = new Hono();
  api.use('*', async (c, next) => {
    const token = deps.config.apiToken;
    if (token && !tokenMatches(c.req.header('authorization'), token)) {
      return c.json({ error: 'a valid API token is required (Authorization: Bearer …)' }, 401);
    }
    await next();
  });
  api.get('/health', (c) => c.json({ ok: true }));
  api.route('/flows', flowRoutes(deps));
  api.route('/schedules', scheduleRoutes(deps));
  api.route('/numbers', numberRoutes(deps));
  api.route('/calls', callRoutes(deps));
  api.route('/contacts', contactRoutes(deps));
  api.route('/simulate', simulateRoutes(deps));
  api.get('/templates', (c) => c.json(deps.templates ?? []));
  api.route('/channels', channelRoutes(deps));
  api.route('/history', historyRoutes(deps));
  api.notFound((c) => c.json({ error: `no API route ${c.req.method} ${c.req.path}` }, 404));
  app.route('/api', api);

  return { hono: app, runner };
}
