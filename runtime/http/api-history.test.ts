/**
 * The call history API over real calls: the Vonage emulator places them through the app (an
 * answered transfer, a call after hours, one turned away with every line busy, callers who hang
 * up, a voicemail with a Japanese transcript), the real outbox worker summarises them, and the
 * log, the search, the dashboard and the CSV export must tell what happened.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxWorker, type OutboxWorker } from '../effects/outbox-worker.ts';
import { historySender } from '../history/history-sender.ts';
import { demoNumbers } from '../store/seed.ts';
import { transcriptSender } from './runner/transcripts.ts';
import { baseUrl, demoNumber, jsonPost, type TestApp, testApp } from './testing/test-app.ts';
import { VonageEmulator } from './testing/vonage-emulator.ts';

const token = 'history-token';
const auth = { authorization: `Bearer ${token}` };
const voicemail = '山田です。明日の予約を変更したいです。';
const clinicNumber = '81312345678';

let app: TestApp;
let worker: OutboxWorker;
let emulator: VonageEmulator;
const ids: Record<string, string> = {};

const get = async (path: string) => {
  const response = await app.request(path, { headers: auth });
  expect(response.status, path).toBe(200);
  return response.json() as Promise<Record<string, unknown> & { calls: CallEntry[] }>;
};

interface CallEntry {
  id: string;
  outcome: string;
  reason: string | null;
  callerDisplay: string;
  contactName: string | null;
  numberDisplay: string;
  flowName: string | null;
  durationSeconds: number | null;
  transcript: string | null;
  summarized: boolean;
}

/** Runs the outbox until nothing is due (transcripts, then the summaries they cause). */
async function drain() {
  for (let i = 0; i < 20; i += 1) {
    const run = await worker.runOnce();
    if (run.sent + run.failed === 0) return;
  }
}

async function call(
  name: string,
  at: string,
  from: string,
  to: string,
  script: Parameters<VonageEmulator['placeCall']>[0]['script'],
) {
  app.setTime(at);
  const placed = await emulator.placeCall({ from, to, script });
  ids[name] = placed.uuid;
  return placed;
}

beforeEach(async () => {
  app = await testApp({ config: { apiToken: token } });
  emulator = new VonageEmulator({ fetch: app.fetch, baseUrl });
  worker = createOutboxWorker({
    store: app.store,
    clock: app.deps.clock,
    logger: app.logger,
    senders: {
      history: historySender({ store: app.store, clock: app.deps.clock }),
      transcript: transcriptSender(app.runner, async (url) => new URL(url).searchParams.get('text') ?? ''),
      sms: async () => ({ messageUuid: 'sms-1' }),
    },
  });
  await app.store.contacts.put({ name: '田中 一郎', company: 'みやび商店', numbers: ['+818011112222'] });

  // Tuesday lunch: the shop answers the transfer.
  await call('answered', '2026-11-24T12:00:00+09:00', '818011112222', demoNumber, [
    { press: '2' },
    { transfer: 'answered' },
  ]);
  // A public holiday: closed; the caller takes the SMS with the booking form.
  await call('afterHours', '2026-11-23T12:10:00+09:00', '819055556666', demoNumber, [{ press: '1' }]);
  // The caller hangs up at the menu.
  await call('hungUp', '2026-11-24T12:20:00+09:00', '817033334444', demoNumber, [{ hangup: true }]);
  // One line only, held by a call in progress: the next caller hears the busy message.
  await app.store.numbers.put({ ...(demoNumbers[0] as (typeof demoNumbers)[number]), lines: 1 });
  app.setTime('2026-11-24T12:30:00+09:00');
  await app.request(`/vonage/answer?uuid=held&conversation_uuid=CON-held&from=817077778888&to=${demoNumber}`);
  await call('busy', '2026-11-24T12:31:00+09:00', '819099990000', demoNumber, [{ press: '1' }]);
  app.setTime('2026-11-24T12:33:00+09:00');
  await app.request(
    '/vonage/event',
    jsonPost({ uuid: 'held', conversation_uuid: 'CON-held', status: 'completed' }),
  );
  ids.held = 'held';
  // After hours at the clinic: a voicemail and a callback number.
  await call('voicemail', '2026-11-24T20:00:00+09:00', '819012345678', clinicNumber, [
    { record: voicemail, seconds: 12 },
    { press: '09012345678#' },
  ]);
  await drain();
});
afterEach(() => app.close());

describe('call history API', () => {
  it('lists the calls newest first with their outcome, reason, caller and contact', async () => {
    const { calls, next } = await get('/api/history/calls');
    expect(next).toBeNull();
    const byId = new Map(calls.map((c) => [c.id, c]));
    expect(calls.map((c) => c.id)).toEqual([
      ids.voicemail,
      ids.busy,
      ids.held,
      ids.hungUp,
      ids.answered,
      ids.afterHours,
    ]);
    expect(byId.get(ids.answered as string)).toMatchObject({
      outcome: 'transferred',
      reason: null,
      callerDisplay: '080-1111-2222',
      contactName: 'みやび商店 田中 一郎',
      numberDisplay: '050-1234-5678',
      summarized: true,
    });
    expect(byId.get(ids.afterHours as string)).toMatchObject({ outcome: 'missed', reason: 'notInOperation' });
    expect(byId.get(ids.hungUp as string)).toMatchObject({ outcome: 'missed', reason: 'userLeft' });
    expect(byId.get(ids.busy as string)).toMatchObject({
      outcome: 'missed',
      reason: 'linesBusy',
      durationSeconds: 0,
    });
    expect(byId.get(ids.held as string)).toMatchObject({
      outcome: 'missed',
      reason: 'userLeft',
      durationSeconds: 180,
    });
    expect(byId.get(ids.voicemail as string)).toMatchObject({ outcome: 'voicemail', transcript: voicemail });

    const page = await get('/api/history/calls?limit=4');
    expect(page.calls).toHaveLength(4);
    const rest = await get(`/api/history/calls?limit=4&cursor=${page.next}`);
    expect(rest.calls.map((c) => c.id)).toEqual([ids.answered, ids.afterHours]);
    expect((await get('/api/history/calls?outcome=missed&reason=userLeft')).calls.map((c) => c.id)).toEqual([
      ids.held,
      ids.hungUp,
    ]);
    expect((await get('/api/history/calls?number=03-1234-5678')).calls.map((c) => c.id)).toEqual([
      ids.voicemail,
    ]);
    expect((await get('/api/history/calls?from=2026-11-23&to=2026-11-23')).calls.map((c) => c.id)).toEqual([
      ids.afterHours,
    ]);
  });

  it('finds a call by a two-character word of its Japanese transcript, by digits and by contact name', async () => {
    const found = async (q: string) =>
      (await get(`/api/history/calls?q=${encodeURIComponent(q)}`)).calls.map((c) => c.id);
    expect(await found('予約')).toEqual([ids.voicemail]);
    expect(await found('変更したい')).toEqual([ids.voicemail]);
    expect(await found('090-1234-5678')).toEqual([ids.voicemail]);
    expect(await found('田中')).toEqual([ids.answered]);
    expect(await found('キャンセル')).toEqual([]);
  });

  it('shows one call in full: path, steps, variables, transcript, SMS and recordings', async () => {
    const detail = (await get(`/api/history/calls/${ids.voicemail}`)) as unknown as Record<
      string,
      unknown
    > & {
      steps: Array<{ nodeId: string; port?: string }>;
      recordings: unknown[];
    };
    expect(detail.path).toEqual([
      'welcome',
      'hours',
      'after-hours',
      'record-message',
      'callback-number',
      'notify-staff',
      'goodbye',
    ]);
    expect(detail.steps.find((s) => s.nodeId === 'hours')).toMatchObject({ port: 'closed' });
    expect(detail.vars).toMatchObject({ 'callback.digits': '09012345678', 'message.transcript': voicemail });
    expect(detail.recordings).toEqual([
      expect.objectContaining({
        nodeId: 'record-message',
        seconds: 12,
        transcript: voicemail,
        recorded: true,
      }),
    ]);
    const sms = (await get(`/api/history/calls/${ids.afterHours}`)).sms as Array<Record<string, unknown>>;
    expect(sms).toEqual([expect.objectContaining({ to: '+819055556666', status: 'sent' })]);
    expect((await app.request('/api/history/calls/nope', { headers: auth })).status).toBe(404);
  });

  it('counts the dashboard from the calls made', async () => {
    const stats = await get('/api/history/stats?from=2026-11-01&to=2026-11-30');
    expect(stats).toMatchObject({
      total: 6,
      completed: 0,
      transferred: 1,
      voicemail: 1,
      missed: 4,
      live: 0,
      missedByReason: expect.objectContaining({ notInOperation: 1, linesBusy: 1, userLeft: 2, noAnswer: 0 }),
      completionRate: 0.333,
    });
    expect((stats.heatmap as number[][])[2]?.[12]).toBe(4); // Tuesday 12:00–12:59
    expect(stats.byNumber).toEqual([
      expect.objectContaining({ number: '+815012345678', total: 5, transferred: 1, label: 'デモ番号 (050)' }),
      expect.objectContaining({ number: '+81312345678', total: 1, voicemail: 1 }),
    ]);
    expect(stats.averageAnswerSeconds).toBe(0);
    const days = stats.byDay as Array<{ date: string; total: number; missed: number }>;
    expect(days).toHaveLength(30);
    expect(days.find((d) => d.date === '2026-11-23')).toMatchObject({ total: 1, missed: 1 });
    expect(days.find((d) => d.date === '2026-11-24')).toMatchObject({ total: 5, missed: 3 });
    expect(days.reduce((n, d) => n + d.total, 0)).toBe(6);
    expect((await get('/api/history/stats?from=2026-11-01&to=2026-11-30&number=03-1234-5678')).total).toBe(1);
  });

  it('exports the same rows as CSV for Excel (UTF-8 with BOM, Japanese headers)', async () => {
    const response = await app.request('/api/history/export.csv', { headers: auth });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^開始日時,終了日時,通話時間\(秒\),発信者番号,発信者名/);
    expect(lines).toHaveLength(7);
    expect(lines[1]).toContain(voicemail);
    expect(lines[1]).toMatch(/^2026-11-24 20:00:00,/);
    expect(lines.find((l) => l.includes(ids.answered as string))).toContain('みやび商店 田中 一郎');
    const json = await get('/api/history/export.json?limit=2');
    expect(json.calls).toHaveLength(2);
    expect(json.calls[0]).toMatchObject({
      vars: expect.objectContaining({ 'message.transcript': voicemail }),
    });
  });

  it('turns a logged call into a flow-test case that replays to the same path', async () => {
    for (const name of ['answered', 'afterHours', 'hungUp', 'held', 'voicemail']) {
      const response = await app.request(`/api/history/calls/${ids[name]}/test-case`, {
        method: 'POST',
        headers: auth,
      });
      expect(response.status, name).toBe(200);
      const made = (await response.json()) as {
        document: { cases: Array<Record<string, unknown>> };
        replays: unknown;
      };
      expect(made.replays, name).toEqual({ passed: true, reasons: [] });
      const detail = await get(`/api/history/calls/${ids[name]}`);
      expect(made.document.cases[0]?.expect, name).toMatchObject({ path: detail.path });
    }
    const voicemailCase = (await (
      await app.request(`/api/history/calls/${ids.voicemail}/test-case`, { method: 'POST', headers: auth })
    ).json()) as { document: { cases: Array<{ script: unknown[]; at: string; from: string }> } };
    expect(voicemailCase.document.cases[0]).toMatchObject({
      at: '2026-11-24T11:00:00.000Z',
      from: '+819012345678',
      script: [{ record: voicemail, seconds: 12 }, { press: '09012345678#' }],
    });
    const busy = await app.request(`/api/history/calls/${ids.busy}/test-case`, {
      method: 'POST',
      headers: auth,
    });
    expect(busy.status).toBe(422);
  });

  it('deletes a call, all calls after a confirmation, and keeps the retention setting', async () => {
    expect(
      (await app.request(`/api/history/calls/${ids.hungUp}`, { method: 'DELETE', headers: auth })).status,
    ).toBe(204);
    expect((await app.request(`/api/history/calls/${ids.hungUp}`, { headers: auth })).status).toBe(404);
    expect((await app.request('/api/history', { method: 'DELETE', headers: auth })).status).toBe(400);
    const all = await app.request('/api/history?confirm=all', { method: 'DELETE', headers: auth });
    expect(await all.json()).toEqual({ deleted: 5 });
    expect((await get('/api/history/calls')).calls).toEqual([]);

    expect(await get('/api/history/retention')).toEqual({ months: 6 });
    const put = (months: unknown) =>
      app.request('/api/history/retention', { ...jsonPost({ months }, auth), method: 'PUT' });
    expect((await put(0)).status).toBe(422);
    expect(await (await put(12)).json()).toEqual({ months: 12 });
    expect(await get('/api/history/retention')).toEqual({ months: 12 });
  });

  it('answers only with the API token and refuses bad filters in plain words', async () => {
    expect((await app.anonymous('/api/history/calls')).status).toBe(401);
    const bad = await app.request('/api/history/calls?from=yesterday', { headers: auth });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('"from"');
    expect((await app.request('/api/history/calls?outcome=great', { headers: auth })).status).toBe(400);
    expect((await app.request('/api/history/calls?cursor=abc', { headers: auth })).status).toBe(400);
  });
});
