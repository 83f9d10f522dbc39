/**
 * Recordings in the call log: the record webhook queues a download, the worker fetches the file
 * through the Vonage seam (a fake answering bytes) into a real folder, and the API plays it back
 * with Range requests (a browser's player seeks with them) — as do the signed links in
 * notifications. Deleting the call or purging it removes the file.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxWorker, type OutboxWorker } from '../effects/outbox-worker.ts';
import { recordingDownloadSender } from '../effects/recording-download.ts';
import { purgeExpiredHistory } from '../history/retention.ts';
import { localRecordingStorage, type RecordingStorage } from '../store/recording-storage.ts';
import { tempDir } from '../store/test-helpers.ts';
import { recordingLinks } from './recording-links.ts';
import { baseUrl, type TestApp, testApp } from './testing/test-app.ts';
import { VonageEmulator } from './testing/vonage-emulator.ts';

const audio = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
let app: TestApp;
let worker: OutboxWorker;
let folder: ReturnType<typeof tempDir>;
let storage: RecordingStorage;
let fetched: string[];
let callId: string;

beforeEach(async () => {
  folder = tempDir();
  storage = localRecordingStorage(folder.dir);
  fetched = [];
  const fetchRecording = async (url: string) => {
    fetched.push(url);
    return new Response(audio, { headers: { 'content-type': 'audio/mpeg' } });
  };
  app = await testApp({
    at: '2026-11-24T20:00:00+09:00',
    deps: {
      recordings: storage,
      fetchRecording,
      recordingLinks: recordingLinks({
        secretKey: randomBytes(32),
        publicBaseUrl: baseUrl,
        ttlSeconds: 3600,
        clock: () => app.deps.clock(),
      }),
    },
  });
  worker = createOutboxWorker({
    store: app.store,
    clock: app.deps.clock,
    logger: app.logger,
    senders: { recording: recordingDownloadSender({ store: app.store, storage, fetchRecording }) },
  });
  const emulator = new VonageEmulator({ fetch: app.fetch, baseUrl });
  const call = await emulator.placeCall({
    from: '819012345678',
    to: '81312345678',
    script: [{ record: 'お世話になっております。', seconds: 8 }, { press: '09012345678#' }],
  });
  callId = call.uuid;
});
afterEach(async () => {
  await app.close();
  folder.cleanup();
});

const recordingPath = () => `/api/history/calls/${callId}/recordings/record-message`;

describe('recordings in the call history', () => {
  it('keeps a copy fetched by the worker and plays it with Range requests', async () => {
    // Before the copy exists, the file comes from Vonage.
    expect((await app.request(recordingPath())).status).toBe(200);
    fetched = [];
    await worker.runOnce();
    expect(fetched).toEqual([`https://api.nexmo.com/v1/files/rec-${callId}`]);

    const whole = await app.request(recordingPath());
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/mpeg');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer()).equals(audio)).toBe(true);

    const part = await app.request(recordingPath(), { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(Buffer.from(await part.arrayBuffer()).equals(audio.subarray(100, 200))).toBe(true);
    const tail = await app.request(recordingPath(), { headers: { range: 'bytes=-10' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(audio.subarray(990))).toBe(true);
    const beyond = await app.request(recordingPath(), { headers: { range: 'bytes=5000-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */1000');

    const download = await app.request(`${recordingPath()}?download`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="recording-.+\.mp3"$/);
    // The signed link in a notification serves the same copy: Vonage is not asked again.
    const link = app.deps.recordingLinks?.link(callId, 'record-message') ?? '';
    const linked = await app.fetch(link, { headers: { range: 'bytes=0-9' } });
    expect(linked.status).toBe(206);
    expect(fetched).toHaveLength(1);

    const detail = (await (await app.request(`/api/history/calls/${callId}`)).json()) as {
      recordings: Array<{ stored: boolean; size: number }>;
    };
    expect(detail.recordings).toEqual([expect.objectContaining({ stored: true, size: 1000 })]);
  });

  it('removes the copy with the call, and with calls past the retention period', async () => {
    await worker.runOnce();
    expect(readdirSync(folder.dir)).toHaveLength(1);
    app.setTime('2026-11-24T21:00:00+09:00');
    expect((await app.request(`/api/history/calls/${callId}`, { method: 'DELETE' })).status).toBe(204);
    expect(readdirSync(folder.dir)).toHaveLength(0);
    expect((await app.request(recordingPath())).status).toBe(404);

    const emulator = new VonageEmulator({ fetch: app.fetch, baseUrl });
    const again = await emulator.placeCall({
      from: '819012345678',
      to: '81312345678',
      script: [{ record: 'もう一度', seconds: 3 }, { press: '09012345678#' }],
    });
    await worker.runOnce();
    expect(readdirSync(folder.dir)).toHaveLength(1);
    // Six months and a day later, the daily purge deletes the call and its recording.
    app.setTime('2027-05-25T21:00:00+09:00');
    expect(await purgeExpiredHistory({ store: app.store, recordings: storage, clock: app.deps.clock })).toBe(
      1,
    );
    expect(await app.store.calls.get(again.uuid)).toBeUndefined();
    expect(existsSync(folder.dir) && readdirSync(folder.dir)).toEqual([]);
  });
});
