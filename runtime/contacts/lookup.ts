/**
 * Who is calling: the contact-book lookup the rest of the runtime uses (notifications, the call
 * log, the simulator API). Takes a number in any form — Vonage's 819012345678, E.164, what a
 * person typed — and answers with the contact or undefined (withheld and unknown numbers alike).
 * One indexed query; no cache, so an edit in the book shows on the next call.
 */
import type { ContactRecord, ContactsRepository } from '../store/contact-types.ts';
import { normalisePhone } from './phone-input.ts';

export type LookupContact = (number: string) => Promise<ContactRecord | undefined>;

export function createContactLookup(contacts: Pick<ContactsRepository, 'findByNumber'>): LookupContact {
  return async (number) => {
    const parsed = normalisePhone(number);
    return parsed ? contacts.findByNumber(parsed.e164) : undefined;
  };
}

/** How a contact is named in one line: 「さくら商事 山田 太郎」, or whichever of the two exists. */
export function contactLabel(contact: Pick<ContactRecord, 'name' | 'company'>): string {
  return [contact.company, contact.name].filter((part) => part !== '').join(' ');
}
