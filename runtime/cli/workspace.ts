/**
 * `flowcall workspace add|list`: the installation's operator adds a customer company (a
 * workspace) and its owner without touching the database by hand. The owner is made through
 * the invitation the API already has (POST /api/workspace/invitations → `#/invite?token=…`,
 * accepted by POST /api/auth/invitations/accept), so a new person sets their own name and
 * password in the editor and no password ever passes through a command line or a shell history.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { emailProblem } from '../auth/first-start.ts';
import { mailerFromConfig } from '../auth/mailer.ts';
import { configFromEnv, type RuntimeConfig } from '../http/config.ts';
import { openStore } from '../store/create-store.ts';
import { parseDatabaseUrl } from '../store/database.ts';
import type { Store } from '../store/types.ts';
import { type Command, type Io, UsageError } from './io.ts';
import { addWorkspace } from './workspace-add.ts';

const usage = `Usage: flowcall workspace add <name> --owner <email> [--database <url>]
       flowcall workspace list [--database <url>]

add   creates a workspace (one customer company). An owner email that has an account becomes
      the owner at once; any other gets an owner invitation: its link (valid 7 days) is
      printed, and emailed when FLOWCALL_SMTP_URL is set. Opening it, the person chooses their
      name and password. The link starts with FLOWCALL_PUBLIC_URL.
list  prints each workspace's id, member count and name (tab-separated).

The database is the one \`flowcall serve\` uses: --database, else DATABASE_URL, else
sqlite:./data/flowcall.db. It must exist already (start \`flowcall serve\` once).
Exit: 0 done, 2 bad usage or no such database.`;

const options = {
  owner: { type: 'string' },
  database: { type: 'string' },
} as const;

/** The serve configuration, with --database in place of DATABASE_URL when given. */
function configFor(database: string | undefined): RuntimeConfig {
  const config = configFromEnv(process.env);
  return database === undefined ? config : { ...config, databaseUrl: database };
}

/** Opens the installation's database; a SQLite file that is not there is a usage error, not a new database. */
async function openExisting(config: RuntimeConfig, io: Io): Promise<Store> {
  let target: ReturnType<typeof parseDatabaseUrl>;
  try {
    target = parseDatabaseUrl(config.databaseUrl);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (target.flavour === 'sqlite' && target.location !== ':memory:' && !existsSync(target.location))
    throw new UsageError(
      `no database at ${target.location} (run this where \`flowcall serve\` runs, or pass --database)`,
    );
  return openStore(config.databaseUrl, { clock: () => io.now() });
}

async function list(store: Store, io: Io): Promise<number> {
  for (const workspace of await store.accounts.workspaces.list()) {
    const members = await store.accounts.memberships.members(workspace.id);
    io.out(`${workspace.id}\t${members.length}\t${workspace.name}`);
  }
  return 0;
}

async function run(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  const [action, ...rest] = parsed.positionals;
  const { owner, database } = parsed.values;
  if (action === 'list') {
    if (rest.length > 0 || owner !== undefined) throw new UsageError('workspace list takes only --database');
  } else if (action === 'add') {
    if (rest.length !== 1 || rest[0]!.trim() === '')
      throw new UsageError('workspace add needs one name (quote a name with spaces)');
    if (rest[0]!.trim().length > 100) throw new UsageError('a workspace name has at most 100 characters');
    if (owner === undefined) throw new UsageError('workspace add needs --owner <email>');
    const wrong = emailProblem(owner);
    if (wrong) throw new UsageError(`--owner "${owner}": ${wrong.en}`);
  } else {
    throw new UsageError(action === undefined ? 'say add or list' : `unknown workspace action "${action}"`);
  }
  const config = configFor(database);
  const store = await openExisting(config, io);
  try {
    if (action === 'list') return await list(store, io);
    const sendMail = mailerFromConfig(config);
    return await addWorkspace(
      { store, io, publicBaseUrl: config.publicBaseUrl, ...(sendMail ? { sendMail } : {}) },
      rest[0]!,
      owner!,
    );
  } finally {
    await store.close();
  }
}

export const workspaceCommand: Command = {
  summary: 'add a customer company (workspace) and its owner, or list the workspaces',
  usage,
  run,
};
