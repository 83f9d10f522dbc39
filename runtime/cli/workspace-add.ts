/**
 * `flowcall workspace add`: the new workspace, then its owner. An existing account is made
 * owner directly (it can log in already). Anyone else gets an ordinary owner invitation, the
 * same row POST /api/workspace/invitations writes, so the editor's `#/invite?token=…` page and
 * POST /api/auth/invitations/accept take it unchanged: the person picks a name and a password
 * there, and the account is created when they do (not before: an account without a password
 * could only be claimed by logging in, which it cannot).
 */
import { invitationMail } from '../auth/account-mails.ts';
import type { SendMail } from '../auth/mailer.ts';
import { hashToken, newToken } from '../auth/secrets.ts';
import type { Store } from '../store/types.ts';
import type { Io } from './io.ts';

/** As long as an invitation from the members page. */
const invitationDays = 7;

export interface AddDeps {
  store: Store;
  io: Io;
  /** FLOWCALL_PUBLIC_URL (or serve's default): where the invitation link points. */
  publicBaseUrl: string;
  sendMail?: SendMail;
}

export async function addWorkspace(deps: AddDeps, name: string, ownerEmail: string): Promise<number> {
  const { store, io } = deps;
  const { accounts } = store;
  const now = io.now();
  const at = now.toISOString();
  const email = ownerEmail.trim().toLowerCase();
  const workspace = await accounts.workspaces.create(name, at);
  io.out(`workspace ${workspace.id} ${workspace.name}`);

  const existing = await accounts.users.byEmail(email);
  if (existing) {
    await accounts.memberships.put(workspace.id, existing.id, 'owner', at);
    io.out(`owner ${existing.email} (existing account: logs in as before and can switch to it)`);
    return 0;
  }

  const token = newToken();
  await accounts.invitations.create({
    id: hashToken(token),
    workspaceId: workspace.id,
    email,
    role: 'owner',
    // Not a user id: the invitation list shows who invited; here it was the operator.
    invitedBy: 'cli',
    createdAt: at,
    expiresAt: new Date(now.getTime() + invitationDays * 24 * 60 * 60 * 1000).toISOString(),
  });
  const link = `${deps.publicBaseUrl}/#/invite?token=${token}`;
  io.out(`owner invitation for ${email} (valid ${invitationDays} days): ${link}`);
  if (deps.sendMail) {
    try {
      await deps.sendMail(invitationMail(email, workspace.name, 'flowcall', 'owner', link));
      io.out(`emailed to ${email}`);
    } catch (error) {
      // The workspace and invitation stand; the operator passes the printed link on instead.
      io.err(`flowcall: the invitation email failed (${(error as Error).message}); pass the link on`);
    }
  } else {
    io.err('flowcall: no FLOWCALL_SMTP_URL, so nothing was emailed: pass the link on');
  }
  return 0;
}
