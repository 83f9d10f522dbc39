/**
 * Answers a request for a call's recording: the copy the worker stored (with Range support, so
 * the browser's player can seek), or — before the copy exists, or when recordings are not kept —
 * the file streamed from Vonage with the application JWT. Shared by the call log's
 * /api/history/…/recordings/:nodeId and the signed links in notifications (/recordings/…).
 */
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { saveBaseOf } from '../../schema/kinds.ts';
import type { Store } from '../store/types.ts';
import { isVonageFileUrl } from '../vonage/transcription-file.ts';
import { parseRange } from './byte-range.ts';
import type { AppDeps } from './deps.ts';

/** The Vonage file URL a call's record step saved, if any. */
export async function recordingUrlOf(
  store: Store,
  callId: string,
  nodeId: string,
): Promise<string | undefined> {
  const call = await store.calls.get(callId);
  if (!call?.state) return undefined;
  let base = nodeId;
  if (call.flowId && call.flowVersion !== null) {
    const flow = (await store.flows.version(call.flowId, call.flowVersion))?.document as
      | FlowDocument
      | undefined;
    const node = flow?.nodes.find((n) => n.id === nodeId);
    if (node?.kind !== 'record') return undefined;
    base = saveBaseOf(node);
  }
  const url = call.state.vars[`${base}.recordingUrl`];
  return url && isVonageFileUrl(url) ? url : undefined;
}

export interface RecordingRequest {
  /** The request's Range header. */
  range?: string | undefined;
  /** Offer the file as a download (the call log's mp3 button) instead of playing it inline. */
  download?: boolean;
}

function text(message: string, status: number): Response {
  return new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' },
  });
}

export async function recordingResponse(
  deps: AppDeps,
  callId: string,
  nodeId: string,
  request: RecordingRequest = {},
): Promise<Response> {
  const headers = new Headers({
    'cache-control': 'private, no-store',
    'content-disposition': request.download
      ? `attachment; filename="recording-${encodeURIComponent(callId)}-${encodeURIComponent(nodeId)}.mp3"`
      : 'inline',
  });
  const stored = await deps.recordings?.stat(callId, nodeId);
  if (deps.recordings && stored) {
    headers.set('content-type', stored.contentType);
    headers.set('accept-ranges', 'bytes');
    const range = parseRange(request.range, stored.size);
    if (range === 'unsatisfiable') {
      headers.set('content-range', `bytes */${stored.size}`);
      return new Response(null, { status: 416, headers });
    }
    if (range) {
      headers.set('content-range', `bytes ${range.start}-${range.end}/${stored.size}`);
      headers.set('content-length', String(range.end - range.start + 1));
      return new Response(deps.recordings.read(callId, nodeId, range), { status: 206, headers });
    }
    headers.set('content-length', String(stored.size));
    return new Response(deps.recordings.read(callId, nodeId), { status: 200, headers });
  }
  const url = await recordingUrlOf(deps.store, callId, nodeId);
  if (!url) return text('録音が見つかりません。 No recording was found.', 404);
  if (!deps.fetchRecording) return text('録音を取得できません（Vonage の設定がありません）。', 503);
  let upstream: Response;
  try {
    upstream = await deps.fetchRecording(url);
  } catch (error) {
    deps.logger.error('recording download failed', { callId, nodeId, error: String(error) });
    return text('録音を取得できませんでした。しばらくしてからもう一度お試しください。', 502);
  }
  headers.set('content-type', upstream.headers.get('content-type') ?? 'audio/mpeg');
  const length = upstream.headers.get('content-length');
  if (length) headers.set('content-length', length);
  return new Response(upstream.body, { status: 200, headers });
}
