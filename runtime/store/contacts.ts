/**
 * The contact book: who a phone number belongs to. Lookup by number is one query on the primary
 * key of `contact_numbers`; a search is one LIKE per word over the folded `search_text`. Each
 * workspace has its own book (workspace-scope.ts): a number belongs to one contact of a
 * workspace, and two workspaces may both know the same caller.
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { type Clock, utc } from './codec.ts';
import type { ContactRecord, ContactsRepository, ListContactsQuery } from './contact-types.ts';
import { ContactNumberTakenError } from './contacts-errors.ts';
import { importContacts } from './contacts-import.ts';
import { cleanContact, contactRow, likeEscape, searchWords, toContact } from './contacts-rows.ts';
import type { Database } from './database.ts';
import { homeOf, WorkspaceConflictError, type WorkspaceScope } from './workspace-scope.ts';

const defaultLimit = 50;
const maxLimit = 1000;

type Filters = Omit<ListContactsQuery, 'limit' | 'offset'>;

/** The contacts of the scope matching `filters` (every search word, and the tag), as a kysely query. */
function filtered(db: Kysely<Database>, scope: WorkspaceScope, filters: Filters) {
  let query = db
    .selectFrom('contacts')
    .$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string));
  const words = searchWords(filters.search ?? '');
  for (const word of words) {
    query = query.where(sql<boolean>`search_text like ${`%${likeEscape(word)}%`} escape '\\'`);
  }
  if (filters.tag) {
    // Tags are a JSON array of strings: the tag's own JSON form, quotes included, matches exactly it.
    const pattern = `%${likeEscape(JSON.stringify(filters.tag))}%`;
    query = query.where(sql<boolean>`tags like ${pattern} escape '\\'`);
  }
  return query;
}

export function contactsRepository(
  db: Kysely<Database>,
  clock: Clock,
  scope: WorkspaceScope,
): ContactsRepository {
  const get = async (id: string): Promise<ContactRecord | undefined> => {
    const row = await filtered(db, scope, {}).selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toContact(row) : undefined;
  };

  return {
    async list(query = {}) {
      const limit = Math.min(Math.max(Math.trunc(query.limit ?? defaultLimit), 1), maxLimit);
      const offset = Math.max(Math.trunc(query.offset ?? 0), 0);
      const rows = await filtered(db, scope, query)
        .selectAll()
        .orderBy('sort_key')
        .orderBy('id')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map(toContact);
    },
    async count(query = {}) {
      const row = await filtered(db, scope, query)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    get,
    async put(input) {
      const contact = cleanContact(input);
      const now = utc(clock());
      const id = input.id ?? randomUUID();
      return db.transaction().execute(async (trx) => {
        // Write first: the transaction takes the write lock before it reads who owns the numbers.
        // (Only this workspace's rows: a contact id of another workspace is refused below.)
        await trx
          .deleteFrom('contact_numbers')
          .where('contact_id', '=', id)
          .$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string))
          .execute();
        const existing = await trx
          .selectFrom('contacts')
          .select(['created_at', 'workspace_id'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (existing && scope !== null && existing.workspace_id !== scope)
          throw new WorkspaceConflictError('id', id);
        const workspace = existing?.workspace_id ?? homeOf(scope);
        if (contact.numbers.length > 0) {
          const owner = await trx
            .selectFrom('contact_numbers')
            .innerJoin('contacts', 'contacts.id', 'contact_numbers.contact_id')
            .select(['contact_numbers.e164', 'contacts.id', 'contacts.name', 'contacts.company'])
            .where('contact_numbers.workspace_id', '=', workspace)
            .where('contact_numbers.e164', 'in', contact.numbers)
            .executeTakeFirst();
          if (owner) throw new ContactNumberTakenError(owner.e164, owner.id, owner.name || owner.company);
        }
        const row = contactRow(id, contact, existing?.created_at ?? now, now, workspace);
        const { id: _id, created_at: createdAt, workspace_id: _workspace, ...changes } = row;
        await trx
          .insertInto('contacts')
          .values(row)
          .onConflict((oc) => oc.column('id').doUpdateSet(changes))
          .execute();
        if (contact.numbers.length > 0) {
          await trx
            .insertInto('contact_numbers')
            .values(contact.numbers.map((e164) => ({ workspace_id: workspace, e164, contact_id: id })))
            .execute();
        }
        return { id, ...contact, createdAt, updatedAt: now };
      });
    },
    async delete(id) {
      const result = await db
        .deleteFrom('contacts')
        .where('id', '=', id)
        .$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string))
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async findByNumber(e164) {
      const row = await db
        .selectFrom('contact_numbers')
        .innerJoin('contacts', 'contacts.id', 'contact_numbers.contact_id')
        .selectAll('contacts')
        .$if(scope !== null, (qb) => qb.where('contact_numbers.workspace_id', '=', scope as string))
        .where('contact_numbers.e164', '=', e164)
        .executeTakeFirst();
      return row ? toContact(row) : undefined;
    },
    importMany: (contacts, mode) => importContacts(db, homeOf(scope), contacts, mode, utc(clock())),
    async tags() {
      // Tags live in a JSON column; the book is small enough (thousands) to count them here.
      const rows = await filtered(db, scope, {}).select('tags').where('tags', '!=', '[]').execute();
      const counts = new Map<string, number>();
      for (const row of rows) {
        for (const tag of JSON.parse(row.tags) as string[]) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      }
      return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => (a.tag < b.tag ? -1 : 1));
    },
  };
}
