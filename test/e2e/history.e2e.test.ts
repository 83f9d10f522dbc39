/**
 * The call history in the browser, after real (emulated) calls: the Vonage emulator places them
 * through the running server — an answered transfer, a transfer nobody answered, a voicemail
 * with a Japanese transcript, a caller turned away because the only line was busy, the caller
 * who held that line and hung up at the menu, and a call after hours. Then the call log must
 * show each with the right result and reason, one call opens with its path lit on the canvas,
 * a word of the transcript finds it, the dashboard's figures are those calls, the CSV export has
 * the same rows, and 「テストケースにする」 gives a flow test of the call. No console errors.
 *
 * Transcripts and recordings: the outbox worker fetches them from Vonage's file URLs with the
 * application JWT. The server here gets throwaway credentials, and this process's fetch answers
 * for api.nexmo.com (the emulator's file URLs carry the text it "heard"); every other request
 * goes through untouched.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VonageEmulator } from '../../runtime/http/testing/vonage-emulator.ts';
import { type Harness, openHarness } from './harness.ts';

const realFetch = globalThis.fetch;
const transcript = '田中です。明日の予約を三名で変更したいです。';
const receptionNumber = '+815011112222';
const closedNumber = '+815022223333';
// A few bytes that stand in for the mp3 Vonage would send.
const fakeMp3 = new Uint8Array([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0]);

function fakeVonageFiles(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (url.startsWith('https://api.nexmo.com/v1/files/tr-')) {
    const text = new URL(url).searchParams.get('text') ?? '';
    return Promise.resolve(Response.json({ channels: [{ transcript: [{ sentence: text }] }] }));
  }
  if (url.startsWith('https://api.nexmo.com/v1/files/rec-'))
    return Promise.resolve(new Response(fakeMp3, { headers: { 'content-type': 'audio/mpeg' } }));
  return realFetch(input, init);
}

const say = (id: string, text: string, next?: string) => ({
  id,
  kind: 'say',
  label: text.slice(0, 12),
  params: { text },
  ...(next ? { next: { next } } : {}),
});
const bye = { id: 'bye', kind: 'hangup', label: '終了', params: {} };

const receptionFlow = {
  schemaVersion: 1,
  id: 'e2e-reception',
  name: 'E2E 受付',
  language: 'ja-JP',
  timezone: 'Asia/Tokyo',
  start: 'welcome',
  nodes: [
    say('welcome', 'お電話ありがとうございます。', 'menu'),
    {
      id: 'menu',
      kind: 'menu',
      label: '用件メニュー',
      params: {
        prompt: '担当者は1を、伝言は2を押してください。',
        options: [
          { key: '1', label: '担当者' },
          { key: '2', label: '伝言' },
        ],
        retries: 1,
        timeoutSeconds: 5,
      },
      next: { '1': 'staff', '2': 'message', timeout: 'bye', invalid: 'bye' },
    },
    {
      id: 'staff',
      kind: 'transfer',
      label: '店長に転送',
      params: { destinations: [{ number: '090-1234-5678', label: '店長' }], ringSeconds: 20 },
      next: { failed: 'sorry' },
    },
    say('sorry', '担当者が出られませんでした。', 'bye'),
    {
      id: 'message',
      kind: 'record',
      label: '伝言の録音',
      params: { prompt: 'ご用件をどうぞ。', beep: true, maxSeconds: 60, transcribe: true, saveAs: 'message' },
      next: { done: 'thanks' },
    },
    say('thanks', '承りました。', 'bye'),
    bye,
  ].map((node, index) => ({ ...node, ui: { x: 0, y: index * 200 } })),
};

const closedFlow = {
  schemaVersion: 1,
  id: 'e2e-closed',
  name: 'E2E 休業日',
  language: 'ja-JP',
  timezone: 'Asia/Tokyo',
  start: 'hours',
  nodes: [
    {
      id: 'hours',
      kind: 'hours',
      label: '営業時間',
      params: { schedule: 'e2e-never-open' },
      next: { open: 'open', closed: 'closed' },
    },
    say('open', '営業中です。', 'bye'),
    say('closed', 'ただいま営業時間外です。', 'bye'),
    bye,
  ].map((node, index) => ({ ...node, ui: { x: index * 250, y: 0 } })),
};

const neverOpen = {
  schemaVersion: 1,
  id: 'e2e-never-open',
  name: '休業中',
  weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  closedOnPublicHolidays: true,
  special: [],
};

let h: Harness;
let page: Page;
let recordingsDir: string;
const ids: Record<string, string> = {};

/** The API as the logged-in owner (the page's session; not through the faked fetch). */
const api = (method: string, path: string, body?: unknown) => h.api(method, path, body);

interface LogEntry {
  id: string;
  outcome: string;
  reason: string | null;
  summarized: boolean;
  transcript: string | null;
}

async function placeCalls(): Promise<void> {
  await api('PUT', '/schedules/e2e-never-open', neverOpen);
  for (const flow of [receptionFlow, closedFlow]) {
    await api('POST', '/flows', flow);
    await api('POST', `/flows/${flow.id}/publish`, { comment: 'E2E' });
  }
  const number = (e164: string, flowId: string, lines: number) =>
    api('PUT', `/numbers/${encodeURIComponent(e164)}`, {
      number: e164,
      label: flowId === 'e2e-closed' ? '休業番号' : '受付番号',
      flowId,
      lines,
      smsSenderId: 'FLOWCALL',
      fallbackNumber: null,
    });
  await number(receptionNumber, 'e2e-reception', 1);
  await number(closedNumber, 'e2e-closed', 2);
  await api('POST', '/contacts', {
    name: '田中 一郎',
    company: 'みやび商店',
    numbers: ['090-1111-2222'],
    notes: '',
    tags: [],
  });

  // NCCO eventUrls carry the configured public URL (port 0 here): send them to the real port.
  const publicBase = h.server.config.publicBaseUrl;
  const emulator = new VonageEmulator({
    baseUrl: h.server.url,
    fetch: (url, init) =>
      realFetch(url.startsWith(publicBase) ? h.server.url + url.slice(publicBase.length) : url, init),
  });
  const reception = receptionNumber.slice(1);
  const place = async (
    name: string,
    from: string,
    to: string,
    script: Parameters<VonageEmulator['placeCall']>[0]['script'],
  ) => {
    ids[name] = (await emulator.placeCall({ from, to, script })).uuid;
  };
  await place('transferred', '819011112222', reception, [{ press: '1' }, { transfer: 'answered' }]);
  await place('noAnswer', '818033334444', reception, [{ press: '1' }, { transfer: 'no-answer' }]);
  await place('voicemail', '817055556666', reception, [{ press: '2' }, { record: transcript, seconds: 9 }]);
  // The only line is held by a call waiting at the menu; the next caller is turned away.
  const held = new URLSearchParams({
    uuid: 'e2e-held',
    conversation_uuid: 'CON-e2e-held',
    from: '819077778888',
    to: reception,
  });
  expect((await realFetch(`${h.server.url}/vonage/answer?${held}`)).status).toBe(200);
  await place('linesBusy', '819099990000', reception, [{ press: '1' }]);
  // Then the holder hangs up at the menu.
  const hangup = await realFetch(`${h.server.url}/vonage/event`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ uuid: 'e2e-held', conversation_uuid: 'CON-e2e-held', status: 'completed' }),
  });
  expect(hangup.status).toBeLessThan(300);
  ids.userLeft = 'e2e-held';
  await place('closed', '819012120000', closedNumber.slice(1), []);

  // The outbox worker summarises each call, and the voicemail again once its transcript is in.
  let calls: LogEntry[] = [];
  const done = () =>
    calls.length === 6 &&
    calls.every((c) => c.summarized) &&
    calls.find((c) => c.id === ids.voicemail)?.transcript === transcript;
  for (let waited = 0; !done(); waited += 250) {
    if (waited > 30_000) throw new Error(`the calls were not summarised: ${JSON.stringify(calls)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    ({ calls } = (await api('GET', '/history/calls')) as { calls: LogEntry[] });
  }
}

const logRow = (id: string) => page.locator(`[data-testid="call-log"] tbody tr[data-call-id="${id}"]`);
const logIds = () =>
  page
    .locator('[data-testid="call-log"] tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-call-id')));

async function downloaded(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

beforeAll(async () => {
  recordingsDir = mkdtempSync(join(tmpdir(), 'flowcall-e2e-recordings-'));
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  // Before the server starts: its Vonage file fetchers take the fetch of that moment.
  globalThis.fetch = fakeVonageFiles as typeof fetch;
  h = await openHarness({
    env: {
      VONAGE_APPLICATION_ID: 'e2e-application',
      VONAGE_PRIVATE_KEY: privateKey,
      FLOWCALL_RECORDINGS_DIR: recordingsDir,
    },
  });
  page = h.page;
  await placeCalls();
});
afterAll(async () => {
  await h?.close();
  globalThis.fetch = realFetch;
  rmSync(recordingsDir, { recursive: true, force: true });
});

describe('the call history', () => {
  it('lists every call with its result and reason in plain Japanese, newest first', async () => {
    await page.goto(`${h.server.url}/#/history`);
    await page.getByRole('heading', { name: '通話履歴', level: 1 }).waitFor();
    await expect.poll(logIds).toEqual([
      ids.closed,
      // Turned away after the held call had started: newer than it.
      ids.linesBusy,
      ids.userLeft,
      ids.voicemail,
      ids.noAnswer,
      ids.transferred,
    ]);
    const result = (id: string) => logRow(id).locator('.outcome').textContent();
    expect(await result(ids.transferred as string)).toBe('転送');
    expect(await result(ids.noAnswer as string)).toBe('不在: 応答なし');
    expect(await result(ids.voicemail as string)).toBe('留守電');
    expect(await result(ids.linesBusy as string)).toBe('不在: 回線が埋まっていた');
    expect(await result(ids.userLeft as string)).toBe('不在: 途中で切れた');
    expect(await result(ids.closed as string)).toBe('不在: 時間外');
    // The contact book's name for a known caller, the number as written in Japan otherwise.
    await logRow(ids.transferred as string)
      .getByText('田中 一郎', { exact: false })
      .first()
      .waitFor();
    await logRow(ids.noAnswer as string)
      .getByText('080-3333-4444')
      .waitFor();
    await logRow(ids.closed as string)
      .getByText('050-2222-3333', { exact: false })
      .first()
      .waitFor();
    await logRow(ids.transferred as string)
      .getByText('着信')
      .waitFor();
  });

  it('finds the voicemail by a word of its Japanese transcript, and a caller by name', async () => {
    const search = page.getByTestId('history-search');
    await search.fill('予約');
    await expect.poll(logIds).toEqual([ids.voicemail]);
    await search.fill('田中 一郎');
    await expect.poll(logIds).toEqual([ids.transferred]);
    await search.fill('');
    await page.getByTestId('history-result-filter').selectOption('missed:linesBusy');
    await expect.poll(logIds).toEqual([ids.linesBusy]);
    await page.getByTestId('history-result-filter').selectOption('missed');
    await expect.poll(async () => (await logIds()).length).toBe(4);
    await page.getByRole('button', { name: '条件をクリア' }).click();
    await expect.poll(async () => (await logIds()).length).toBe(6);
  });

  it('exports the same calls as a CSV that Excel opens (UTF-8 with BOM)', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('history-export-csv').click(),
    ]);
    const csv = await downloaded(download);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('開始日時');
    const rows = lines.slice(1);
    expect(rows).toHaveLength(6);
    // The call id is the last column; the rows are the log's rows, in the log's order.
    expect(rows.map((line) => line.slice(line.lastIndexOf(',') + 1))).toEqual(await logIds());
    expect(rows.find((line) => line.endsWith(ids.voicemail as string))).toContain(transcript);
    expect(rows.find((line) => line.endsWith(ids.linesBusy as string))).toContain('不在');
  });

  it('opens a call with the keyboard and shows its path on the flow canvas, transcript and recording', async () => {
    await logRow(ids.voicemail as string)
      .getByRole('link', { name: /からの通話の詳細/ })
      .focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '通話の詳細', level: 1 }).waitFor();
    const canvas = page.getByTestId('call-path-canvas');
    const step = (id: string) => canvas.locator(`.react-flow__node[data-id="${id}"] > div`);
    await step('message').waitFor();
    for (const id of ['welcome', 'menu', 'message', 'thanks', 'bye'])
      await expect.poll(() => step(id).getAttribute('class')).toMatch(/fc-sim-path|fc-sim-active/);
    for (const id of ['staff', 'sorry'])
      await expect.poll(() => step(id).getAttribute('class')).toContain('fc-sim-dim');
    // The steps in order, as words.
    const steps = await page
      .getByTestId('call-steps')
      .locator('li')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-node-id')));
    expect(steps).toEqual(['welcome', 'menu', 'message', 'thanks', 'bye']);
    // Read only: dragging a step only pans the view; the step stays where it is among the others.
    const offset = async () => {
      const [menu, welcome] = [await step('menu').boundingBox(), await step('welcome').boundingBox()];
      return {
        x: Math.round((menu?.x ?? 0) - (welcome?.x ?? 0)),
        y: Math.round((menu?.y ?? 0) - (welcome?.y ?? 0)),
      };
    };
    const before = await offset();
    const box = await step('menu').boundingBox();
    await page.mouse.move((box?.x ?? 0) + 20, (box?.y ?? 0) + 10);
    await page.mouse.down();
    await page.mouse.move((box?.x ?? 0) + 220, (box?.y ?? 0) + 110, { steps: 5 });
    await page.mouse.up();
    expect(await offset()).toEqual(before);

    const recording = page.getByTestId('call-recording');
    await recording.getByText(transcript).waitFor();
    await expect.poll(() => recording.locator('audio').getAttribute('src')).toContain('/recordings/message');
    const [mp3] = await Promise.all([
      page.waitForEvent('download'),
      recording.getByRole('button', { name: 'mp3をダウンロード' }).click(),
    ]);
    expect(mp3.suggestedFilename()).toMatch(/\.mp3$/);
    await page.getByTestId('call-facts').getByText('2(伝言)').waitFor();
  });

  it('turns the call into a flow test case with one click', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('make-test-case').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^e2e-reception\..+\.test\.json$/);
    const document = JSON.parse(await downloaded(download)) as {
      flow: string;
      cases: Array<{ script: unknown[]; expect: { path?: string[] } }>;
    };
    expect(document.flow).toBe('flow.json');
    expect(document.cases[0]?.script).toEqual([{ press: '2' }, { record: transcript, seconds: 9 }]);
    expect(document.cases[0]?.expect.path).toEqual(['welcome', 'menu', 'message', 'thanks', 'bye']);
    await page.getByText(/を保存しました/).waitFor();
  });

  it('shows the dashboard with exactly the calls made', async () => {
    await page.getByRole('link', { name: '集計' }).click();
    await page.getByRole('heading', { name: '集計', level: 1 }).waitFor();
    const figure = (id: string) => page.locator(`[data-figure="${id}"] dd`).textContent();
    await expect.poll(() => figure('total')).toBe('6');
    expect(await figure('completed')).toBe('0');
    expect(await figure('transferred')).toBe('1');
    expect(await figure('voicemail')).toBe('1');
    expect(await figure('missed')).toBe('4');
    expect(await figure('completionRate')).toBe('33.3%');
    const reasons = await page
      .getByTestId('missed-reasons')
      .locator('li')
      .evaluateAll((items) =>
        items.map((i) => `${i.getAttribute('data-reason')}=${i.querySelector('strong')?.textContent}`),
      );
    expect(reasons.sort()).toEqual(['linesBusy=1', 'noAnswer=1', 'notInOperation=1', 'userLeft=1']);
    // Every call sits in one hour of the heatmap.
    const cells = await page.getByTestId('heatmap').locator('td.heat').allTextContents();
    expect(cells.reduce((sum, text) => sum + (Number(text) || 0), 0)).toBe(6);
    const byNumber = await page.getByTestId('stats-by-number').locator('tbody tr').allTextContents();
    expect(byNumber).toHaveLength(2);
    expect(byNumber[0]).toContain('050-1111-2222');
    // The chart library arrives in its own chunk and draws the missed calls by reason.
    await page.getByTestId('chart-missed').waitFor();
    // Calls per day: all six today (Japanese date), which the chart's description reads out.
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    await expect
      .poll(() => page.getByTestId('chart-per-day').getAttribute('aria-label'))
      .toContain(`${today}: 6件`);
    await page.getByRole('radio', { name: '今日' }).check();
    await expect.poll(() => figure('total')).toBe('6');
  });

  it('speaks English when switched', async () => {
    await page.getByRole('button', { name: '表示言語' }).click();
    await page.getByRole('heading', { name: 'Statistics', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Call log' }).click();
    await expect
      .poll(() =>
        logRow(ids.linesBusy as string)
          .locator('.outcome')
          .textContent(),
      )
      .toBe('Missed: lines busy');
    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('heading', { name: '通話履歴', level: 1 }).waitFor();
  });

  it('keeps history for the months chosen, deletes one call, then all after the typed confirmation', async () => {
    const months = page.getByTestId('retention-months');
    await expect.poll(() => months.inputValue()).toBe('6');
    await months.fill('12');
    await months.press('Enter');
    await page.getByText('保存期間を12か月にしました。').waitFor();
    expect(await api('GET', '/history/retention')).toEqual({ months: 12 });

    await logRow(ids.closed as string)
      .getByRole('button', { name: /を削除$/ })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: '削除する' }).click();
    await expect.poll(async () => (await logIds()).length).toBe(5);
    expect(await logIds()).not.toContain(ids.closed);

    await page.getByRole('button', { name: 'すべての履歴を削除' }).click();
    const dialog = page.getByRole('dialog', { name: 'すべての通話履歴を削除しますか?' });
    const submit = dialog.getByRole('button', { name: '削除する' });
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByLabel(/と入力してください/).fill('すべて削除');
    await submit.click();
    await page.getByText('5件の通話を削除しました。').waitFor();
    await page.getByText('まだ通話はありません', { exact: false }).waitFor();
    expect(h.consoleProblems).toEqual([]);
  });
});
