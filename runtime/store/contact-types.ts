/**
 * The contact book's part of the Store contract: who a number belongs to. Numbers are stored in
 * E.164 (+819012345678); callers normalise what people type (runtime/contacts does) before
 * putting a contact, and the store refuses anything that is not a valid number.
 */

export interface ContactRecord {
  id: string;
  name: string;
  company: string;
  /** E.164 with plus, in the order they were given; a number belongs to one contact only. */
  numbers: string[];
  notes: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

/** A contact to write: without `id` a new one; with an unknown `id` a new one under that id. */
export interface ContactInput {
  id?: string;
  name: string;
  company?: string;
  numbers: string[];
  notes?: string;
  tags?: string[];
}

export interface ListContactsQuery {
  /** Words that must all appear in the name, company, notes, tags or numbers (any format). */
  search?: string;
  /** Only contacts carrying this tag. */
  tag?: string;
  limit?: number;
  offset?: number;
}

/**
 * merge: keep the book, update the contacts the input names (same id, else a shared number),
 * add the rest. replace: the book becomes exactly the input.
 */
export type ImportMode = 'merge' | 'replace';

/** An input contact importMany did not write, by its index in the input. */
export interface ImportRejection {
  index: number;
  /** The number that belongs to another contact than the one this input updates. */
  number: string;
  /** The contact that number belongs to. */
  ownerId: string;
  ownerName: string;
}

export interface ImportCounts {
  /** Contacts created. */
  imported: number;
  /** Contacts of the book (before the import) an input changed. */
  updated: number;
  /** Contacts of the book an input matched without changing anything (a file imported twice). */
  unchanged: number;
  /** Inputs folded into a contact created earlier in the same input (the same number twice). */
  merged: number;
  rejected: ImportRejection[];
}

export interface ContactsRepository {
  /** Ordered by name; `limit` defaults to 50 (at most 1,000). */
  list(query?: ListContactsQuery): Promise<ContactRecord[]>;
  /** How many contacts match (the same filters as list, without paging). */
  count(query?: Omit<ListContactsQuery, 'limit' | 'offset'>): Promise<number>;
  get(id: string): Promise<ContactRecord | undefined>;
  /**
   * Creates or replaces a contact. Throws ContactNumberTakenError when one of its numbers
   * belongs to another contact, RangeError for a contact that is not valid (a bug upstream).
   */
  put(contact: ContactInput): Promise<ContactRecord>;
  delete(id: string): Promise<boolean>;
  /** The contact owning an E.164 number: one indexed query, for every incoming call. */
  findByNumber(e164: string): Promise<ContactRecord | undefined>;
  /**
   * Writes many contacts in one transaction (all or nothing). In merge mode an input matching an
   * existing contact updates it: non-empty name, company and notes replace, numbers and tags are
   * added. An input whose numbers belong to two different contacts is rejected, not written.
   */
  importMany(contacts: ContactInput[], mode: ImportMode): Promise<ImportCounts>;
  /** Every tag in use with how many contacts carry it, by tag. */
  tags(): Promise<Array<{ tag: string; count: number }>>;
}
