/**
 * The contact book. A contact's numbers live twice on purpose: as a JSON list on the contact
 * (read with the row, in the order the person typed them) and one row each in `contact_numbers`,
 * whose primary key on the E.164 number makes "who is calling?" one indexed lookup and keeps a
 * number from belonging to two contacts. `search_text` holds the normalised words a search
 * matches (name, company, notes, tags, numbers as digits), so search is one portable LIKE, and
 * `sort_key` the folded name the list is ordered by (ＡＢＣ next to abc, a company-only contact
 * under its company).
 */
import type { Kysely, Migration } from 'kysely';

export function contactsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('contacts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('company', 'text', (c) => c.notNull())
        // JSON array of E.164 numbers.
        .addColumn('numbers', 'text', (c) => c.notNull())
        .addColumn('notes', 'text', (c) => c.notNull())
        // JSON array of tag strings.
        .addColumn('tags', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        // The folded name (the company when there is none): the list's order.
        .addColumn('sort_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // The list is ordered by name; paging through it should not sort the whole book.
      await db.schema
        .createIndex('contacts_sort_key_id')
        .on('contacts')
        .columns(['sort_key', 'id'])
        .execute();

      await db.schema
        .createTable('contact_numbers')
        .addColumn('e164', 'text', (c) => c.primaryKey())
        .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
        .execute();
      // Deleting or rewriting a contact finds its numbers without a scan.
      await db.schema
        .createIndex('contact_numbers_contact_id')
        .on('contact_numbers')
        .column('contact_id')
        .execute();
    },
  };
}
