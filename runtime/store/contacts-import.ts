/**
 * importMany: thousands of contacts in one transaction. The whole plan (which input updates
 * which contact, which inputs clash) is made in memory against the book's numbers, then written
 * with multi-row statements — a statement per row would take most of the 2-second budget for
 * 10,000 contacts. An import fills one workspace's book (the installation's store: `default`).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ContactInput, ContactRecord, ImportCounts, ImportMode } from './contact-types.ts';
import { cleanContact, contactRow, toContact } from './contacts-rows.ts';
import type { Database } from './database.ts';

type Fields = Omit<ContactRecord, 'id' | 'createdAt' | 'updatedAt'>;

interface Working {
  id: string;
  fields: Fields;
  createdAt: string;
  /** book: stored before this import; new: created by it. */
  origin: 'book' | 'new';
  changed: boolean;
}

/** Rows per multi-row statement: 9 columns × 100 stays far below SQLite's variable limit. */
const contactChunk = 100;
const numberChunk = 400;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** An input folded into a contact: non-empty texts replace, numbers and tags are added. */
function mergeFields(into: Fields, input: Fields): Fields {
  return {
    name: input.name || into.name,
    company: input.company || into.company,
    notes: input.notes || into.notes,
    numbers: union(into.numbers, input.numbers),
    tags: union(into.tags, input.tags),
  };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
const sameFields = (a: Fields, b: Fields) =>
  a.name === b.name &&
  a.company === b.company &&
  a.notes === b.notes &&
  sameList(a.numbers, b.numbers) &&
  sameList(a.tags, b.tags);

/** Rewrites the changed contacts and their numbers: a handful of multi-row statements. */
async function write(
  trx: Kysely<Database>,
  workspace: string,
  contacts: Working[],
  now: string,
): Promise<void> {
  const fromBook = contacts.filter((c) => c.origin === 'book').map((c) => c.id);
  for (const ids of chunks(fromBook, numberChunk)) {
    await trx.deleteFrom('contact_numbers').where('contact_id', 'in', ids).execute();
  }
  for (const part of chunks(contacts, contactChunk)) {
    await trx
      .insertInto('contacts')
      .values(part.map((c) => contactRow(c.id, c.fields, c.createdAt, now, workspace)))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          company: eb.ref('excluded.company'),
          numbers: eb.ref('excluded.numbers'),
          notes: eb.ref('excluded.notes'),
          tags: eb.ref('excluded.tags'),
          search_text: eb.ref('excluded.search_text'),
          sort_key: eb.ref('excluded.sort_key'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
  const numbers = contacts.flatMap((c) =>
    c.fields.numbers.map((e164) => ({ workspace_id: workspace, e164, contact_id: c.id })),
  );
  for (const part of chunks(numbers, numberChunk)) {
    await trx.insertInto('contact_numbers').values(part).execute();
  }
}

/** Ids among `wanted` that contacts of other workspaces already have. */
async function foreignIds(trx: Kysely<Database>, workspace: string, wanted: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const ids of chunks([...new Set(wanted)], numberChunk)) {
    const rows = await trx
      .selectFrom('contacts')
      .select('id')
      .where('id', 'in', ids)
      .where('workspace_id', '!=', workspace)
      .execute();
    for (const row of rows) taken.add(row.id);
  }
  return taken;
}

export async function importContacts(
  db: Kysely<Database>,
  workspace: string,
  inputs: ContactInput[],
  mode: ImportMode,
  now: string,
): Promise<ImportCounts> {
  // Checked before the transaction: a bad input is a bug upstream and must not leave half a book.
  const cleaned = inputs.map(cleanContact);
  return db.transaction().execute(async (trx) => {
    // Writes first, so the transaction holds the write lock before it reads the book.
    if (mode === 'replace') {
      await trx.deleteFrom('contact_numbers').where('workspace_id', '=', workspace).execute();
      await trx.deleteFrom('contacts').where('workspace_id', '=', workspace).execute();
    } else {
      await trx.deleteFrom('contact_numbers').where('e164', '=', '').execute();
    }
    // An id another workspace uses is not this book's: such a row becomes a new contact, as if
    // it named no id (nothing tells the importer that the id exists elsewhere).
    const foreign = await foreignIds(
      trx,
      workspace,
      inputs.flatMap((input) => (input.id !== undefined ? [input.id] : [])),
    );
    const byId = new Map<string, Working>();
    const owner = new Map<string, string>();
    if (mode === 'merge') {
      for (const row of await trx
        .selectFrom('contacts')
        .selectAll()
        .where('workspace_id', '=', workspace)
        .execute()) {
        const { id, createdAt, updatedAt: _, ...fields } = toContact(row);
        byId.set(id, { id, fields, createdAt, origin: 'book', changed: false });
        for (const number of fields.numbers) owner.set(number, id);
      }
    }

    const counts: ImportCounts = { imported: 0, updated: 0, unchanged: 0, merged: 0, rejected: [] };
    const touched = new Set<Working>();
    cleaned.forEach((fields, index) => {
      const given = inputs[index]?.id;
      const wantedId = given !== undefined && foreign.has(given) ? undefined : given;
      let target = wantedId !== undefined ? byId.get(wantedId) : undefined;
      if (!target) {
        const ownerId = fields.numbers.map((n) => owner.get(n)).find((id) => id !== undefined);
        target = ownerId !== undefined ? byId.get(ownerId) : undefined;
      }
      const clash = fields.numbers.find((n) => {
        const id = owner.get(n);
        return id !== undefined && id !== target?.id;
      });
      if (clash !== undefined) {
        const other = byId.get(owner.get(clash) ?? '');
        counts.rejected.push({
          index,
          number: clash,
          ownerId: other?.id ?? '',
          ownerName: other ? other.fields.name || other.fields.company : '',
        });
        return;
      }
      if (target) {
        if (target.origin === 'new') counts.merged++;
        else touched.add(target);
        const merged = mergeFields(target.fields, fields);
        if (!sameFields(merged, target.fields)) {
          target.fields = merged;
          target.changed = true;
        }
      } else {
        target = { id: wantedId ?? randomUUID(), fields, createdAt: now, origin: 'new', changed: true };
        byId.set(target.id, target);
        counts.imported++;
      }
      for (const number of fields.numbers) owner.set(number, target.id);
    });
    for (const contact of touched) {
      if (contact.changed) counts.updated++;
      else counts.unchanged++;
    }
    await write(
      trx,
      workspace,
      [...byId.values()].filter((c) => c.changed),
      now,
    );
    return counts;
  });
}
