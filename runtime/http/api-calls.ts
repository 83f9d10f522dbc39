/** /api/calls (history and detail) and /api/simulate (the simulator over HTTP). */
import { Hono } from 'hono';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { hasErrors } from '../../schema/issue.ts';
import type { Flow } from '../../schema/kinds.ts';
import { checkStructure } from '../../schema/structure.ts';
import { validateFlow } from '../../schema/validate.ts';
import { simulate } from '../simulator/simulate.ts';
import type { ScriptStep } from '../simulator/types.ts';
import type { CallStatus } from '../store/types.ts';
import type { AuthEnv } from './api-auth-common.ts';
import { callNotifications } from './api-channels.ts';
import type { AppDeps } from './deps.ts';
import { simulateBody, validBody } from './hardening-bodies.ts';
import { HttpError } from './http-error.ts';
import { validationContext } from './validation-context.ts';
import { workspaceStore } from './workspace-store.ts';

export function callRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.get('/', async (c) => {
    const store = workspaceStore(c, deps);
    const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 50) || 50, 1), 500);
    const status = c.req.query('status');
    if (status !== undefined && status !== 'live' && status !== 'ended')
      throw new HttpError(400, '"status" must be live or ended');
    const before = c.req.query('before');
    // A cursor that is not a time was a RangeError in the store and a 500 (found by the fuzzer).
    if (before && Number.isNaN(Date.parse(before)))
      throw new HttpError(400, '"before" must be a time (ISO 8601), e.g. 2026-11-24T12:00:00+09:00');
    const calls = await store.calls.list({
      limit,
      ...(before ? { before } : {}),
      ...(c.req.query('number') ? { number: c.req.query('number') } : {}),
      ...(status ? { status: status as CallStatus } : {}),
    });
    return c.json(calls.map(({ state, ...call }) => ({ ...call, path: state?.path ?? [] })));
  });
  app.get('/:id', async (c) => {
    const store = workspaceStore(c, deps);
    const call = await store.calls.get(c.req.param('id'));
    if (!call) throw new HttpError(404, 'no such call');
    const { state, ...rest } = call;
    return c.json({
      ...rest,
      path: state?.path ?? [],
      vars: state?.vars ?? {},
      state,
      events: await store.calls.events(call.id),
      turns: await store.calls.turns(call.id),
      notifications: await callNotifications(store, call.id),
    });
  });
  return app;
}

export function simulateRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.post('/', async (c) => {
    const store = workspaceStore(c, deps);
    const body = await validBody(c, simulateBody);
    const schedules: Record<string, ScheduleDocument> = await store.schedules.all();
    let flow = body.flow;
    if (flow === undefined && typeof body.flowId === 'string')
      flow = (await store.flows.get(body.flowId))?.draft;
    if (flow === undefined) throw new HttpError(422, 'give "flow" (a document) or "flowId"');
    const issues = validateFlow(flow, await validationContext(store));
    if (hasErrors(issues)) throw new HttpError(422, 'the flow has errors', issues);
    const script = (body.script ?? []) as ScriptStep[];
    const scriptIssues = checkStructure('flow-test', {
      flow: 'inline',
      cases: [
        {
          name: 'api',
          at: body.at ?? deps.clock().toISOString(),
          from: body.from ?? '09012345678',
          script,
          expect: {},
        },
      ],
    });
    if (scriptIssues.length > 0) throw new HttpError(422, 'the script or time is not valid', scriptIssues);
    const result = simulate(flow as Flow, script, {
      at: body.at ?? deps.clock().toISOString(),
      schedules,
      ...(body.from ? { from: body.from } : {}),
      ...(body.to ? { to: body.to } : {}),
    });
    return c.json(result);
  });
  return app;
}
