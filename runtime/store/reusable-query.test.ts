import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Database, openDatabase } from './database.ts';
import { reusableQuery } from './reusable-query.ts';

let db: Kysely<Database>;
beforeEach(async () => {
  db = await openDatabase(':memory:');
});
afterEach(() => closeDatabase(db));

const setting = (key: string, value: string) =>
  db.insertInto('settings').values({ key, value, updated_at: '2026-12-06T00:00:00Z' }).execute();

describe('queries compiled once', () => {
  it('runs with new values each time and keeps the constants written into the query', async () => {
    await setting('a', 'live');
    await setting('b', 'ended');
    await setting('c', 'live');
    const find = reusableQuery(['from'], (p) =>
      db
        .selectFrom('settings')
        .select('key')
        .where('key', '>=', p.from)
        .where('value', '=', 'live')
        .orderBy('key'),
    );
    expect((await find(db, { from: 'a' })).rows.map((r) => r.key)).toEqual(['a', 'c']);
    expect((await find(db, { from: 'b' })).rows.map((r) => r.key)).toEqual(['c']);
  });

  it('refuses a query that forgets one of its values', async () => {
    const broken = reusableQuery(['key', 'value'], (p) =>
      db.selectFrom('settings').select('key').where('key', '=', p.key),
    );
    await expect(broken(db, { key: 'a', value: 'b' })).rejects.toThrow('does not use value');
  });
});
