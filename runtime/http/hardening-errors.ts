/**
 * The app's one error handler. Expected client errors (HttpError) answer their 4xx with their
 * message and Issue[]; Hono's own HTTPExceptions keep their status with a plain message; anything
 * else is logged (name, message and where it was thrown — the JSON logger strips secrets) and
 * answered with a fixed 500 that holds no stack, no SQL and no internal message.
 */
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isWorkspaceConflict } from '../store/workspace-scope.ts';
import { HttpError } from './http-error.ts';
import type { Logger } from './logger.ts';
import { conflictWords } from './workspace-store.ts';

export const internalError = {
  error: 'サーバーで問題が起きました。しばらくしてからもう一度お試しください。',
  errorEn: 'internal error',
};

export function safeErrorHandler(logger: Logger): ErrorHandler {
  return (error, c) => {
    if (error instanceof HttpError) {
      return c.json(
        { error: error.message, ...(error.issues ? { issues: error.issues } : {}) },
        error.status,
      );
    }
    if (isWorkspaceConflict(error)) {
      // An id or number another workspace owns: refused without saying whose (workspace-store.ts).
      const words = conflictWords[error.kind];
      return c.json({ error: words.ja, errorEn: words.en }, 409);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const status = error.status as ContentfulStatusCode;
      return c.json(
        {
          error: `リクエストを受け付けられません（${status}）。`,
          errorEn: `The request was refused (${status}).`,
        },
        status,
      );
    }
    logger.error('request failed', {
      method: c.req.method,
      path: c.req.path,
      error: String(error),
      // Where it happened, for whoever reads the server's log; never in the answer.
      stack: error instanceof Error ? error.stack?.split('\n').slice(1, 6).join('\n') : undefined,
    });
    return c.json(internalError, 500);
  };
}
