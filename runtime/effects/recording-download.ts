/**
 * The outbox sender for `recording` items: download a call's recording from Vonage with the
 * application JWT (the fetcher seam, runtime/vonage/recording-file.ts) and keep a copy in the
 * recording storage (store/recording-storage.ts), so the call log plays it without Vonage and it
 * outlives Vonage's own retention. Queued by the record webhook; retried with backoff.
 */
import type { RecordingStorage } from '../store/recording-storage.ts';
import type { Store } from '../store/types.ts';
import type { RecordingFetcher } from '../vonage/recording-file.ts';
import { isVonageFileUrl } from '../vonage/transcription-file.ts';
import { PermanentError } from './errors.ts';
import type { OutboxSender } from './outbox-worker.ts';

export interface RecordingDownloadOptions {
  store: Store;
  storage: RecordingStorage;
  fetchRecording: RecordingFetcher;
}

export function recordingDownloadSender(options: RecordingDownloadOptions): OutboxSender {
  return async (item) => {
    const { nodeId, recordingUrl } = item.payload as { nodeId?: unknown; recordingUrl?: unknown };
    if (!item.callId || typeof nodeId !== 'string' || typeof recordingUrl !== 'string')
      throw new PermanentError('recording item without call, node or URL');
    // A forged record webhook must not make us fetch (and keep) any other URL.
    if (!isVonageFileUrl(recordingUrl)) throw new PermanentError(`refusing to fetch ${recordingUrl}`);
    // Deleted meanwhile (by a person or the retention period): nothing to keep.
    if (!(await options.store.calls.get(item.callId))) return { skipped: 'no such call' };
    const response = await options.fetchRecording(recordingUrl);
    if (!response.body) throw new Error('the recording download had no body');
    const stored = await options.storage.save(
      item.callId,
      nodeId,
      response.body,
      response.headers.get('content-type') ?? 'audio/mpeg',
    );
    return { bytes: stored.size };
  };
}
