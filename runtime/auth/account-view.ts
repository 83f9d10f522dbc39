/**
 * What a logged-in browser learns about itself (POST /api/auth/login, GET /api/auth/me, …):
 * the user, every workspace with the user's role there, the current one, and the CSRF token
 * its writes must send back in X-CSRF-Token.
 */
import type { AccountsRepository, WorkspaceMembership } from '../store/accounts-types.ts';

export interface AccountView {
  user: { id: string; email: string; name: string };
  workspaces: WorkspaceMembership[];
  workspace: WorkspaceMembership;
  csrfToken: string;
}

/** Undefined when the user is gone or in no workspace (the caller answers 401/403). */
export async function accountView(
  accounts: AccountsRepository,
  userId: string,
  workspaceId: string,
  csrfToken: string,
): Promise<AccountView | undefined> {
  const user = await accounts.users.get(userId);
  if (!user) return undefined;
  const workspaces = await accounts.memberships.of(userId);
  const workspace = workspaces.find((w) => w.id === workspaceId) ?? workspaces[0];
  if (!workspace) return undefined;
  return { user: { id: user.id, email: user.email, name: user.name }, workspaces, workspace, csrfToken };
}
