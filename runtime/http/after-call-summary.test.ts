/**
 * The after-call summary through the live runtime: calls placed by the Vonage emulator, the
 * real outbox worker, a signed-webhook channel on a loopback server. Sent once, with the
 * voicemail transcript when it arrives in time, without it when the time limit passes first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { channelSend, validateChannelSettings } from '../effects/channels/index.ts';
import type { LoopbackServer } from '../effects/channels/testing/loopback-http.ts';
import { loopbackServers } from '../effects/channels/testing/use-loopback.ts';
import { notifySender } from '../effects/notify-sender.ts';
import { createOutboxWorker, type OutboxWorker } from '../effects/outbox-worker.ts';
import { putWebhookChannel } from '../effects/testing/notify-fixtures.ts';
import { transcriptSender } from './runner/transcripts.ts';
import { baseUrl, demoNumber, type TestApp, testApp } from './testing/test-app.ts';
import { VonageEmulator } from './testing/vonage-emulator.ts';

const startServer = loopbackServers();
const voicemail = '山田です。明日の予約を変更したいです。';
const end = '2026-11-24T20:00:00+09:00';
const endPlus = (seconds: number) => new Date(Date.parse(end) + seconds * 1000).toISOString();

let app: TestApp;
let server: LoopbackServer;
let worker: OutboxWorker;
/** Whether Vonage serves the transcription file yet (it takes minutes in reality). */
let transcriptReady: boolean;

beforeEach(async () => {
  app = await testApp({ at: end });
  server = await startServer(() => ({ status: 200 }));
  await putWebhookChannel(app.store, `${server.url}/hook`);
  transcriptReady = true;
  const notify = notifySender({
    store: app.store,
    send: channelSend,
    validate: validateChannelSettings,
    clock: app.deps.clock,
  });
  worker = createOutboxWorker({
    store: app.store,
    clock: app.deps.clock,
    logger: app.logger,
    senders: {
      notify,
      summary: notify,
      transcript: transcriptSender(app.runner, async (url) => {
        if (!transcriptReady) throw new Error('transcription download answered 404');
        return decodeURIComponent(new URL(url).searchParams.get('text') ?? '');
      }),
    },
  });
});
afterEach(() => app.close());

/** Publishes a new version of an example flow with an after-call summary to the test channel. */
async function withSummary(flowId: string, waitSeconds = 300) {
  const flow = (await app.store.flows.get(flowId))?.draft as FlowDocument;
  await app.store.flows.saveDraft({ ...flow, afterCallSummary: { channel: 'staff', waitSeconds } });
  await app.store.flows.publish(flowId, 'summary');
}

/** After hours at the clinic: the caller leaves a voicemail and a callback number, then hangs up. */
async function voicemailCall() {
  await withSummary('clinic-after-hours');
  const emulator = new VonageEmulator({ fetch: app.fetch, baseUrl });
  return emulator.placeCall({
    from: '819012345678',
    to: '81312345678',
    script: [{ record: voicemail, seconds: 12 }, { press: '09012345678#' }],
  });
}

const summaries = () =>
  server.requests
    .map((r) => JSON.parse(r.body))
    .filter((body) => String(body.title).startsWith('通話のまとめ'));
const field = (body: { fields: Array<{ label: string; value: string }> }, label: string) =>
  body.fields.find((f) => f.label === label)?.value;

describe('after-call summary', () => {
  it('waits for the transcript and sends the summary once, with it, as soon as it arrives', async () => {
    const call = await voicemailCall();
    expect((await app.store.calls.get(call.uuid))?.status).toBe('ended');
    const [queued] = (await app.store.outbox.list({ callId: call.uuid })).filter((i) => i.kind === 'summary');
    expect(queued).toMatchObject({ status: 'pending', nextAttemptAt: endPlus(300) });

    app.setTime(endPlus(40));
    await worker.runOnce(); // fetches the transcript: the summary becomes due
    await worker.runOnce();
    expect(summaries()).toHaveLength(1);
    const [summary] = summaries();
    expect(summary.title).toBe('通話のまとめ: 090-1234-5678');
    expect(field(summary, '録音の文字起こし')).toBe(voicemail);
    expect(field(summary, '入力された番号')).toBe('090-1234-5678');
    expect(field(summary, '日時')).toBe('2026年11月24日(火) 20:00');

    app.setTime(endPlus(3600));
    await worker.runOnce();
    expect(summaries()).toHaveLength(1);
    const detail = (await (await app.request(`/api/calls/${call.uuid}`)).json()) as {
      notifications: Array<{ kind: string; status: string }>;
    };
    expect(detail.notifications).toContainEqual(
      expect.objectContaining({ kind: 'summary', channel: 'staff', status: 'sent', attempts: 1 }),
    );
  });

  it('sends it without the transcript when the time limit passes first, and not again when it lands', async () => {
    transcriptReady = false;
    const call = await voicemailCall();
    app.setTime(endPlus(299));
    await worker.runOnce();
    expect(summaries()).toHaveLength(0);

    app.setTime(endPlus(300));
    await worker.runOnce();
    expect(summaries()).toHaveLength(1);
    expect(field(summaries()[0], '録音の文字起こし')).toBeUndefined();
    expect(field(summaries()[0], '結果')).toBeDefined();

    transcriptReady = true;
    app.setTime(endPlus(3600));
    await worker.runOnce();
    expect((await app.store.calls.get(call.uuid))?.state?.vars['message.transcript']).toBe(voicemail);
    await worker.runOnce();
    expect(summaries()).toHaveLength(1);
  });

  it('sends at once after a call with no recording to wait for', async () => {
    await withSummary('restaurant');
    const emulator = new VonageEmulator({ fetch: app.fetch, baseUrl });
    await emulator.placeCall({ from: '819012345678', to: demoNumber, script: [{ hangup: true }] });
    await worker.runOnce();
    expect(summaries()).toHaveLength(1);
    expect(summaries()[0].text).toContain('090-1234-5678からのお電話が終わりました');
  });

  it('sends nothing for a flow without a summary', async () => {
    const emulator = new VonageEmulator({ fetch: app.fetch, baseUrl });
    await emulator.placeCall({ from: '819012345678', to: demoNumber, script: [{ hangup: true }] });
    await worker.runOnce();
    // Only the call log's own summary (a `history` item, no sender in this test) waits.
    const pending = await app.store.outbox.list({ status: 'pending' });
    expect(pending.filter((item) => item.kind !== 'history')).toEqual([]);
    expect(summaries()).toHaveLength(0);
  });
});
