/**
 * Callback URLs for NCCO actions. Every URL is absolute (Vonage calls it from the internet, built
 * from the configured public base URL, never from a request's Host header — reference §9.1) and
 * carries the call id, node id and turn sequence, so each webhook is self-describing: record
 * events have no leg uuid, and a retried webhook is recognised by its turn (ARCHITECTURE §5).
 */

/** The runtime's per-action webhook routes under `/vonage/`. */
export type CallbackRoute = 'input' | 'record' | 'transcription' | 'continue' | 'connect';

export interface CallbackTurn {
  callId: string;
  nodeId: string;
  seq: number;
}

/** `https://host/base` without trailing slashes, so paths join with exactly one `/`. */
export function normaliseBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/** `${baseUrl}/vonage/<route>?c=<callId>&n=<nodeId>&s=<seq>`, query values URL-encoded. */
export function callbackUrl(baseUrl: string, route: CallbackRoute, turn: CallbackTurn): string {
  const query = `c=${encodeURIComponent(turn.callId)}&n=${encodeURIComponent(turn.nodeId)}&s=${encodeURIComponent(String(turn.seq))}`;
  return `${normaliseBaseUrl(baseUrl)}/vonage/${route}?${query}`;
}

/**
 * A number as Vonage wants it in NCCO (`from`, endpoint `number`): E.164 digits without `+`.
 * Returns undefined when nothing usable is left (e.g. 'anonymous').
 */
export function vonageNumber(number: string): string | undefined {
  const digits = number.replace(/^\+/, '').replace(/[\s-]/g, '');
  return /^\d{6,15}$/.test(digits) ? digits : undefined;
}
