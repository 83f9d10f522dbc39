/**
 * Contacts between records and rows: the checks every written contact passes, the JSON columns,
 * and the normalised `search_text` a search matches against (shared by put and importMany so
 * both store exactly the same thing).
 */
import type { Insertable, Selectable } from 'kysely';
import { fromJson, toJson } from './codec.ts';
import type { ContactInput, ContactRecord } from './contact-types.ts';
import type { ContactsTable } from './database.ts';

export const toContact = (row: Selectable<ContactsTable>): ContactRecord => ({
  id: row.id,
  name: row.name,
  company: row.company,
  numbers: fromJson<string[]>(row.numbers),
  notes: row.notes,
  tags: fromJson<string[]>(row.tags),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Full-width letters and digits as ASCII, lower case: ＡＢＣ商事 and abc商事 match alike. */
export const foldText = (text: string): string => text.normalize('NFKC').toLowerCase();

const digitsOf = (text: string) => text.replace(/[^0-9]/g, '');

/** What a search matches: name, company, notes and tags folded; each number as digits. */
function searchTextOf(contact: Omit<ContactRecord, 'id' | 'createdAt' | 'updatedAt'>): string {
  // A Japanese number's domestic digits are its E.164 digits with 0 for +81 (no parsing: an
  // import writes thousands of them).
  const numbers = contact.numbers.flatMap((e164) =>
    e164.startsWith('+81') ? [`0${e164.slice(3)}`, e164.slice(1)] : [e164.slice(1)],
  );
  return foldText([contact.name, contact.company, contact.notes, ...contact.tags, ...numbers].join('\n'));
}

/**
 * One search word as the LIKE pattern body: text is folded; a phone-number fragment (digits with
 * + - ( ) and spaces) becomes its digits, and +81… its domestic 0… form, so 090-1234 finds
 * 09012345678 and +81 90 finds it too.
 */
export function searchWord(word: string): string {
  const folded = foldText(word);
  if (!isNumberFragment(folded)) return folded;
  const digits = digitsOf(folded);
  return folded.startsWith('+81') ? `0${digits.slice(2)}` : digits;
}

const isNumberFragment = (text: string) => /^[+0-9()\-‐ ]+$/.test(text) && /[0-9]/.test(text);

/** The words of a search; a query that is a phone number with spaces (+81 3 1234) is one word. */
export function searchWords(query: string): string[] {
  const folded = foldText(query).trim();
  const words = isNumberFragment(folded) ? [folded] : folded.split(/\s+/);
  return words.map(searchWord).filter((w) => w !== '');
}

/** Escapes LIKE's wildcards (with `\` as the escape character) so a word matches literally. */
export const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** + then 7 to 15 digits, no leading zero (ITU-T E.164). */
const e164Shape = /^\+[1-9][0-9]{6,14}$/;

const unique = (values: string[]) => [...new Set(values)];

/**
 * The contact as it will be stored: trimmed, numbers unique and checked to be E.164, tags unique.
 * Throws RangeError for what no caller should send (the API and the importer check first and
 * tell people what is wrong in their words).
 */
export function cleanContact(input: ContactInput): Omit<ContactRecord, 'id' | 'createdAt' | 'updatedAt'> {
  const name = input.name.trim();
  const company = (input.company ?? '').trim();
  if (name === '' && company === '') throw new RangeError('a contact needs a name or a company');
  const numbers = unique(input.numbers.map((n) => n.trim()));
  // The shape only: callers parse what people type (a full parse per number would double an
  // import's time), the store keeps a malformed value from ever becoming a lookup key.
  for (const number of numbers) {
    if (!e164Shape.test(number)) throw new RangeError(`not an E.164 phone number: "${number}"`);
  }
  const tags = unique((input.tags ?? []).map((t) => t.trim()).filter((t) => t !== ''));
  return { name, company, numbers, notes: (input.notes ?? '').trim(), tags };
}

export function contactRow(
  id: string,
  contact: Omit<ContactRecord, 'id' | 'createdAt' | 'updatedAt'>,
  createdAt: string,
  updatedAt: string,
  workspaceId: string,
): Insertable<ContactsTable> {
  return {
    id,
    workspace_id: workspaceId,
    name: contact.name,
    company: contact.company,
    numbers: toJson(contact.numbers),
    notes: contact.notes,
    tags: toJson(contact.tags),
    search_text: searchTextOf(contact),
    sort_key: foldText(contact.name || contact.company),
    created_at: createdAt,
    updated_at: updatedAt,
  };
}
