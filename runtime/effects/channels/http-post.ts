/**
 * One HTTP call to a chat provider, with the outbox's view of its answer: 2xx is delivered;
 * 408, 425, 429, 5xx, a timeout or a network failure are worth retrying (plain Error); any
 * other answer (400 bad payload, 401/403 rejected credentials, 404 unknown webhook, 410 archived
 * channel, a redirect) will not change by itself, so it is a PermanentError.
 *
 * Error messages name the provider and the status, plus a short, redacted excerpt of the
 * provider's answer. They never include the URL (a webhook URL is the secret) or the request.
 */
import { PermanentError } from '../errors.ts';
import { redact, secretValuesOf } from './secrets.ts';
import { defaultTimeoutMs, type SendOptions } from './sender.ts';
import type { Channel } from './types.ts';

export interface ProviderRequest {
  /** Shown in errors, e.g. 'Slack'. */
  provider: string;
  url: string;
  headers: Record<string, string>;
  body: string | URLSearchParams;
  /** Values that must not appear in an error (see secrets.ts). */
  secrets: readonly string[];
  timeoutMs?: number;
}

export interface ProviderResponse {
  status: number;
  text: string;
}

const retryableStatuses = new Set([408, 425, 429]);
const excerptLength = 160;

export const isSuccess = (status: number) => status >= 200 && status < 300;

/** Sends the request and reads the whole answer; throws only when there is no answer. */
export async function requestProvider(request: ProviderRequest): Promise<ProviderResponse> {
  const { provider } = request;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    // Node's URL error carries the input: never pass it on.
    throw new PermanentError(`${provider}: the configured URL is not a valid URL`);
  }
  const timeoutMs = request.timeoutMs ?? defaultTimeoutMs;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      // A webhook that redirects is misconfigured; following it would send the message (and
      // its headers) somewhere the customer never entered.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new Error(`${provider}: no answer within ${formatSeconds(timeoutMs)} s`);
    }
    throw new Error(`${provider}: could not connect (${networkCode(error)})`);
  }
}

/** The error for a non-2xx answer: PermanentError unless retrying may help. */
export function httpFailure(provider: string, response: ProviderResponse, secrets: readonly string[]): Error {
  const { status } = response;
  const excerpt = answerExcerpt(response.text, secrets);
  const detail = excerpt ? `: ${excerpt}` : '';
  if (status >= 300 && status < 400) {
    return new PermanentError(`${provider}: answered HTTP ${status} (a redirect): check the URL`);
  }
  if (status >= 500 || retryableStatuses.has(status)) {
    return new Error(`${provider}: HTTP ${status}${detail}`);
  }
  return new PermanentError(`${provider}: HTTP ${status}${detail}`);
}

/** requestProvider + httpFailure for providers whose every non-2xx answer means the same. */
export async function postToProvider(request: ProviderRequest): Promise<ProviderResponse> {
  const response = await requestProvider(request);
  if (!isSuccess(response.status)) throw httpFailure(request.provider, response, request.secrets);
  return response;
}

/** A short, single-line, redacted piece of the answer; nothing for HTML error pages. */
function answerExcerpt(text: string, secrets: readonly string[]): string {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.startsWith('<')) return '';
  const line = redact(trimmed, secrets).replace(/\s+/g, ' ');
  return line.length > excerptLength ? `${line.slice(0, excerptLength)}…` : line;
}

/** undici wraps the socket error ("fetch failed" → cause ECONNREFUSED); only its code is safe to show. */
function networkCode(error: unknown): string {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return 'network error';
}

function formatSeconds(ms: number): string {
  return Number.isInteger(ms / 1000) ? String(ms / 1000) : (ms / 1000).toFixed(1);
}

/** JSON body of an answer, or undefined when it is not JSON. */
export function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The JSON POST most channels make: the payload (or the exact body text, when it was signed)
 * with the channel's secrets kept out of any error.
 */
export function postJson(
  provider: string,
  url: string,
  payload: string | object,
  channel: Channel,
  options: SendOptions | undefined,
  headers: Record<string, string> = {},
): Promise<ProviderResponse> {
  return postToProvider({
    provider,
    url,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
    secrets: secretValuesOf(channel),
    timeoutMs: options?.timeoutMs,
  });
}
