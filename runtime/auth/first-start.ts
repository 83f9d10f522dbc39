/**
 * The first start of a server with no account yet, in this order: an owner from the
 * environment (FLOWCALL_OWNER_EMAIL + FLOWCALL_OWNER_PASSWORD); else, on a terminal, a prompt;
 * else a one-time setup token, printed as a link, with which POST /api/auth/setup creates the
 * owner. The owner owns the `default` workspace (where everything stored so far lives), renamed
 * to FLOWCALL_WORKSPACE_NAME when given. With users already there, nothing is created and the
 * result names an owner to log in as.
 */
import { defaultWorkspaceId } from '../store/migrations/0005-accounts.ts';
import type { Store, UserRecord } from '../store/types.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { newToken } from './secrets.ts';

export interface NewOwner {
  email: string;
  password: string;
  name?: string;
  workspaceName?: string;
}

export type FirstStart =
  /** Accounts exist: log in as this owner (undefined if the default workspace has none). */
  | { kind: 'existing'; email: string | undefined }
  | { kind: 'created'; email: string }
  | { kind: 'setup'; token: string };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with an email address, as { ja, en }; undefined when it looks like one. */
export function emailProblem(email: unknown): { ja: string; en: string } | undefined {
  if (typeof email === 'string' && email.trim().length <= 254 && emailPattern.test(email.trim()))
    return undefined;
  return { ja: 'メールアドレスを正しく入力してください。', en: 'Enter a valid email address.' };
}

/** Creates the first owner of the default workspace; throws with a readable message on bad input. */
export async function createOwner(store: Store, now: Date, owner: NewOwner): Promise<UserRecord> {
  const problem = emailProblem(owner.email) ?? passwordProblem(owner.password);
  if (problem) throw new Error(`${problem.en} (${problem.ja})`);
  const at = now.toISOString();
  const email = owner.email.trim();
  const user = await store.accounts.users.create(
    {
      email,
      name: owner.name?.trim() || email.split('@')[0]!,
      passwordHash: await hashPassword(owner.password),
    },
    at,
  );
  if (!user) throw new Error(`a user with the email ${email.toLowerCase()} exists already`);
  if (owner.workspaceName?.trim())
    await store.accounts.workspaces.rename(defaultWorkspaceId, owner.workspaceName);
  await store.accounts.memberships.put(defaultWorkspaceId, user.id, 'owner', at);
  return user;
}

export async function ensureOwner(
  store: Store,
  now: Date,
  options: {
    /** From the environment: used when both email and password are set. */
    owner?: Partial<NewOwner>;
    /** Asks on the terminal (only given when stdin is a TTY). */
    prompt?: () => Promise<NewOwner>;
  },
): Promise<FirstStart> {
  if ((await store.accounts.users.count()) > 0) {
    const owners = (await store.accounts.memberships.members(defaultWorkspaceId)).filter(
      (m) => m.role === 'owner',
    );
    return { kind: 'existing', email: owners[0]?.user.email };
  }
  const { owner, prompt } = options;
  if (owner?.email && owner.password) {
    const user = await createOwner(store, now, owner as NewOwner);
    return { kind: 'created', email: user.email };
  }
  if (prompt) {
    const user = await createOwner(store, now, { ...owner, ...(await prompt()) });
    return { kind: 'created', email: user.email };
  }
  return { kind: 'setup', token: newToken() };
}
