/**
 * How a sender tells the outbox worker that retrying cannot help (an invalid destination, a
 * message the provider rejects as malformed). Every other thrown error is retried with backoff:
 * an outage must delay a message, never lose it.
 */
export class PermanentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentError';
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
}
