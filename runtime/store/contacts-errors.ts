/**
 * The expected refusal of the contact book: a number already belongs to another contact (a
 * number identifies one caller). The API answers it with 409 and the owner's name; code lets
 * layers that import only the store's types recognise it.
 */
export class ContactNumberTakenError extends Error {
  readonly code = 'number-taken';

  constructor(
    readonly number: string,
    readonly ownerId: string,
    readonly ownerName: string,
  ) {
    super(`${number} already belongs to contact ${ownerId} (${ownerName})`);
    this.name = 'ContactNumberTakenError';
  }
}

/** True for ContactNumberTakenError, also across module copies (checks the code). */
export function isNumberTaken(error: unknown): error is ContactNumberTakenError {
  return error instanceof Error && (error as { code?: unknown }).code === 'number-taken';
}
