/**
 * Turns an error thrown by @vonage/server-sdk into one the outbox worker can act on. The SDK
 * throws a VetchError carrying the unread fetch Response for any non-2xx answer; its body is
 * Vonage's RFC 7807 problem ({ type, title, detail, invalid_parameters }). Validation errors
 * (400, 422: bad number, bad sender, text too long) cannot succeed later → PermanentError.
 * 401/403 (credentials), 429 (rate limit), 5xx and network errors are retried.
 */
import { PermanentError } from './errors.ts';

interface ResponseLike {
  status: number;
  text(): Promise<string>;
}

const permanentStatuses = new Set([400, 422]);

function responseOf(error: unknown): ResponseLike | undefined {
  if (typeof error !== 'object' || error === null || !('response' in error)) return undefined;
  const response = (error as { response?: unknown }).response;
  if (typeof response !== 'object' || response === null) return undefined;
  const { status, text } = response as { status?: unknown; text?: unknown };
  if (typeof status !== 'number' || typeof text !== 'function') return undefined;
  return { status, text: () => (text as () => Promise<string>).call(response) };
}

/** "title: detail (param: reason, …)" from a problem body, or the raw text cut short. */
function describeProblem(body: string): string {
  try {
    const problem = JSON.parse(body) as Record<string, unknown>;
    const parts = [problem.title, problem.detail].filter(
      (p): p is string => typeof p === 'string' && p !== '',
    );
    const params: unknown[] = Array.isArray(problem.invalid_parameters) ? problem.invalid_parameters : [];
    const invalid = params.flatMap((p) => {
      if (typeof p !== 'object' || p === null) return [];
      const { name, reason } = p as { name?: unknown; reason?: unknown };
      return [`${String(name)}: ${String(reason)}`];
    });
    const text = [parts.join(': '), invalid.length ? `(${invalid.join(', ')})` : '']
      .filter(Boolean)
      .join(' ');
    if (text) return text;
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.trim().slice(0, 300);
}

export async function vonageFailure(error: unknown): Promise<Error> {
  const response = responseOf(error);
  if (!response) return error instanceof Error ? error : new Error(String(error));
  let body = '';
  try {
    body = await response.text();
  } catch {
    // the body was unreadable; the status alone still decides
  }
  const detail = describeProblem(body);
  const message = `Vonage Messages API ${response.status}${detail ? `: ${detail}` : ''}`;
  return permanentStatuses.has(response.status)
    ? new PermanentError(message, { cause: error })
    : new Error(message, { cause: error });
}
