/**
 * Who may call which /api route: ONE table, keyed by the method and the route pattern exactly as
 * registered in the Hono app ("PUT /api/flows/:id"), read by one middleware
 * (runtime/http/auth-middleware.ts). A route with no entry is refused (fail closed), and
 * access.test.ts walks createApp's routes to prove every one of them has an entry.
 *
 * A logged-in user needs the role (owner > editor > operator > viewer); an API token needs the
 * scope (`admin` counts as every scope). Roles: viewer reads everything of its workspace;
 * operator also changes contacts and the call log; editor also flows, schedules, numbers,
 * channels and simulations; owner also members, invitations, tokens, retention, "delete all".
 */
import { type Role, roleRank } from '../store/accounts-types.ts';

export const scopes = [
  'flows:read',
  'flows:write',
  'flows:publish',
  'flows:test',
  'history:read',
  'history:export',
  'contacts:read',
  'contacts:write',
  'admin',
] as const;
export type Scope = (typeof scopes)[number];

export type AccessRule =
  /** No credentials needed (login, setup, password reset, accepting an invitation, health). */
  | { kind: 'public' }
  /** A logged-in browser session of any role (not an API token): /me, logout, switching. */
  | { kind: 'session' }
  | { kind: 'member'; role: Role; scope: Scope };

const open: AccessRule = { kind: 'public' };
const session: AccessRule = { kind: 'session' };
const member = (role: Role, scope: Scope): AccessRule => ({ kind: 'member', role, scope });

const viewer = (scope: Scope) => member('viewer', scope);
const operator = (scope: Scope) => member('operator', scope);
const editor = (scope: Scope) => member('editor', scope);
const owner = member('owner', 'admin');

export const apiAccess: Readonly<Record<string, AccessRule>> = {
  'GET /api/health': open,

  'POST /api/auth/login': open,
  'POST /api/auth/setup': open,
  'POST /api/auth/password-reset': open,
  'POST /api/auth/password-reset/confirm': open,
  'POST /api/auth/invitations/accept': open,
  'GET /api/auth/me': session,
  'POST /api/auth/logout': session,
  'POST /api/auth/workspace': session,

  'GET /api/workspace/members': owner,
  'PATCH /api/workspace/members/:userId': owner,
  'DELETE /api/workspace/members/:userId': owner,
  'GET /api/workspace/invitations': owner,
  'POST /api/workspace/invitations': owner,
  'DELETE /api/workspace/invitations/:id': owner,
  'GET /api/workspace/tokens': owner,
  'POST /api/workspace/tokens': owner,
  'DELETE /api/workspace/tokens/:id': owner,

  'GET /api/flows': viewer('flows:read'),
  'POST /api/flows': editor('flows:write'),
  'GET /api/flows/:id': viewer('flows:read'),
  'PUT /api/flows/:id': editor('flows:write'),
  'DELETE /api/flows/:id': editor('flows:write'),
  'POST /api/flows/:id/publish': editor('flows:publish'),
  'GET /api/flows/:id/versions': viewer('flows:read'),
  'GET /api/flows/:id/versions/:version': viewer('flows:read'),
  'POST /api/flows/:id/rollback': editor('flows:publish'),
  'GET /api/templates': viewer('flows:read'),
  'POST /api/simulate': editor('flows:test'),

  'GET /api/schedules': viewer('flows:read'),
  'GET /api/schedules/:id': viewer('flows:read'),
  'PUT /api/schedules/:id': editor('flows:write'),
  'DELETE /api/schedules/:id': editor('flows:write'),
  'GET /api/numbers': viewer('flows:read'),
  'GET /api/numbers/:number': viewer('flows:read'),
  'PUT /api/numbers/:number': editor('flows:write'),
  'DELETE /api/numbers/:number': editor('flows:write'),
  'GET /api/channels': viewer('flows:read'),
  'GET /api/channels/:id': viewer('flows:read'),
  'PUT /api/channels/:id': editor('flows:write'),
  'DELETE /api/channels/:id': editor('flows:write'),
  'POST /api/channels/:id/test': editor('flows:write'),

  'GET /api/contacts': viewer('contacts:read'),
  'GET /api/contacts/tags': viewer('contacts:read'),
  'GET /api/contacts/lookup': viewer('contacts:read'),
  'GET /api/contacts/export': viewer('contacts:read'),
  'GET /api/contacts/export.csv': viewer('contacts:read'),
  'GET /api/contacts/:id': viewer('contacts:read'),
  'POST /api/contacts': operator('contacts:write'),
  'POST /api/contacts/import': operator('contacts:write'),
  'PUT /api/contacts/:id': operator('contacts:write'),
  'DELETE /api/contacts/:id': operator('contacts:write'),

  'GET /api/calls': viewer('history:read'),
  'GET /api/calls/:id': viewer('history:read'),
  'GET /api/history/calls': viewer('history:read'),
  'GET /api/history/calls/:id': viewer('history:read'),
  'GET /api/history/calls/:id/recordings/:nodeId': viewer('history:read'),
  'GET /api/history/stats': viewer('history:read'),
  'GET /api/history/retention': viewer('history:read'),
  'GET /api/history/export.json': viewer('history:export'),
  'GET /api/history/export.csv': viewer('history:export'),
  'POST /api/history/calls/:id/test-case': operator('flows:test'),
  // Deleting one call is the operator's (a caller asked to be forgotten); a token needs admin.
  'DELETE /api/history/calls/:id': operator('admin'),
  'DELETE /api/history': owner,
  'PUT /api/history/retention': owner,
};

/** Routes anyone may call; the middleware lets them through before looking for credentials. */
export const publicRoutes = Object.keys(apiAccess).filter((key) => apiAccess[key]?.kind === 'public');

/** The rule of a route as Hono matched it (method and pattern); undefined = not in the table. */
export function ruleFor(method: string, routePath: string): AccessRule | undefined {
  return apiAccess[`${method.toUpperCase()} ${routePath}`];
}

export const roleAtLeast = (role: Role, needed: Role): boolean => roleRank[role] >= roleRank[needed];

export const scopeAllows = (granted: readonly string[], needed: Scope): boolean =>
  granted.includes('admin') || granted.includes(needed);

export const isScope = (value: unknown): value is Scope => scopes.includes(value as Scope);

/** The role an API token acts with (for code that reads a role); its scopes decide what it may do. */
export function roleOfScopes(granted: readonly string[]): Role {
  if (granted.includes('admin')) return 'owner';
  if (granted.some((s) => s === 'flows:write' || s === 'flows:publish' || s === 'flows:test'))
    return 'editor';
  if (granted.includes('contacts:write')) return 'operator';
  return 'viewer';
}
