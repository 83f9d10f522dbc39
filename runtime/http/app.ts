/**
 * createApp(deps): the whole HTTP surface on one Hono app — Vonage webhooks under /vonage, the
 * editor's JSON API under /api, every route of which passes the auth middleware (a session
 * cookie or an API token, the role or scope runtime/auth/access.ts names for it).
 */
import { Hono } from 'hono';
import { LoginLimiter } from '../auth/login-limiter.ts';
import { mailerFromConfig } from '../auth/mailer.ts';
import { authRoutes } from './api-auth.ts';
import type { AuthEnv } from './api-auth-common.ts';
import { callRoutes, simulateRoutes } from './api-calls.ts';
import { channelRoutes } from './api-channels.ts';
import { contactRoutes } from './api-contacts.ts';
import { flowRoutes } from './api-flows.ts';
import { historyRoutes } from './api-history.ts';
import { numberRoutes, scheduleRoutes } from './api-resources.ts';
import { workspaceRoutes } from './api-workspace.ts';
import { authMiddleware } from './auth-middleware.ts';
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

export function createApp(appDeps: AppDeps): App {
  const sendMail = appDeps.sendMail ?? mailerFromConfig(appDeps.config);
  const deps: AppDeps = { ...appDeps, ...(sendMail ? { sendMail } : {}) };
  const runner = new CallRunner(deps);
  const app = new Hono();

  app.onError(safeErrorHandler(deps.logger));
  installHardening(app, { config: deps.config, fallbackFor: (to) => runner.fallbackFor(to) });

  app.route('/vonage', vonageRoutes(deps, runner));
  // Outside /api (no API token): staff open these from a chat message; the link's signature is the key.
  app.route('/recordings', recordingRoutes(deps));

  const api = new Hono<AuthEnv>();
  api.use('*', authMiddleware(deps));
  api.get('/health', (c) => c.json({ ok: true }));
  api.route('/auth', authRoutes(deps, new LoginLimiter(deps.clock)));
  api.route('/workspace', workspaceRoutes(deps));
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
