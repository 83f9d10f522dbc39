/**
 * The one way an /api route reaches data: the store of the caller's workspace, from the `auth`
 * the auth middleware put on the request (issue 7). Every flow, schedule, number, channel,
 * contact and call a route reads or writes through it belongs to that workspace; another
 * workspace's rows look like rows that do not exist (404), and an id another workspace owns is
 * refused with a 409 that says nothing about whose it is (hardening-errors.ts maps the store's
 * WorkspaceConflictError). Only accounts (api-auth*, api-workspace*) use deps.store directly,
 * with the workspace id from `auth`. cross-workspace.test.ts walks every route to prove it.
 */
import type { Context } from 'hono';
import type { Store } from '../store/types.ts';
import type { AuthContext, AuthEnv } from './api-auth-common.ts';
import type { AppDeps } from './deps.ts';

export function workspaceStore(c: Context<AuthEnv>, deps: Pick<AppDeps, 'store'>): Store {
  const auth = c.get('auth') as AuthContext | undefined;
  // Fail closed: a route outside the auth middleware (or a public one) has no workspace.
  if (!auth) throw new Error(`${c.req.method} ${c.req.path} asked for workspace data without a caller`);
  return deps.store.scoped(auth.workspaceId);
}

/** What the API answers for an id or a number another workspace owns (nothing about whose). */
export const conflictWords = {
  id: {
    ja: 'この ID は使えません。別の ID にしてください。',
    en: 'This id cannot be used; choose another one.',
  },
  number: {
    ja: 'この番号は使えません。',
    en: 'This number cannot be used.',
  },
} as const;
