/** /api/schedules and /api/numbers. Schedule changes apply to the next call, no republish. */
import { Hono } from 'hono';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { hasErrors } from '../../schema/issue.ts';
import { parsePhone } from '../../schema/phone.ts';
import { validateSchedule } from '../../schema/validate.ts';
import type { NumberRecord } from '../store/types.ts';
import type { AuthEnv } from './api-auth-common.ts';
import type { AppDeps } from './deps.ts';
import { objectBody } from './hardening-bodies.ts';
import { HttpError, jsonBody } from './http-error.ts';
import { workspaceStore } from './workspace-store.ts';

export function scheduleRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.get('/', async (c) => c.json(await workspaceStore(c, deps).schedules.list()));
  app.get('/:id', async (c) => {
    const store = workspaceStore(c, deps);
    const schedule = await store.schedules.get(c.req.param('id'));
    if (!schedule) throw new HttpError(404, 'no such schedule');
    return c.json(schedule);
  });
  app.put('/:id', async (c) => {
    const store = workspaceStore(c, deps);
    const doc = await jsonBody(c);
    const issues = validateSchedule(doc);
    if (hasErrors(issues)) throw new HttpError(422, 'the schedule has errors', issues);
    if ((doc as ScheduleDocument).id !== c.req.param('id'))
      throw new HttpError(422, 'the schedule id in the body does not match the URL');
    await store.schedules.put(doc as ScheduleDocument);
    return c.json(doc);
  });
  app.delete('/:id', async (c) => {
    const store = workspaceStore(c, deps);
    if (!(await store.schedules.delete(c.req.param('id')))) throw new HttpError(404, 'no such schedule');
    return c.body(null, 204);
  });
  return app;
}

function numberFromBody(b: Record<string, unknown>, number: string): NumberRecord {
  const lines = b.lines ?? 1;
  if (typeof lines !== 'number' || !Number.isInteger(lines) || lines < 1 || lines > 100) {
    throw new HttpError(422, '"lines" must be a whole number from 1 to 100');
  }
  const optionalText = (key: string) => {
    const value = b[key];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string') throw new HttpError(422, `"${key}" must be text`);
    return value;
  };
  const fallback = optionalText('fallbackNumber');
  if (fallback && !parsePhone(fallback))
    throw new HttpError(422, '"fallbackNumber" is not a valid phone number');
  const sender = optionalText('smsSenderId');
  if (sender && !/^[A-Za-z0-9]{1,11}$/.test(sender))
    throw new HttpError(422, '"smsSenderId" must be 1–11 letters or digits');
  return {
    number,
    label: optionalText('label') ?? '',
    flowId: optionalText('flowId'),
    lines,
    smsSenderId: sender,
    fallbackNumber: fallback ? (parsePhone(fallback)?.e164 ?? fallback) : null,
  };
}

function decodeOnce(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function numberRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const e164 = (raw: string) => {
    // Hono has decoded the path once; a number encoded twice is decoded here, and a stray '%'
    // (not an escape) is left as it is instead of throwing a URIError (a 500 before issue 7).
    const parsed = parsePhone(decodeOnce(raw));
    if (!parsed) throw new HttpError(422, `"${raw}" is not a valid phone number`);
    return parsed.e164;
  };
  app.get('/', async (c) => c.json(await workspaceStore(c, deps).numbers.list()));
  app.get('/:number', async (c) => {
    const store = workspaceStore(c, deps);
    const number = await store.numbers.get(e164(c.req.param('number')));
    if (!number) throw new HttpError(404, 'no such number');
    return c.json({ ...number, liveCalls: await store.calls.liveCount(number.number) });
  });
  app.put('/:number', async (c) => {
    const store = workspaceStore(c, deps);
    const record = numberFromBody(await objectBody(c), e164(c.req.param('number')));
    if (record.flowId && !(await store.flows.get(record.flowId)))
      throw new HttpError(422, `no flow "${record.flowId}"`);
    await store.numbers.put(record);
    return c.json(record);
  });
  app.delete('/:number', async (c) => {
    const store = workspaceStore(c, deps);
    if (!(await store.numbers.delete(e164(c.req.param('number')))))
      throw new HttpError(404, 'no such number');
    return c.body(null, 204);
  });
  return app;
}
