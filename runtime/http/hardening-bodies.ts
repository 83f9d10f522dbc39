/**
 * Reading the small JSON bodies of /api (issue 7): every body is checked before a route looks
 * inside it, so text that is not JSON is a 400 and a body of the wrong shape a 422 with an
 * Issue[] (JSON pointers, the same messages as flow validation) — never a TypeError and a 500.
 * Documents with their own schema (flows, schedules) are checked by schema/validate.ts; contacts,
 * numbers and channels by their explicit checkers after `objectBody`. The small bodies' schemas
 * live here, in one place.
 */
import type { Context } from 'hono';
import type { Issue } from '../../schema/issue.ts';
import { compileChecker } from '../../schema/structure.ts';
import { HttpError, jsonBody } from './http-error.ts';

export interface BodySchema<T> {
  check: (doc: unknown) => Issue[];
  /** Phantom: the type a passing body has. */
  readonly type?: T;
}

const bodySchema = <T>(schema: Record<string, unknown>): BodySchema<T> => ({
  check: compileChecker({ type: 'object', additionalProperties: false, ...schema }),
});

const comment = { type: 'string', maxLength: 500 };
const text = (maxLength: number) => ({ type: 'string', maxLength });

/** POST /api/flows/:id/publish (the body may be empty). */
export const publishBody = bodySchema<{ comment?: string }>({ properties: { comment } });

/** POST /api/flows/:id/rollback */
export const rollbackBody = bodySchema<{ version: number; comment?: string }>({
  required: ['version'],
  properties: { version: { type: 'integer', minimum: 1 }, comment },
});

/** PUT /api/history/retention */
export const retentionBody = bodySchema<{ months: number }>({
  required: ['months'],
  properties: { months: { type: 'integer', minimum: 1, maximum: 120 } },
});

/** POST /api/simulate: the flow (checked by validateFlow) or a stored flow's id, and a script. */
export const simulateBody = bodySchema<{
  flow?: unknown;
  flowId?: string;
  script?: unknown[];
  at?: string;
  from?: string;
  to?: string;
}>({
  properties: {
    flow: {},
    flowId: text(200),
    // Each step is checked by the flow-test schema, where its messages point into the case.
    script: { type: 'array', maxItems: 1000 },
    at: text(64),
    from: text(64),
    to: text(64),
  },
});

/** The body, checked against `schema`: 400 when it is not JSON, 422 with the Issue[] otherwise. */
export async function validBody<T>(c: Context, schema: BodySchema<T>, optional = false): Promise<T> {
  const body = await jsonBody(c, optional);
  const issues = schema.check(body);
  if (issues.length > 0) throw new HttpError(422, 'the request body has errors', issues);
  return body as T;
}

/** The body as a JSON object, for routes with their own checker: 422 for an array, text, null… */
export async function objectBody(c: Context): Promise<Record<string, unknown>> {
  const body = await jsonBody(c);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(422, 'the request body must be a JSON object', [
      {
        code: 'wrong-type',
        severity: 'error',
        path: '',
        message: 'the document must be a JSON object',
      },
    ]);
  }
  return body as Record<string, unknown>;
}
