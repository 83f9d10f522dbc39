/**
 * What the auth routes share: the Hono variables the auth middleware sets, answers as
 * { error (Japanese), errorEn }, the session cookie, the JSON body as an object, the client's
 * address for the login limits, and the "logged in" answer (body + cookie).
 */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type AccountView, accountView } from '../auth/account-view.ts';
import { sessionCookie, sessionSeconds } from '../auth/sessions.ts';
import type { Role, SessionRecord } from '../store/accounts-types.ts';
import type { AppDeps } from './deps.ts';
import { jsonBody } from './http-error.ts';

/** Who is calling, put on the context by auth-middleware.ts for every authenticated /api request. */
export interface AuthContext {
  via: 'session' | 'token' | 'legacy-token';
  /** The logged-in user (sessions only). */
  userId?: string;
  workspaceId: string;
  role: Role;
  /** A session has every scope; an API token its own; the legacy token ['admin']. */
  scopes: readonly string[];
  session?: SessionRecord;
  tokenId?: string;
}

export type AuthEnv = { Variables: { auth: AuthContext } };

export interface Words {
  ja: string;
  en: string;
}

export const problem = (c: Context, status: ContentfulStatusCode, words: Words) =>
  c.json({ error: words.ja, errorEn: words.en }, status);

export const secureCookies = (deps: AppDeps) => deps.config.publicBaseUrl.startsWith('https:');

export function setSessionCookie(c: Context, deps: AppDeps, token: string): void {
  setCookie(c, sessionCookie, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: secureCookies(deps),
    maxAge: sessionSeconds,
  });
}

export function clearSessionCookie(c: Context, deps: AppDeps): void {
  deleteCookie(c, sessionCookie, { httpOnly: true, sameSite: 'Lax', path: '/', secure: secureCookies(deps) });
}

/** The JSON body as an object (400 for anything else). */
export async function objectBody(c: Context): Promise<Record<string, unknown>> {
  const body = await jsonBody(c);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  return body as Record<string, unknown>;
}

export const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The client's address: the socket's, or behind a trusted proxy the hop the proxy appended. */
export function clientAddress(c: Context, deps: AppDeps): string {
  if (deps.config.trustProxy) {
    const hops = c.req.header('x-forwarded-for')?.split(',');
    const last = hops?.[hops.length - 1]?.trim();
    if (last) return last;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

export const csrfWords: Words = {
  ja: 'ページを読み込み直してから、もう一度お試しください（CSRF トークンが一致しません）。',
  en: 'Reload the page and try again (the CSRF token is missing or wrong).',
};

export const noWorkspace: Words = {
  ja: 'どのワークスペースにも所属していません。オーナーに招待を依頼してください。',
  en: 'You belong to no workspace; ask an owner to invite you.',
};

/** 200 with the account view; with a new session's token, sets its cookie too. */
export async function loggedIn(
  c: Context,
  deps: AppDeps,
  session: SessionRecord,
  token?: string,
): Promise<Response> {
  const view: AccountView | undefined = await accountView(
    deps.store.accounts,
    session.userId,
    session.workspaceId,
    session.csrfToken,
  );
  if (!view) return problem(c, 403, noWorkspace);
  if (token !== undefined) setSessionCookie(c, deps, token);
  return c.json(view);
}
