/**
 * Crash safety, for real: `flowcall serve` on a SQLite file is killed with SIGKILL between two
 * webhooks of a call; a new process on the same file continues the call where it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { killAll, killHard, spawnServer } from './testing/spawn-server.ts';
import { eventUrlOf } from './testing/test-app.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'flowcall-restart-'));
afterAll(() => {
  killAll();
  rmSync(dir, { recursive: true, force: true });
});

/** The legacy full-access token (FLOWCALL_API_TOKEN) reads the API of the spawned servers. */
const auth = { authorization: 'Bearer restart-test-token' };

/** Starts `flowcall serve` on a free port and resolves with its URL once it listens. */
const serve = () =>
  spawnServer([join(root, 'bin', 'flowcall.js'), 'serve'], root, {
    ...process.env,
    FLOWCALL_PORT: '0',
    DATABASE_URL: `sqlite:${join(dir, 'flowcall.db')}`,
    FLOWCALL_PUBLIC_URL: 'https://ivr.example.jp',
    FLOWCALL_API_TOKEN: 'restart-test-token',
  });

describe('kill -9 between two webhooks', () => {
  it('continues the call after a restart on the same database file', async () => {
    const first = await serve();
    const answer = await fetch(
      `${first.url}/vonage/answer?to=815012345678&from=819012345678&uuid=k1&conversation_uuid=CON-k1`,
    );
    const ncco = (await answer.json()) as Array<Record<string, unknown>>;
    const input = ncco.at(-1);
    expect(input).toMatchObject({ action: 'input' });
    const eventUrl = new URL(eventUrlOf(input));
    expect(eventUrl.origin).toBe('https://ivr.example.jp');

    await killHard(first);

    const second = await serve();
    const body = JSON.stringify({
      dtmf: { digits: '1', timed_out: false },
      uuid: 'k1',
      conversation_uuid: 'CON-k1',
    });
    const next = await fetch(`${second.url}${eventUrl.pathname}${eventUrl.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(next.status).toBe(200);
    const nextNcco = (await next.json()) as Array<Record<string, unknown>>;
    // Pressing 1 sends the reservation form by SMS, open or closed: the call went on, not the fallback.
    expect(nextNcco[0]).toMatchObject({
      action: 'talk',
      text: expect.stringContaining('ショートメッセージをお送りいたしました'),
    });
    const call = (await (await fetch(`${second.url}/api/calls/k1`, { headers: auth })).json()) as {
      path: string[];
      status: string;
    };
    expect(call.path).toContain('send-form');
    second.child.kill('SIGTERM');
  }, 60_000);
});
