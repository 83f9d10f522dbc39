/**
 * `flowcall workspace` through the real bin/flowcall.js on a SQLite file, the way an operator
 * runs it; the printed invitation is then accepted through the real HTTP API on the same file.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember, createTestOwner } from '../auth/testing/accounts.ts';
import { createApp } from '../http/app.ts';
import { defaultConfig } from '../http/config.ts';
import { memoryLogger } from '../http/logger.ts';
import { openStore } from '../store/create-store.ts';
import { defaultWorkspaceId } from '../store/migrations/0005-accounts.ts';
import { flowcall, stackTrace, tempProject } from './test-helpers.ts';

const publicUrl = 'https://ivr.example.jp';
const project = tempProject();
const database = `sqlite:${join(project.dir, 'flowcall.db')}`;
const now = new Date('2026-11-24T12:00:00+09:00');
// The child inherits process.env: the link's base comes from FLOWCALL_PUBLIC_URL, and nothing is mailed.
const saved = { public: process.env.FLOWCALL_PUBLIC_URL, smtp: process.env.FLOWCALL_SMTP_URL };

beforeAll(async () => {
  process.env.FLOWCALL_PUBLIC_URL = publicUrl;
  delete process.env.FLOWCALL_SMTP_URL;
  const store = await openStore(database);
  await createTestOwner(store, now);
  await createMember(store, now, 'already@example.jp', 'viewer');
  await store.close();
});

afterAll(() => {
  for (const [name, value] of [
    ['FLOWCALL_PUBLIC_URL', saved.public],
    ['FLOWCALL_SMTP_URL', saved.smtp],
  ] as const)
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
});

/** Accepts an invitation as a new person, on a fresh app over the same database file. */
async function accept(token: string) {
  const store = await openStore(database);
  try {
    const config = { ...defaultConfig, publicBaseUrl: publicUrl, seedExamples: false };
    const { hono } = createApp({ store, config, clock: () => now, logger: memoryLogger() });
    const response = await hono.request(`${publicUrl}/api/auth/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, name: '佐藤 花子', password: 'a long enough password' }),
    });
    const user = await store.accounts.users.byEmail('hanako@sakura-dental.jp');
    const memberships = user ? await store.accounts.memberships.of(user.id) : [];
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, memberships };
  } finally {
    await store.close();
  }
}

describe('flowcall workspace', () => {
  it('adds a company whose owner joins by the printed invitation link, owner of that workspace only', async () => {
    const run = flowcall([
      'workspace',
      'add',
      'さくら歯科',
      '--owner',
      ' Hanako@Sakura-Dental.jp ',
      '--database',
      database,
    ]);
    expect(run.stderr).toContain('nothing was emailed');
    expect(run.status).toBe(0);
    const id = /^workspace (ws-[0-9a-f]+) さくら歯科$/m.exec(run.stdout)?.[1];
    expect(id, run.stdout).toBeDefined();
    const link = /owner invitation for hanako@sakura-dental\.jp .*: (\S+)$/m.exec(run.stdout)?.[1] ?? '';
    expect(link.startsWith(`${publicUrl}/#/invite?token=`), run.stdout).toBe(true);
    const token = new URL(link.replace('#/invite', 'invite')).searchParams.get('token')!;

    const accepted = await accept(token);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.memberships).toEqual([{ id, name: 'さくら歯科', role: 'owner' }]);
    // The link is single use.
    expect((await accept(token)).status).toBe(400);

    const listed = flowcall(['workspace', 'list', '--database', database]);
    expect(listed.status).toBe(0);
    expect(listed.lines).toEqual([`${id}\t1\tさくら歯科`, `${defaultWorkspaceId}\t2\tワークスペース`].sort());
  });

  it('makes an existing account the owner at once, with no link', async () => {
    const run = flowcall([
      'workspace',
      'add',
      '山田工務店',
      '--owner',
      'already@example.jp',
      '--database',
      database,
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('#/invite');
    const id = /^workspace (ws-[0-9a-f]+) 山田工務店$/m.exec(run.stdout)?.[1];
    const store = await openStore(database);
    const user = await store.accounts.users.byEmail('already@example.jp');
    const memberships = await store.accounts.memberships.of(user!.id);
    await store.close();
    expect(memberships).toEqual([
      { id: defaultWorkspaceId, name: 'ワークスペース', role: 'viewer' },
      { id, name: '山田工務店', role: 'owner' },
    ]);
  });

  it('refuses bad usage with exit 2 and a reason, creating nothing', async () => {
    const cases: Array<[string[], string]> = [
      [['workspace'], 'say add or list'],
      [['workspace', 'add', '--owner', 'a@example.jp'], 'needs one name'],
      [['workspace', 'add', 'A社'], 'needs --owner'],
      [['workspace', 'add', 'A社', '--owner', 'not-an-email'], 'Enter a valid email address'],
      [['workspace', 'add', 'A社', 'B社', '--owner', 'a@example.jp'], 'needs one name'],
      [
        ['workspace', 'add', 'A社', '--database', database, '--owner'],
        "Option '--owner <value>' argument missing",
      ],
      [['workspace', 'remove', 'x'], 'unknown workspace action "remove"'],
      [['workspace', 'list', '--database', join(project.dir, 'missing.db')], 'no database at'],
    ];
    for (const [args, reason] of cases) {
      const run = flowcall([...args, ...(args.includes('--database') ? [] : ['--database', database])]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(reason);
      expect(run.stderr).toContain('Usage: flowcall workspace add');
      expect(run.stderr).not.toMatch(stackTrace);
    }
    expect(flowcall(['workspace', 'list', '--database', database]).lines).toHaveLength(3);
  });
});
