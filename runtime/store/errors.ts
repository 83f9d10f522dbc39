/**
 * Errors the store throws for expected conditions the HTTP layer maps to 4xx (a missing flow or
 * version). Anything else thrown by the store is an operational fault.
 */
export class StoreNotFoundError extends Error {
  readonly code = 'not-found';

  constructor(message: string) {
    super(message);
    this.name = 'StoreNotFoundError';
  }
}
