/**
 * Vonage recording files, fetched with an application JWT and handed on as a stream (the
 * recording link streams them to staff; nothing is written to disk). @vonage/voice's
 * downloadRecording only saves to a file path, so this uses the same JWT the SDK would send.
 * Only Vonage's own hosts are fetched, so a forged webhook cannot make us request other URLs.
 */
import { tokenGenerate } from '@vonage/jwt';
import { isVonageFileUrl, type VonageCredentials } from './transcription-file.ts';

/** Answers the file as a streaming Response; throws when Vonage refuses or is unreachable. */
export type RecordingFetcher = (url: string) => Promise<Response>;

export function vonageRecordingFetcher(
  credentials: VonageCredentials,
  fetchImpl: typeof fetch = fetch,
): RecordingFetcher {
  return async (url) => {
    if (!isVonageFileUrl(url)) throw new Error(`not a Vonage file URL: ${url}`);
    const token = tokenGenerate(credentials.applicationId, credentials.privateKey);
    // A deadline for Vonage to start answering, not for the whole body: a long recording may
    // take longer than that to stream to a slow phone.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('Vonage did not answer in 15 s')), 15_000);
    try {
      const response = await fetchImpl(url, {
        headers: { authorization: `Bearer ${token}` },
        signal: controller.signal,
      });
      if (!response.ok) throw new Error(`recording download answered ${response.status}`);
      return response;
    } finally {
      clearTimeout(timer);
    }
  };
}
