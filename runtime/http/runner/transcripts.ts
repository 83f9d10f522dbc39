/**
 * The outbox sender for `transcript` items: download the text Vonage transcribed and give it to
 * the call as late recording details (`{{node.transcript}}`, the call log).
 */
import { PermanentError } from '../../effects/errors.ts';
import type { OutboxSender } from '../../effects/outbox-worker.ts';
import { historyTranscriptItem } from '../../store/history-queue.ts';
import { isVonageFileUrl, type TranscriptFetcher } from '../../vonage/transcription-file.ts';
import { afterRecordingDetails } from './after-call.ts';
import type { CallRunner } from './call-runner.ts';

export function transcriptSender(runner: CallRunner, fetchTranscript: TranscriptFetcher): OutboxSender {
  return async (item) => {
    const { nodeId, transcriptionUrl } = item.payload as { nodeId?: unknown; transcriptionUrl?: unknown };
    if (!item.callId || typeof nodeId !== 'string' || typeof transcriptionUrl !== 'string') {
      throw new PermanentError('transcript item without call, node or URL');
    }
    if (!isVonageFileUrl(transcriptionUrl)) throw new PermanentError(`refusing to fetch ${transcriptionUrl}`);
    const transcript = await fetchTranscript(transcriptionUrl);
    await runner.advance(
      item.callId,
      undefined,
      { type: 'transcribed', nodeId, transcript },
      { wantsNcco: false },
    );
    await runner.deps.store.calls.addEvent(
      item.callId,
      'webhook',
      `transcript:${nodeId}`,
      { transcript },
      runner.deps.clock().toISOString(),
    );
    // The call log shows the transcript and finds the call by its words: summarise it again.
    await runner.deps.store.outbox.enqueue(
      [historyTranscriptItem(item.callId, nodeId)],
      runner.deps.clock().toISOString(),
    );
    // The summary may have been waiting for this transcript.
    await afterRecordingDetails(runner, item.callId);
    return { characters: transcript.length };
  };
}
