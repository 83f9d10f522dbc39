/**
 * Restart safety of notifications, for real: the server process is killed with SIGKILL while
 * it is sending a notification to a channel that keeps failing; a new process on the same
 * database file and key finishes the retries. The channel receives exactly one message.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startLoopbackServer } from '../effects/channels/testing/loopback-http.ts';
import { notifyDemoFlow, webhookSecret } from '../effects/testing/notify-fixtures.ts';
import { killAll, killHard, spawnServer } from './testing/spawn-server.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'flowcall-notify-restart-'));
afterAll(() => {
  killAll();
  rmSync(dir, { recursive: true, force: true });
});

const env = {
  ...process.env,
  FLOWCALL_PORT: '0',
  DATABASE_URL: `sqlite:${join(dir, 'flowcall.db')}`,
  FLOWCALL_PUBLIC_URL: 'https://ivr.example.jp',
  FLOWCALL_SECRET_KEY: randomBytes(32).toString('base64'),
  FLOWCALL_TEST_CLOCK_BASE: String(Date.now()),
  FLOWCALL_TEST_CLOCK_SPEED: '100',
  FLOWCALL_API_TOKEN: 'notify-restart-token',
};
/** The legacy full-access token (FLOWCALL_API_TOKEN) drives the API of the spawned servers. */
const auth = { authorization: 'Bearer notify-restart-token' };

/** The real server, with a clock 100 times faster so the retries take milliseconds. */
const serve = () =>
  spawnServer(['--import', 'tsx', join(root, 'runtime/http/testing/serve-fast-clock.ts')], root, env);

const put = (url: string, body: unknown) =>
  fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify(body),
  });

describe('kill -9 in the middle of a notification’s retries', () => {
  it('loses nothing and duplicates nothing', async () => {
    // 500, then no answer at all (the server dies mid-send), 500, then 200.
    const answered: number[] = [];
    const channel = await startLoopbackServer((_, index) => {
      if (index === 1) return 'hang';
      const status = index < 3 ? 500 : 200;
      answered.push(status);
      return { status };
    });
    try {
      const first = await serve();
      expect(
        (
          await put(`${first.url}/api/channels/staff`, {
            name: 'スタッフ',
            type: 'webhook',
            settings: { url: `${channel.url}/hook`, secret: webhookSecret },
          })
        ).status,
      ).toBe(201);
      await put(`${first.url}/api/flows/notify-demo`, notifyDemoFlow('staff'));
      await fetch(`${first.url}/api/flows/notify-demo/publish`, { method: 'POST', headers: auth });
      await put(`${first.url}/api/numbers/05098765432`, { label: 'テスト', flowId: 'notify-demo', lines: 1 });
      const answer = await fetch(
        `${first.url}/vonage/answer?to=815098765432&from=819012345678&uuid=r1&conversation_uuid=CON-r1`,
      );
      expect(answer.status).toBe(200);

      await vi.waitFor(() => expect(channel.requests).toHaveLength(2), { timeout: 15_000, interval: 50 });
      await killHard(first);

      const second = await serve();
      await vi.waitFor(() => expect(answered).toContain(200), { timeout: 15_000, interval: 50 });
      // Long enough for any duplicate: many backoff periods and leases of the fast clock.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(answered.filter((status) => status === 200)).toHaveLength(1);
      expect(channel.requests).toHaveLength(4);
      expect(new Set(channel.requests.map((r) => JSON.parse(r.body).title))).toEqual(
        new Set(['着信: 090-1234-5678']),
      );
      const detail = (await (await fetch(`${second.url}/api/calls/r1`, { headers: auth })).json()) as {
        notifications: Array<{ status: string; channel: string }>;
      };
      expect(detail.notifications).toEqual([
        expect.objectContaining({ kind: 'notify', channel: 'staff', status: 'sent' }),
      ]);
      const health = (await (await fetch(`${second.url}/api/channels/staff`, { headers: auth })).json()) as {
        health: { status: string };
      };
      expect(health.health.status).toBe('ok');
      second.child.kill('SIGTERM');
    } finally {
      await channel.close();
    }
  }, 60_000);
});
