/**
 * `createStore(db)` assembles the repositories over one kysely instance into the `Store`
 * contract — the installation's, and through `scoped(id)` one per workspace, built from the same
 * repositories with the workspace as their scope; `openStore(url)` opens, migrates and wraps a
 * database in one call (main.ts, tests).
 */
import type { Kysely } from 'kysely';
import { accountsRepository } from './accounts.ts';
import { callsRepository } from './calls.ts';
import { workspaceCalls } from './calls-scoped.ts';
import { channelsRepository } from './channels.ts';
import type { Clock } from './codec.ts';
import { contactsRepository } from './contacts.ts';
import { closeDatabase, type Database, openDatabase } from './database.ts';
import { flowsRepository } from './flows.ts';
import { historyRepository } from './history.ts';
import { numbersRepository } from './numbers.ts';
import { outboxRepository } from './outbox.ts';
import { schedulesRepository } from './schedules.ts';
import { smsStatusesRepository } from './sms-statuses.ts';
import type { ConfigTable, SecretCipher, Store } from './types.ts';
import type { WorkspaceScope } from './workspace-scope.ts';

export interface StoreOptions {
  /**
   * Time for the writes whose Store method takes no `at` (saving drafts, publishing, schedules).
   * Tests pass a fixed clock; everything else gets its time from the caller.
   */
  clock?: Clock;
  /**
   * Seals channel secrets (effects/secret-box.ts). Without one, storing or reading a secret
   * fails with a message saying so; everything else works.
   */
  secretBox?: SecretCipher;
}

const noSecretBox: SecretCipher = {
  seal() {
    throw new Error('no secret key is configured (FLOWCALL_SECRET_KEY): channel secrets cannot be stored');
  },
  open() {
    throw new Error('no secret key is configured (FLOWCALL_SECRET_KEY): channel secrets cannot be read');
  },
};

const systemClock: Clock = () => new Date();

/** Wraps a repository's writing methods so each successful write is announced. */
function announcingWrites<R extends object>(
  repository: R,
  writes: ReadonlyArray<keyof R>,
  announce: () => void,
): R {
  const wrapped = { ...repository };
  for (const name of writes) {
    const write = repository[name] as (...args: unknown[]) => Promise<unknown>;
    (wrapped as Record<keyof R, unknown>)[name] = async (...args: unknown[]) => {
      const result = await write(...args);
      announce();
      return result;
    };
  }
  return wrapped;
}

export function createStore(db: Kysely<Database>, options: StoreOptions = {}): Store {
  const clock = options.clock ?? systemClock;
  const secretBox = options.secretBox ?? noSecretBox;
  let closed: Promise<void> | undefined;
  const listeners = new Set<(table: ConfigTable) => void>();
  const announce = (table: ConfigTable) => () => {
    for (const listener of listeners) listener(table);
  };
  const onConfigChange = (listener: (table: ConfigTable) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const close = () => {
    // Idempotent: main.ts's shutdown and a test's afterEach may both close.
    closed ??= closeDatabase(db);
    return closed;
  };
  /** The repositories that read and write one workspace (or, for null, every workspace). */
  const workspaceParts = (scope: WorkspaceScope) => ({
    // Writes through any workspace's store reach the same listeners (the runtime's caches).
    flows: announcingWrites(
      flowsRepository(db, clock, scope),
      ['publish', 'rollback', 'delete'],
      announce('flows'),
    ),
    schedules: announcingWrites(
      schedulesRepository(db, clock, scope),
      ['put', 'delete'],
      announce('schedules'),
    ),
    numbers: announcingWrites(numbersRepository(db, scope), ['put', 'delete'], announce('numbers')),
    contacts: contactsRepository(db, clock, scope),
    history: historyRepository(db, scope),
    channels: channelsRepository(db, secretBox, clock, scope),
    outbox: outboxRepository(db, scope),
  });

  const installation: Store = {
    onConfigChange,
    ...workspaceParts(null),
    calls: callsRepository(db),
    smsStatuses: smsStatusesRepository(db),
    accounts: accountsRepository(db),
    scoped: (workspaceId) => scopedStore(workspaceId),
    close,
  };

  // One store per workspace, made on first use (the API asks on every request).
  const byWorkspace = new Map<string, Store>();
  function scopedStore(workspaceId: string): Store {
    let store = byWorkspace.get(workspaceId);
    if (!store) {
      const own: Store = {
        ...installation,
        ...workspaceParts(workspaceId),
        calls: workspaceCalls(db, installation.calls, workspaceId),
        scoped(other) {
          if (other !== workspaceId)
            throw new Error(`the store of workspace ${workspaceId} cannot open workspace ${other}`);
          return own;
        },
      };
      store = own;
      byWorkspace.set(workspaceId, store);
    }
    return store;
  }
  return installation;
}

/** Opens the database at `url` (`sqlite:./data/flowcall.db`, a path, `:memory:`), migrated. */
export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
  return createStore(await openDatabase(url), options);
}
