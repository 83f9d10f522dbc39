import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, openStore } from './create-store.ts';
import { openDatabase, parseDatabaseUrl } from './database.ts';
import { migrateToLatest, migrations } from './migrations/index.ts';
import { callOf, sampleFlow, stateOf, t0, tempDir } from './test-helpers.ts';

describe('database URLs', () => {
  it('reads sqlite: URLs, plain paths and :memory:', () => {
    expect(parseDatabaseUrl('sqlite:./data/flowcall.db')).toEqual({
      flavour: 'sqlite',
      location: './data/flowcall.db',
    });
    expect(parseDatabaseUrl('sqlite:///var/lib/flowcall.db')).toEqual({
      flavour: 'sqlite',
      location: '/var/lib/flowcall.db',
    });
    expect(parseDatabaseUrl('data/x.db')).toEqual({ flavour: 'sqlite', location: 'data/x.db' });
    expect(parseDatabaseUrl(':memory:')).toEqual({ flavour: 'sqlite', location: ':memory:' });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ flavour: 'sqlite', location: ':memory:' });
    expect(parseDatabaseUrl('postgres://u@h/db').flavour).toBe('postgres');
    expect(() => parseDatabaseUrl('sqlite:')).toThrow(/names no file/);
  });

  it('says clearly that PostgreSQL needs a driver this build does not have', async () => {
    await expect(openDatabase('postgresql://flowcall@localhost/flowcall')).rejects.toThrow(
      'PostgreSQL support needs the `pg` package; not installed in this build',
    );
  });
});

describe('a SQLite file database', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.cleanup());

  it("copies the WAL into the database file from a worker, not inside a webhook's commit", async () => {
    const file = join(temp.dir, 'flowcall.db');
    const store = await openStore(file);
    try {
      const before = statSync(file).size;
      // A few hundred pages: far below the main connection's own checkpoint threshold.
      for (let i = 0; i < 300; i += 1) {
        await store.calls.admit(callOf(`c${i}`), 1000, {
          events: [{ kind: 'trace', name: 'turn 1', payload: { padding: 'x'.repeat(2000) } }],
        });
      }
      const deadline = Date.now() + 5000;
      while (statSync(file).size <= before && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(statSync(file).size).toBeGreaterThan(before + 300 * 2000);
    } finally {
      await store.close();
    }
  });

  it('creates its folder, runs in WAL mode, and keeps everything across a reopen', async () => {
    const file = join(temp.dir, 'data', 'nested', 'flowcall.db');
    const clock = () => new Date(t0);
    const first = await openStore(`sqlite:${file}`, { clock });
    expect(existsSync(file)).toBe(true);
    await first.flows.saveDraft(sampleFlow('demo'));
    await first.flows.publish('demo', 'v1');
    await first.calls.admit(callOf('c'), 2);
    await first.calls.saveTurn('c', 0, stateOf('c', 1), t0, { response: [{ action: 'talk' }] });
    await first.outbox.enqueue(
      [{ kind: 'sms', idempotencyKey: 'k', callId: 'c', payload: { to: '+819012345678' } }],
      t0,
    );
    await first.close();

    const db = await openDatabase(file);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    const again = createStore(db, { clock });
    expect((await again.flows.published('demo'))?.version).toBe(1);
    expect((await again.calls.get('c'))?.state?.seq).toBe(1);
    expect(await again.calls.turnResponse('c', 0)).toEqual([{ action: 'talk' }]);
    expect(await again.outbox.list({ status: 'pending' })).toHaveLength(1);
    await again.close();
    await again.close();
  });

  it('migrates once: reopening applies nothing new', async () => {
    const file = join(temp.dir, 'm.db');
    const db = await openDatabase(file);
    expect(await migrateToLatest(db, 'sqlite')).toEqual([]);
    await db.destroy();
    const fresh = await openDatabase(join(temp.dir, 'fresh.db'), { migrate: false });
    // Every migration, in order (the list grows; the test is about applying each exactly once).
    expect(await migrateToLatest(fresh, 'sqlite')).toEqual(Object.keys(migrations('sqlite')));
    await fresh.destroy();
  });
});
