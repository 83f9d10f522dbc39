/**
 * Group commit for the writes of webhooks. Each webhook's write is a small transaction, and
 * committing costs more than the statements in it (bench:runtime: ~60 µs of WAL writes per
 * commit). When many calls are busy at once, the writes that arrive while one batch is being
 * written wait for the next, and a whole batch commits once. Each write runs inside its own
 * savepoint, so one that fails is undone alone and only its caller sees the error; nobody is
 * told "done" before the commit that holds their write. With one write waiting (a quiet line),
 * it is the plain transaction it always was.
 */
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.ts';

export type WriteWork<T> = (trx: Transaction<Database>) => Promise<T>;

interface Pending {
  work: WriteWork<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const savepoint = CompiledQuery.raw('savepoint batched_write');
const release = CompiledQuery.raw('release savepoint batched_write');
const rollbackTo = CompiledQuery.raw('rollback to savepoint batched_write');

/** Returns `write(work)`: runs `work` in a transaction shared with the writes waiting with it. */
export function writeBatcher(db: Kysely<Database>): <T>(work: WriteWork<T>) => Promise<T> {
  let waiting: Pending[] = [];
  let writing = false;

  async function runAlone(trx: Transaction<Database>, unit: Pending): Promise<Outcome> {
    await trx.executeQuery(savepoint);
    try {
      const value = await unit.work(trx);
      await trx.executeQuery(release);
      return { ok: true, value };
    } catch (error) {
      await trx.executeQuery(rollbackTo);
      await trx.executeQuery(release);
      return { ok: false, error };
    }
  }

  async function writeBatch(): Promise<void> {
    writing = true;
    const batch = waiting;
    waiting = [];
    try {
      if (batch.length === 1) {
        const [unit] = batch as [Pending];
        await db.transaction().execute(unit.work).then(unit.resolve, unit.reject);
        return;
      }
      const outcomes = await db.transaction().execute(async (trx) => {
        const done: Outcome[] = [];
        for (const unit of batch) done.push(await runAlone(trx, unit));
        return done;
      });
      batch.forEach((unit, i) => {
        const outcome = outcomes[i] as Outcome;
        if (outcome.ok) unit.resolve(outcome.value);
        else unit.reject(outcome.error);
      });
    } catch (error) {
      // The commit itself failed (or the database is gone): nothing of the batch was kept.
      for (const unit of batch) unit.reject(error);
    } finally {
      writing = false;
      if (waiting.length > 0) setImmediate(writeBatch);
    }
  }

  return <T>(work: WriteWork<T>) =>
    new Promise<T>((resolve, reject) => {
      waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      // setImmediate, not a microtask: the webhooks whose requests were read in the same turn of
      // the event loop join this batch. While a batch is written, the next one gathers.
      if (!writing && waiting.length === 1) setImmediate(writeBatch);
    });
}
