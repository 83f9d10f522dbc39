/**
 * `createStore(db)` assembles the repositories over one kysely instance into the `Store`
 * contract; `openStore(url)` opens, migrates and wraps a database in one call (main.ts, tests).
 */
import type { Kysely } from 'kysely';
import { callsRepository } from './calls.ts';
import type { Clock } from './codec.ts';
import { type Database, openDatabase } from './database.ts';
import { flowsRepository } from './flows.ts';
import { numbersRepository } from './numbers.ts';
import { outboxRepository } from './outbox.ts';
import { schedulesRepository } from './schedules.ts';
import { smsStatusesRepository } from './sms-statuses.ts';
import type { Store } from './types.ts';

export interface StoreOptions {
  /**
   * Time for the writes whose Store method takes no `at` (saving drafts, publishing, schedules).
   * Tests pass a fixed clock; everything else gets its time from the caller.
   */
  clock?: Clock;
}

const systemClock: Clock = () => new Date();

export function createStore(db: Kysely<Database>, options: StoreOptions = {}): Store {
  const clock = options.clock ?? systemClock;
  let closed: Promise<void> | undefined;
  return {
    flows: flowsRepository(db, clock),
    schedules: schedulesRepository(db, clock),
    numbers: numbersRepository(db),
    calls: callsRepository(db),
    outbox: outboxRepository(db),
    smsStatuses: smsStatusesRepository(db),
    close() {
      // Idempotent: main.ts's shutdown and a test's afterEach may both close.
      closed ??= db.destroy();
      return closed;
    },
  };
}

/** Opens the database at `url` (`sqlite:./data/flowcall.db`, a path, `:memory:`), migrated. */
export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
  return createStore(await openDatabase(url), options);
}
