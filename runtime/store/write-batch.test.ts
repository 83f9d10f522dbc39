import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Database, openDatabase } from './database.ts';
import { writeBatcher } from './write-batch.ts';

let db: Kysely<Database>;
beforeEach(async () => {
  db = await openDatabase(':memory:');
});
afterEach(() => closeDatabase(db));

const setting = (key: string, value: string) => (trx: Kysely<Database>) =>
  trx.insertInto('settings').values({ key, value, updated_at: '2026-12-06T00:00:00Z' }).execute();
const settings = async () =>
  (await db.selectFrom('settings').select(['key', 'value']).orderBy('key').execute()).map(
    (r) => `${r.key}=${r.value}`,
  );

describe('group commit of webhook writes', () => {
  it('commits writes that arrive together in one transaction and answers each', async () => {
    const write = writeBatcher(db);
    const seen: string[] = [];
    const results = await Promise.all(
      ['a', 'b', 'c'].map((key) =>
        write(async (trx) => {
          // Each write sees the ones before it in the batch (e.g. a line taken by the call before).
          seen.push((await trx.selectFrom('settings').select('key').execute()).map((r) => r.key).join(''));
          await setting(key, key.toUpperCase())(trx);
          return key;
        }),
      ),
    );
    expect(results).toEqual(['a', 'b', 'c']);
    expect(seen).toEqual(['', 'a', 'ab']);
    expect(await settings()).toEqual(['a=A', 'b=B', 'c=C']);
  });

  it('undoes only the write that failed; the others in its batch are kept', async () => {
    const write = writeBatcher(db);
    const outcomes = await Promise.allSettled([
      write(setting('a', '1')),
      write(async (trx) => {
        await setting('b', '2')(trx);
        await setting('a', 'duplicate key')(trx);
      }),
      write(setting('c', '3')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // b was written before its write failed: the savepoint took it back.
    expect(await settings()).toEqual(['a=1', 'c=3']);
  });

  it('runs a lone write as a plain transaction, rolled back whole when it fails', async () => {
    const write = writeBatcher(db);
    await expect(
      write(async (trx) => {
        await setting('a', '1')(trx);
        throw new Error('the webhook failed half-way');
      }),
    ).rejects.toThrow('half-way');
    await write(setting('b', '2'));
    expect(await settings()).toEqual(['b=2']);
  });

  it('gathers the writes that arrive while a batch is written into the next batch', async () => {
    const write = writeBatcher(db);
    const order: string[] = [];
    const first = write(async (trx) => {
      // Arrives while the first batch is being written: must wait for the next one.
      later = write(async (t) => {
        order.push('later');
        await setting('later', 'x')(t);
      });
      await setting('first', 'x')(trx);
      order.push('first');
    });
    let later: Promise<void> | undefined;
    await first;
    await later;
    expect(order).toEqual(['first', 'later']);
    expect(await settings()).toEqual(['first=x', 'later=x']);
  });
});
