/**
 * The contact book's CSV routes: POST /import takes the file's raw bytes (any content type, or
 * a multipart form's `file`) so the server, not the browser, decides UTF-8 or Shift_JIS; GET
 * /export(.csv) answers a download Excel Japan opens directly.
 */
import { type Context, Hono } from 'hono';
import { contactsToCsv, type ExportEncoding, encodeCsv } from '../contacts/csv-export.ts';
import { type RowError, readContactsCsv } from '../contacts/csv-import.ts';
import { normalisePhone } from '../contacts/phone-input.ts';
import type { ContactRecord, ImportMode, ListContactsQuery } from '../store/types.ts';
import type { AuthEnv } from './api-auth-common.ts';
import type { AppDeps } from './deps.ts';
import { HttpError } from './http-error.ts';
import { workspaceStore } from './workspace-store.ts';

/** The filters of a list or an export, from the query string. */
export function contactFilters(c: Context): Omit<ListContactsQuery, 'limit' | 'offset'> {
  const search = c.req.query('search')?.trim();
  const tag = c.req.query('tag')?.trim();
  return { ...(search ? { search } : {}), ...(tag ? { tag } : {}) };
}

/** 10 MB: a 10,000-contact book is about 1 MB. */
export const maxImportBytes = 10 * 1024 * 1024;

async function uploadedBytes(c: Context): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > maxImportBytes) throw new HttpError(413, 'the file is larger than 10 MB');
  let bytes: Uint8Array;
  if ((c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
    // A body that is not the multipart form it claims to be is the client's mistake (it was a 500).
    const form = await c.req.parseBody().catch(() => {
      throw new HttpError(400, 'the body is not a valid multipart form');
    });
    const file = form.file;
    if (!(file instanceof File)) throw new HttpError(422, 'the form has no "file"');
    bytes = new Uint8Array(await file.arrayBuffer());
  } else {
    bytes = new Uint8Array(await c.req.arrayBuffer());
  }
  if (bytes.length > maxImportBytes) throw new HttpError(413, 'the file is larger than 10 MB');
  if (bytes.length === 0) throw new HttpError(422, 'the file is empty');
  return bytes;
}

export function contactImportRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.post('/import', async (c) => {
    const store = workspaceStore(c, deps);
    const mode = c.req.query('mode') ?? 'merge';
    if (mode !== 'merge' && mode !== 'replace') throw new HttpError(422, '"mode" must be merge or replace');
    const read = readContactsCsv(await uploadedBytes(c));
    if (!read.ok) return c.json({ error: read.message, code: read.code }, 422);
    const counts = await store.contacts.importMany(
      read.rows.map((r) => r.contact),
      mode as ImportMode,
    );
    const taken: RowError[] = counts.rejected.map((r) => {
      const national = normalisePhone(r.number)?.national ?? r.number;
      return {
        line: read.rows[r.index]?.line ?? 0,
        code: 'number-taken',
        value: national,
        owner: r.ownerName,
        message: `${national} already belongs to ${r.ownerName}; this row was skipped`,
      };
    });
    deps.logger.info('contacts imported', {
      mode,
      encoding: read.encoding,
      imported: counts.imported,
      updated: counts.updated,
      errors: read.errors.length + taken.length,
    });
    return c.json({
      imported: counts.imported,
      updated: counts.updated,
      unchanged: counts.unchanged,
      merged: counts.merged,
      errors: [...read.errors, ...taken].sort((a, b) => a.line - b.line),
      ignoredColumns: read.ignoredColumns,
      encoding: read.encoding,
    });
  });
  return app;
}

function exportEncoding(raw: string | undefined): ExportEncoding {
  const key = (raw ?? 'utf-8').toLowerCase().replace(/[-_]/g, '');
  if (key === 'utf8') return 'utf-8';
  if (key === 'shiftjis' || key === 'sjis' || key === 'cp932') return 'shift_jis';
  throw new HttpError(422, '"encoding" must be utf-8 or shift_jis');
}

export function contactExportRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const page = 1000;
  const exportCsv = async (c: Context) => {
    const store = workspaceStore(c, deps);
    const encoding = exportEncoding(c.req.query('encoding'));
    const filters = contactFilters(c);
    const contacts: ContactRecord[] = [];
    for (let offset = 0; ; offset += page) {
      const batch = await store.contacts.list({ ...filters, limit: page, offset });
      contacts.push(...batch);
      if (batch.length < page) break;
    }
    const day = deps.clock().toISOString().slice(0, 10);
    return c.body(encodeCsv(contactsToCsv(contacts), encoding), 200, {
      'content-type': `text/csv; charset=${encoding === 'shift_jis' ? 'Shift_JIS' : 'utf-8'}`,
      'content-disposition': `attachment; filename="contacts-${day}.csv"`,
    });
  };
  app.get('/export', exportCsv);
  app.get('/export.csv', exportCsv);
  return app;
}
