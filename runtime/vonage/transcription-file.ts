/**
 * Vonage transcription files: fetched with an application JWT, then turned into plain text.
 * Only Vonage's own hosts are fetched, so a forged webhook cannot make us request other URLs.
 */
import { tokenGenerate } from '@vonage/jwt';

export interface VonageCredentials {
  applicationId: string;
  privateKey: string;
}

const vonageHost = /(^|\.)(nexmo\.com|vonage\.com)$/;

export function isVonageFileUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && vonageHost.test(parsed.hostname);
  } catch {
    return false;
  }
}

interface TranscriptionDocument {
  channels?: Array<{ transcript?: Array<{ sentence?: unknown }> }>;
}

/** The sentences of every channel, in order, as one text. */
export function transcriptText(document: unknown): string {
  const channels = (document as TranscriptionDocument | null)?.channels ?? [];
  return channels
    .flatMap((channel) => channel.transcript ?? [])
    .map((part) => (typeof part.sentence === 'string' ? part.sentence.trim() : ''))
    .filter((sentence) => sentence !== '')
    .join(' ');
}

export type TranscriptFetcher = (url: string) => Promise<string>;

/** Fetches and reads a transcription file with the application's credentials. */
export function vonageTranscriptFetcher(
  credentials: VonageCredentials,
  fetchImpl: typeof fetch = fetch,
): TranscriptFetcher {
  return async (url) => {
    if (!isVonageFileUrl(url)) throw new Error(`not a Vonage file URL: ${url}`);
    const token = tokenGenerate(credentials.applicationId, credentials.privateKey);
    const response = await fetchImpl(url, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`transcription download answered ${response.status}`);
    return transcriptText(await response.json());
  };
}
