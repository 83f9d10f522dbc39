/**
 * THE acceptance test of issue 7's workspaces: two companies, A and B, on one installation. B's
 * data is made the way B makes it (its API and live calls: testing/tenants.ts). Then A's owner —
 * logged in with a browser session, and again with an admin API token — walks EVERY /api route
 * the app registers, with B's ids in the path, the query and the body, and:
 *  - no answer holds anything of B's that A was not given (names, labels, transcripts, callers,
 *    the other call, the recording's bytes…), searched as text in every answer, CSVs included;
 *  - each of B's ids answers exactly as an id that does not exist ("ghost" ids): the same
 *    status, so A cannot even learn that it exists — except creating under a global id B owns,
 *    which is a 409 that says nothing about whose;
 *  - every write leaves B's data as it was (snapshots through B's own API before and after);
 *  - A's own lists hold A's items and none of B's.
 * A route added later without an entry in `plan` fails the first test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicRoutes } from '../auth/access.ts';
import { localRecordingStorage } from '../store/recording-storage.ts';
import { loginAs, type SessionClient } from './testing/auth-session.ts';
import { answerText, apiRoutes, probeRequest, revealed } from './testing/route-walk.ts';
import { tenantWorker } from './testing/tenant-worker.ts';
import { createTenant, populate, type Tenant, type TenantData } from './testing/tenants.ts';
import { type TestApp, testApp } from './testing/test-app.ts';
import { ghost, publicList, sessionOnly, walkPlan } from './testing/walk-plan.ts';
import { conflictWords } from './workspace-store.ts';

let app: TestApp;
let a: Tenant;
let b: Tenant;
let aData: TenantData;
let bData: TenantData;
let folder: string;
const sends: Array<{ channel: string; text: string }> = [];
let plan: ReturnType<typeof walkPlan>;

type Send = (path: string, init: RequestInit) => Promise<Response>;

/** B's data as B sees it through its own API: every list and every item. */
async function snapshotOfB(): Promise<Record<string, string>> {
  const v = bData.ids;
  const shot: Record<string, string> = {};
  const read = async (path: string) => {
    const response = await b.request(path);
    shot[path] = `${response.status} ${await answerText(response)}`;
    return shot[path];
  };
  for (const path of [
    '/api/flows',
    `/api/flows/${v.flow}`,
    `/api/flows/${v.flow}/versions/1`,
    '/api/schedules',
  ])
    await read(path);
  for (const path of [
    `/api/schedules/${v.schedule}`,
    '/api/numbers',
    `/api/numbers/${encodeURIComponent(v.number)}`,
  ])
    await read(path);
  for (const path of [
    '/api/channels',
    `/api/channels/${v.channel}`,
    '/api/contacts/tags',
    '/api/contacts/export.csv',
  ])
    await read(path);
  const contacts = JSON.parse((await read('/api/contacts')).slice(4)) as { items: Array<{ id: string }> };
  for (const contact of contacts.items) await read(`/api/contacts/${contact.id}`);
  const calls = JSON.parse((await read('/api/history/calls')).slice(4)) as { calls: Array<{ id: string }> };
  for (const call of calls.calls) {
    await read(`/api/history/calls/${call.id}`);
    await read(`/api/calls/${call.id}`);
  }
  for (const path of [
    '/api/calls',
    `/api/history/calls/${v.call}/recordings/${v.node}`,
    '/api/history/stats',
  ])
    await read(path);
  for (const path of ['/api/history/retention', '/api/history/export.json', '/api/workspace/members'])
    await read(path);
  for (const path of ['/api/workspace/invitations', '/api/workspace/tokens']) await read(path);
  return shot;
}

/** Walks every planned route as A with `send`; returns the statuses seen for B's ids, by route. */
async function walk(send: Send, routes: string[]): Promise<Map<string, number[]>> {
  const seen = new Map<string, number[]>();
  for (const route of routes) {
    const probes = plan[route]?.(bData.ids) ?? [];
    const ghostProbes = plan[route]?.(ghost) ?? [];
    for (const [i, probe] of probes.entries()) {
      const asked = probeRequest(route, probe, bData.ids);
      const response = await send(asked.path, asked.init);
      const text = await answerText(response);
      const where = `${route} ${asked.path}`;
      seen.set(route, [...(seen.get(route) ?? []), response.status]);
      expect(revealed(text, bData.secrets), `${where} revealed B's data: ${text.slice(0, 300)}`).toEqual([]);
      expect(response.status, `${where}: ${text.slice(0, 200)}`).toBeLessThan(500);
      if (probe.conflict) {
        expect(response.status, where).toBe(409);
        expect(JSON.parse(text), where).toEqual({
          error: conflictWords[probe.conflict].ja,
          errorEn: conflictWords[probe.conflict].en,
        });
        continue;
      }
      if (probe.once) continue;
      const ghostAsked = probeRequest(route, ghostProbes[i] ?? {}, ghost);
      const ghostAnswer = await send(ghostAsked.path, ghostAsked.init);
      expect(response.status, `${where} answers unlike an id that does not exist`).toBe(ghostAnswer.status);
    }
  }
  return seen;
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'flowcall-cross-'));
  const recordings = localRecordingStorage(folder);
  app = await testApp({
    deps: {
      recordings,
      sendToChannel: async (channel, message) => {
        sends.push({ channel: channel.id, text: message.text });
        return {};
      },
    },
  });
  const drain = tenantWorker(app, recordings);
  a = await createTenant(app, 'a');
  b = await createTenant(app, 'b');
  aData = await populate(app, a, 'a', '11', drain);
  bData = await populate(app, b, 'b', '22', drain);
  plan = walkPlan(aData.ids);
}, 60_000);

afterAll(async () => {
  await app.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('two workspaces on one installation', () => {
  it('the walk covers every registered /api route but the public ones', () => {
    expect([...publicList].sort()).toEqual([...publicRoutes].sort());
    const registered = apiRoutes(app).filter((route) => !publicList.includes(route));
    expect(Object.keys(plan).sort()).toEqual(registered);
  });

  it("B's data is real: calls summarised with transcripts, a stored recording, B's channel notified", async () => {
    const log = (await (await b.request('/api/history/calls')).json()) as {
      calls: Array<{ transcript: string | null; contactName: string | null; summarized: boolean }>;
    };
    expect(log.calls).toHaveLength(2);
    expect(log.calls.every((c) => c.summarized && c.transcript?.includes('bzq'))).toBe(true);
    expect(log.calls.some((c) => c.contactName?.includes('bzqcontactname'))).toBe(true);
    const recording = await b.request(`/api/history/calls/${bData.ids.call}/recordings/voicemail`);
    expect(await recording.text()).toContain(`rec-${bData.ids.call}`);
    expect(sends.filter((s) => s.channel === bData.ids.channel)).toHaveLength(2);
  });

  it("A's lists hold A's items and none of B's", async () => {
    const v = bData.ids;
    for (const [path, mine] of [
      ['/api/flows', aData.ids.flow],
      ['/api/schedules', aData.ids.schedule],
      ['/api/numbers', aData.ids.number],
      ['/api/channels', aData.ids.channel],
      ['/api/contacts', aData.ids.contact],
      ['/api/calls', aData.ids.call],
      ['/api/history/calls', aData.ids.call],
      ['/api/workspace/members', aData.ids.user],
    ] as const) {
      const text = await (await a.request(path)).text();
      expect(text, path).toContain(mine);
      for (const theirs of [v.flow, v.schedule, v.number, v.channel, v.contact, v.call, v.user])
        expect(text, `${path} lists ${theirs}`).not.toContain(theirs);
    }
  });

  it("A's owner, by session and by token, reads nothing of B's and changes nothing of B's on any route", async () => {
    const before = await snapshotOfB();
    const sentToB = sends.filter((s) => s.channel === bData.ids.channel).length;
    const routes = Object.keys(plan).filter((r) => r !== 'POST /api/auth/logout');
    const session: SessionClient = await loginAs(app, a.ownerEmail);
    // Logging out last: the session is needed until then.
    const bySession = await walk(
      (path, init) => session.request(path, init),
      [...routes, 'POST /api/auth/logout'],
    );
    const byToken = await walk((path, init) => a.request(path, init), routes);

    // Not vacuous: A was let in everywhere (refused only where B's workspace or a session is asked for).
    for (const [route, statuses] of bySession)
      expect(
        statuses.filter((s) => s === 401 || (s === 403 && route !== 'POST /api/auth/workspace')),
        route,
      ).toEqual([]);
    for (const [route, statuses] of byToken)
      expect(
        statuses.filter((s) => s === 401 || (s === 403 && !sessionOnly.includes(route))),
        route,
      ).toEqual([]);
    expect(bySession.get('GET /api/flows')).toEqual([200]);

    expect(await snapshotOfB()).toEqual(before);
    expect(sends.filter((s) => s.channel === bData.ids.channel)).toHaveLength(sentToB);
  }, 60_000);
});
