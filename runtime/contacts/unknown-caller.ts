/**
 * Flows with `saveUnknownCallers` turn a caller the book does not know into a contact, named
 * after the number and tagged 自動登録 so staff can find and complete them. Withheld numbers
 * (非通知, "anonymous") are not numbers and are never saved.
 */
import type { ContactRecord, ContactsRepository } from '../store/contact-types.ts';
import { normalisePhone } from './phone-input.ts';

export const unknownCallerTag = '自動登録';

/** 「不明な発信者 090-1234-5678」: a name that says what it is and still reads as a number. */
export const unknownCallerName = (national: string) => `不明な発信者 ${national}`;

/**
 * Saves the caller when the number is valid and in no contact. Returns the new contact, or
 * undefined when there was nothing to save — including when a second call from the same number
 * saved it a moment earlier (the store refuses a number twice; that is not an error here).
 */
export async function saveUnknownCaller(
  contacts: Pick<ContactsRepository, 'findByNumber' | 'put'>,
  from: string,
  flowName: string,
): Promise<ContactRecord | undefined> {
  const parsed = normalisePhone(from);
  if (!parsed || (await contacts.findByNumber(parsed.e164))) return undefined;
  try {
    return await contacts.put({
      name: unknownCallerName(parsed.national),
      numbers: [parsed.e164],
      notes: `「${flowName}」への着信で自動登録`,
      tags: [unknownCallerTag],
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'number-taken') return undefined;
    throw error;
  }
}
