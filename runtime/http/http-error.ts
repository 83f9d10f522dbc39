/**
 * Expected client errors, mapped to HTTP once in app.onError: 4xx with a clear message and,
 * for validation, the Issue[] with JSON pointers.
 */
import type { Context } from 'hono';
import type { Issue } from '../../schema/issue.ts';

export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 413 | 422,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
  }
}

/** The request's JSON body; an empty body is `{}` when `optional`. */
export async function jsonBody(c: Context, optional = false): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') {
    if (optional) return {};
    throw new HttpError(400, 'a JSON body is required');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, `the body is not JSON: ${(error as Error).message}`);
  }
}
