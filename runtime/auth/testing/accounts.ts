/**
 * Test-only: accounts made straight in the store — an owner of the default workspace, members
 * with a role, API tokens — so HTTP tests can authenticate without going through the login.
 */
import type { Role } from '../../store/accounts-types.ts';
import { defaultWorkspaceId } from '../../store/migrations/0005-accounts.ts';
import type { Store, UserRecord } from '../../store/types.ts';
import type { Scope } from '../access.ts';
import { hashPassword } from '../passwords.ts';
import { hashToken, newToken } from '../secrets.ts';

export const testPassword = 'correct horse battery staple';

/** A user with `testPassword` and `role` in the workspace (default: the default one). */
export async function createMember(
  store: Store,
  now: Date,
  email: string,
  role: Role,
  workspaceId = defaultWorkspaceId,
): Promise<UserRecord> {
  const at = now.toISOString();
  const user =
    (await store.accounts.users.create(
      { email, name: email.split('@')[0]!, passwordHash: await hashPassword(testPassword) },
      at,
    )) ?? (await store.accounts.users.byEmail(email))!;
  await store.accounts.memberships.put(workspaceId, user.id, role, at);
  return user;
}

export const createTestOwner = (store: Store, now: Date) =>
  createMember(store, now, 'owner@flowcall.test', 'owner');

/** An API token of the workspace with `scopes`; returns the token itself. */
export async function createApiToken(
  store: Store,
  now: Date,
  options: { createdBy: string; scopes: Scope[]; workspaceId?: string; name?: string },
): Promise<string> {
  const token = newToken();
  await store.accounts.apiTokens.create({
    id: `tok-${hashToken(token).slice(0, 12)}`,
    workspaceId: options.workspaceId ?? defaultWorkspaceId,
    name: options.name ?? 'tests',
    scopes: options.scopes,
    createdBy: options.createdBy,
    createdAt: now.toISOString(),
    tokenHash: hashToken(token),
  });
  return token;
}
