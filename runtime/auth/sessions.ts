/**
 * Login sessions: the browser holds a random token in an HttpOnly cookie, the database its
 * SHA-256. A session lasts 14 days from its last use (the expiry slides at most once an hour,
 * so reading the API does not write on every request) and carries its own CSRF token.
 */
import type { AccountsRepository, SessionRecord, WorkspaceMembership } from '../store/accounts-types.ts';
import { hashToken, newToken } from './secrets.ts';

export const sessionCookie = 'flowcall_session';
export const sessionSeconds = 14 * 24 * 60 * 60;
const slideEveryMs = 60 * 60 * 1000;

const plus = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000).toISOString();

export async function startSession(
  accounts: AccountsRepository,
  now: Date,
  userId: string,
  workspaceId: string,
): Promise<{ token: string; session: SessionRecord }> {
  const token = newToken();
  const at = now.toISOString();
  const session: SessionRecord = {
    id: hashToken(token),
    userId,
    workspaceId,
    csrfToken: newToken(),
    createdAt: at,
    lastSeenAt: at,
    expiresAt: plus(now, sessionSeconds),
  };
  await accounts.sessions.create(session);
  return { token, session };
}

export const findSession = (accounts: AccountsRepository, token: string, now: Date) =>
  accounts.sessions.get(hashToken(token), now.toISOString());

/** Pushes the expiry 14 days past now when the last push is over an hour old; true if it did. */
export async function slideSession(accounts: AccountsRepository, session: SessionRecord, now: Date) {
  if (now.getTime() - new Date(session.lastSeenAt).getTime() < slideEveryMs) return false;
  await accounts.sessions.touch(session.id, now.toISOString(), plus(now, sessionSeconds));
  return true;
}

/**
 * The session's workspace and role. A user removed from that workspace but still in another is
 * moved to the first of those; undefined when the user belongs to none.
 */
export async function sessionMembership(
  accounts: AccountsRepository,
  session: SessionRecord,
): Promise<WorkspaceMembership | undefined> {
  const role = await accounts.memberships.role(session.workspaceId, session.userId);
  if (role) {
    const workspace = await accounts.workspaces.get(session.workspaceId);
    if (workspace) return { id: workspace.id, name: workspace.name, role };
  }
  const [first] = await accounts.memberships.of(session.userId);
  if (first) await accounts.sessions.switchWorkspace(session.id, first.id);
  return first;
}
