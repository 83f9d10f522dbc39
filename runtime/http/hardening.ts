/**
 * What every request passes before a route sees it (issue 7): security headers on every answer,
 * and request size limits — Vonage webhooks 64 KB, the JSON API 1 MB, the contacts CSV import
 * 10 MB. A body over the limit is refused with 413 before anything reads it; on the Vonage routes
 * whose answer is an NCCO the 413 still carries the safe fallback NCCO, so a caller never hears
 * silence. Installed first in createApp, so the built editor served by main.ts gets the headers too.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { maxImportBytes } from './api-contacts-csv.ts';
import type { RuntimeConfig } from './config.ts';
import type { Ncco } from './deps.ts';

export const vonageBodyLimit = 64 * 1024;
export const apiBodyLimit = 1024 * 1024;
/** Routes that take a file rather than a JSON document, and their own limit. */
const fileRoutes: Record<string, number> = { '/api/contacts/import': maxImportBytes };
/** Vonage routes answered with an NCCO (the others only acknowledge). */
const nccoRoutes = new Set(['answer', 'input', 'continue', 'connect', 'fallback']);

/**
 * The editor's policy. Scripts only from this server (Vite's hashed module files, no inline
 * script). Monaco's workers are separate files Vite emits under /assets and starts with
 * `new Worker('/assets/…worker….js')`: worker-src 'self', no blob:. Styles need 'unsafe-inline':
 * Monaco injects <style> elements and React Flow positions nodes with style attributes.
 */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  workerSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  mediaSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

export function securityHeaders(config: Pick<RuntimeConfig, 'publicBaseUrl'>): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy,
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    // Recording links carry their signature in the query: never send it on as a Referer.
    referrerPolicy: 'no-referrer',
    // Only a server reached over https may tell browsers to insist on https (localhost is http).
    strictTransportSecurity: config.publicBaseUrl.startsWith('https:') ? 'max-age=31536000' : false,
  });
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

function tooLarge(c: Context, limit: number): Response {
  const size = limit >= 1024 * 1024 ? megabytes(limit) : `${limit / 1024} KB`;
  return c.json(
    {
      error: `リクエストの本文が大きすぎます（上限 ${size}）。`,
      errorEn: `The request body is larger than ${size}.`,
      limitBytes: limit,
    },
    413,
  );
}

/**
 * Refuses a body over `maxSize` with `onError`'s answer. Hono's bodyLimit alone reads
 * `c.req.raw.body`, which makes @hono/node-server build a full WHATWG Request (undici Request,
 * AbortSignal, ReadableStream) for every request — that halved webhook throughput
 * (bench:runtime). So a declared Content-Length is judged from the header alone, and only a body
 * sent without one (chunked) is counted as it arrives, by hono's middleware.
 */
function sizeLimit(maxSize: number, onError: (c: Context) => Response): MiddlewareHandler {
  const counted = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number.parseInt(declared, 10) > maxSize) return onError(c);
      return next();
    }
    return counted(c, next);
  };
}

/** /api/*: 1 MB, or a file route's own limit. */
function apiLimits(): MiddlewareHandler {
  const json = sizeLimit(apiBodyLimit, (c) => tooLarge(c, apiBodyLimit));
  const files = Object.fromEntries(
    Object.entries(fileRoutes).map(([path, limit]) => [path, sizeLimit(limit, (c) => tooLarge(c, limit))]),
  );
  return (c, next) => (files[c.req.path] ?? json)(c, next);
}

/** /vonage/*: 64 KB; an NCCO route over it still answers the fallback NCCO (with the 413). */
function vonageLimits(fallbackFor: (to: string | undefined) => Ncco): MiddlewareHandler {
  return sizeLimit(vonageBodyLimit, (c) => {
    const route = c.req.path.split('/').pop() ?? '';
    if (!nccoRoutes.has(route)) return tooLarge(c, vonageBodyLimit);
    // The body is not read; the query (GET answer, or our callback URLs) may still name the number.
    return c.json(fallbackFor(c.req.query('to')), 413);
  });
}

export function installHardening(
  app: Hono,
  options: { config: RuntimeConfig; fallbackFor: (to: string | undefined) => Ncco },
): void {
  app.use('*', securityHeaders(options.config));
  app.use('/vonage/*', vonageLimits(options.fallbackFor));
  app.use('/api/*', apiLimits());
}
