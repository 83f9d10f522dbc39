/**
 * Test-only: the outbox worker of a real server for a test app — the call log's summaries,
 * transcripts, stored recordings and notifications — with fakes only at the edges: files "from
 * Vonage" (a transcript is the URL's ?text=, a recording's bytes name its file) and the app's
 * own channel sender. `drain()` runs it until nothing is due.
 */
import { notifySender } from '../../effects/notify-sender.ts';
import { createOutboxWorker, type OutboxSenders } from '../../effects/outbox-worker.ts';
import { recordingDownloadSender } from '../../effects/recording-download.ts';
import { historySender } from '../../history/history-sender.ts';
import type { RecordingStorage } from '../../store/recording-storage.ts';
import { transcriptSender } from '../runner/transcripts.ts';
import type { TestApp } from './test-app.ts';

/** The outbox worker of a real server, with fakes at the edges (files from "Vonage", a channel sender). */
export function tenantWorker(app: TestApp, recordings: RecordingStorage) {
  const senders: OutboxSenders = {
    history: historySender({ store: app.store, clock: app.deps.clock }),
    transcript: transcriptSender(app.runner, async (url) => new URL(url).searchParams.get('text') ?? ''),
    sms: async () => ({ messageUuid: `sms-${Math.random()}` }),
    recording: recordingDownloadSender({
      store: app.store,
      storage: recordings,
      // The recording's bytes say whose call it was.
      fetchRecording: async (url) =>
        new Response(`audio of ${new URL(url).pathname}`, { headers: { 'content-type': 'audio/mpeg' } }),
    }),
  };
  if (app.deps.sendToChannel)
    senders.notify = senders.summary = notifySender({
      store: app.store,
      send: app.deps.sendToChannel,
      clock: app.deps.clock,
    });
  const worker = createOutboxWorker({ store: app.store, clock: app.deps.clock, logger: app.logger, senders });
  return async function drain(): Promise<void> {
    for (let i = 0; i < 20; i += 1) {
      const run = await worker.runOnce();
      if (run.sent + run.failed === 0) return;
    }
  };
}
