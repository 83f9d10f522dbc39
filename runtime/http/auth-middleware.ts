/**
 * The one gate in front of every /api route. It finds the route Hono matched, reads its rule in
 * runtime/auth/access.ts (a route missing there is refused: fail closed), authenticates the
 * caller — by the session cookie, or by `Authorization: Bearer` with an API token (or the legacy
 * FLOWCALL_API_TOKEN) — demands the session's CSRF token on cookie-authenticated writes, checks
 * the role (sessions) or scope (tokens), and puts the caller on the context as `auth`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import { type AccessRule, roleAtLeast, roleOfScopes, ruleFor, scopeAllows } from '../auth/access.ts';
import { hashToken, sameSecret } from '../auth/secrets.ts';
import { findSession, sessionCookie, sessionMembership, slideSession } from '../auth/sessions.ts';
import { defaultWorkspaceId } from '../store/migrations/0005-accounts.ts';
import {
  type AuthContext,
  type AuthEnv,
  csrfWords,
  noWorkspace,
  problem,
  setSessionCookie,
  type Words,
} from './api-auth-common.ts';
import type { AppDeps } from './deps.ts';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A token's last use is written at most this often (a CI run makes many calls). */
const touchTokenEveryMs = 60_000;

const words = {
  login: { ja: 'ログインしてください。', en: 'Log in first.' },
  badToken: {
    ja: 'API トークンが正しくないか、無効にされています。',
    en: 'The API token is wrong or has been revoked.',
  },
  badAuthorization: {
    ja: 'Authorization ヘッダーは「Bearer <トークン>」の形にしてください。',
    en: 'The Authorization header must be "Bearer <token>".',
  },
  unlisted: {
    ja: 'この API は権限の表にないため使えません。',
    en: 'This route has no access rule, so it is refused.',
  },
  sessionOnly: {
    ja: 'ブラウザーでログインして使う API です。',
    en: 'This route needs a browser login session, not an API token.',
  },
} satisfies Record<string, Words>;

const roleNames = { owner: 'オーナー', editor: '編集者', operator: 'オペレーター', viewer: '閲覧者' };

/** The caller, or the answer refusing them. */
async function authenticate(c: Context, deps: AppDeps): Promise<AuthContext | Response> {
  const { accounts } = deps.store;
  const now = deps.clock();
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    if (!token) return problem(c, 401, words.badAuthorization);
    if (deps.config.apiToken && sameSecret(token, deps.config.apiToken))
      return { via: 'legacy-token', workspaceId: defaultWorkspaceId, role: 'owner', scopes: ['admin'] };
    const record = await accounts.apiTokens.byHash(hashToken(token));
    if (!record) return problem(c, 401, words.badToken);
    if (!record.lastUsedAt || now.getTime() - new Date(record.lastUsedAt).getTime() >= touchTokenEveryMs)
      await accounts.apiTokens.touch(record.id, now.toISOString());
    return {
      via: 'token',
      workspaceId: record.workspaceId,
      role: roleOfScopes(record.scopes),
      scopes: record.scopes,
      tokenId: record.id,
    };
  }
  const cookie = getCookie(c, sessionCookie);
  const session = cookie ? await findSession(accounts, cookie, now) : undefined;
  if (!session || !cookie) return problem(c, 401, words.login);
  const membership = await sessionMembership(accounts, session);
  if (!membership) return problem(c, 403, noWorkspace);
  if (await slideSession(accounts, session, now)) setSessionCookie(c, deps, cookie);
  return {
    via: 'session',
    userId: session.userId,
    workspaceId: membership.id,
    role: membership.role,
    scopes: ['admin'],
    session: { ...session, workspaceId: membership.id },
  };
}

/** Why `auth` may not use a route with `rule`; undefined = it may. */
function refusal(auth: AuthContext, rule: AccessRule): Words | undefined {
  if (rule.kind === 'public') return undefined;
  if (rule.kind === 'session') return auth.via === 'session' ? undefined : words.sessionOnly;
  if (auth.via === 'session') {
    if (roleAtLeast(auth.role, rule.role)) return undefined;
    return {
      ja: `この操作には「${roleNames[rule.role]}」以上の役割が必要です。`,
      en: `This needs the ${rule.role} role or higher.`,
    };
  }
  if (scopeAllows(auth.scopes, rule.scope)) return undefined;
  return {
    ja: `この API トークンには「${rule.scope}」の権限がありません。`,
    en: `This API token lacks the "${rule.scope}" scope.`,
  };
}

/** The route Hono will answer with (its first matched handler; middleware is registered for ALL). */
export function matchedRoute(c: Context): { method: string; path: string } | undefined {
  return matchedRoutes(c).find((route) => route.method !== 'ALL');
}

export function authMiddleware(deps: AppDeps): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const route = matchedRoute(c);
    const rule = route ? ruleFor(route.method, route.path) : undefined;
    if (rule?.kind === 'public') return next();
    const auth = await authenticate(c, deps);
    if (auth instanceof Response) return auth;
    if (auth.via === 'session' && unsafeMethods.has(c.req.method)) {
      const sent = c.req.header('x-csrf-token') ?? '';
      if (!sameSecret(sent, auth.session?.csrfToken ?? '')) return problem(c, 403, csrfWords);
    }
    // No route at all: a known caller gets the API's 404. A route without a rule: refused.
    if (route && !rule) return problem(c, 403, words.unlisted);
    const refused = rule ? refusal(auth, rule) : undefined;
    if (refused) return problem(c, 403, refused);
    c.set('auth', auth);
    await next();
  };
}
