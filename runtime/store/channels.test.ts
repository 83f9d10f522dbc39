import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretBox } from '../effects/secret-box.ts';
import { createStore, openStore } from './create-store.ts';
import { openDatabase } from './database.ts';
import { seedExamples } from './seed.ts';
import { t0, tempDir, testClock } from './test-helpers.ts';
import type { Store } from './types.ts';

const webhookUrl = 'https://hooks.slack.com/services/T0AAAA/B0BBBB/secretTokenXYZ123';
const slack = { id: 'staff', name: 'スタッフ(Slack)', type: 'slack' as const, settings: { webhookUrl } };

describe('channels in the store', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: Store;
  const key = randomBytes(32);
  const file = () => join(temp.dir, 'flowcall.db');
  beforeEach(async () => {
    temp = tempDir();
    store = await openStore(file(), { clock: testClock(), secretBox: createSecretBox(key) });
  });
  afterEach(async () => {
    await store.close();
    temp.cleanup();
  });

  it('keeps secrets sealed in the database file and shows only their names', async () => {
    const saved = await store.channels.put({
      id: 'mail',
      name: '事務所メール',
      type: 'email',
      settings: {
        host: 'smtp.example.jp',
        port: 587,
        secure: false,
        user: 'office',
        password: 'p@ss-Word-42',
        from: 'ivr@example.jp',
        to: ['office@example.jp'],
      },
    });
    expect(saved.settings).toEqual({
      host: 'smtp.example.jp',
      port: 587,
      secure: false,
      user: 'office',
      from: 'ivr@example.jp',
      to: ['office@example.jp'],
    });
    expect(saved.secretsSet).toEqual(['password']);
    expect(JSON.stringify(await store.channels.list())).not.toContain('p@ss-Word-42');

    // The bytes on disk (database and write-ahead log) hold the host, never the password.
    const onDisk = () =>
      ['', '-wal']
        .filter((suffix) => existsSync(file() + suffix))
        .map((suffix) => readFileSync(file() + suffix).toString('latin1'))
        .join('');
    expect(onDisk()).toContain('smtp.example.jp');
    expect(onDisk()).not.toContain('p@ss-Word-42');

    expect((await store.channels.reveal('mail'))?.settings).toMatchObject({
      password: 'p@ss-Word-42',
      host: 'smtp.example.jp',
    });
  });

  it('opens secrets after a restart with the same key, and refuses with another key', async () => {
    await store.channels.put(slack);
    await store.close();
    store = await openStore(file(), { clock: testClock(), secretBox: createSecretBox(key) });
    expect((await store.channels.reveal('staff'))?.settings).toEqual({ webhookUrl });

    const other = await openStore(file(), {
      clock: testClock(),
      secretBox: createSecretBox(randomBytes(32)),
    });
    await expect(other.channels.reveal('staff')).rejects.toThrow(/FLOWCALL_SECRET_KEY differs/);
    // Listing needs no key at all.
    expect((await other.channels.list()).map((c) => c.secretsSet)).toEqual([['webhookUrl']]);
    await other.close();
  });

  it('cannot store a secret without a key, but lists and stores channels without secrets', async () => {
    const keyless = createStore(await openDatabase(':memory:'), { clock: testClock() });
    await expect(keyless.channels.put(slack)).rejects.toThrow(/FLOWCALL_SECRET_KEY/);
    await keyless.channels.put({ ...slack, settings: {} });
    expect(await keyless.channels.list()).toMatchObject([{ id: 'staff', secretsSet: [] }]);
    await keyless.close();
  });

  it('flags a channel as failing after three failed attempts in a row, and ok after a success', async () => {
    await store.channels.put(slack);
    expect((await store.channels.get('staff'))?.health).toEqual({
      status: 'unknown',
      consecutiveFailures: 0,
      lastError: null,
      lastErrorAt: null,
      lastSuccessAt: null,
    });
    const at = (s: number) => new Date(Date.parse(t0) + s * 1000).toISOString();
    for (const s of [1, 2])
      await store.channels.recordAttempt('staff', { ok: false, error: 'Slack answered 500' }, at(s));
    expect((await store.channels.get('staff'))?.health).toMatchObject({
      status: 'unknown',
      consecutiveFailures: 2,
    });
    await store.channels.recordAttempt('staff', { ok: false, error: 'Slack answered 503' }, at(3));
    expect((await store.channels.get('staff'))?.health).toEqual({
      status: 'failing',
      consecutiveFailures: 3,
      lastError: 'Slack answered 503',
      lastErrorAt: at(3),
      lastSuccessAt: null,
    });
    // Editing the channel keeps its record; the next good send clears the flag.
    await store.channels.put({ ...slack, name: '新しい名前' });
    expect((await store.channels.get('staff'))?.health.status).toBe('failing');
    await store.channels.recordAttempt('staff', { ok: true }, at(4));
    expect((await store.channels.get('staff'))?.health).toMatchObject({
      status: 'ok',
      consecutiveFailures: 0,
      lastSuccessAt: at(4),
      lastError: 'Slack answered 503',
    });
  });

  it('deletes a channel', async () => {
    await store.channels.put(slack);
    expect(await store.channels.delete('staff')).toBe(true);
    expect(await store.channels.delete('staff')).toBe(false);
    expect(await store.channels.reveal('staff')).toBeUndefined();
  });
});

describe('example channels on first start', () => {
  it('are placeholders with no settings, which the example flows can name', async () => {
    const store = await openStore(':memory:', { clock: testClock() });
    const examples = join(import.meta.dirname, '..', '..', 'examples');
    const result = await seedExamples(store, examples);
    expect(result.channels.sort()).toEqual(['clinic-chatwork', 'office-line-works', 'support-teams']);
    expect(await store.channels.get('clinic-chatwork')).toMatchObject({
      name: '受付スタッフ(Chatwork)',
      type: 'chatwork',
      settings: {},
      secretsSet: [],
      health: { status: 'unknown' },
    });
    await store.close();
  });
});
