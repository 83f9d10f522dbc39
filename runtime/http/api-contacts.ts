/**
 * /api/contacts — the contact book: list with search and paging, one contact, create, replace,
 * delete, lookup by a number in any form, CSV import (the raw bytes: UTF-8 with or without BOM,
 * Shift_JIS) and CSV export (UTF-8 with BOM, or ?encoding=shift_jis). Bad contacts are refused
 * with 422 and a problem per field (code + message); a number another contact owns with 409.
 */
import { type Context, Hono } from 'hono';
import { type ContactProblem, checkContact } from '../contacts/contact-check.ts';
import { normalisePhone } from '../contacts/phone-input.ts';
import { isNumberTaken } from '../store/contacts-errors.ts';
import type { ContactInput } from '../store/types.ts';
import type { AuthEnv } from './api-auth-common.ts';
import { contactExportRoutes, contactFilters, contactImportRoutes } from './api-contacts-csv.ts';
import type { AppDeps } from './deps.ts';
import { objectBody } from './hardening-bodies.ts';
import { HttpError } from './http-error.ts';
import { workspaceStore } from './workspace-store.ts';

function paging(c: Context): { limit: number; offset: number } {
  const number = (key: string, fallback: number, min: number, max: number) => {
    const raw = c.req.query(key);
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new HttpError(400, `"${key}" must be a whole number from ${min} to ${max}`);
    return value;
  };
  return { limit: number('limit', 50, 1, 1000), offset: number('offset', 0, 0, Number.MAX_SAFE_INTEGER) };
}

class ContactRefused extends Error {
  constructor(readonly problems: ContactProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

function contactFromBody(body: unknown): ContactInput {
  const checked = checkContact(body);
  if (!checked.ok) throw new ContactRefused(checked.problems);
  return checked.contact;
}

export function contactRoutes(deps: AppDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.onError((error, c) => {
    if (error instanceof ContactRefused) {
      return c.json({ error: `the contact has problems: ${error.message}`, problems: error.problems }, 422);
    }
    if (isNumberTaken(error)) {
      const national = normalisePhone(error.number)?.national ?? error.number;
      return c.json(
        {
          error: `${national} already belongs to ${error.ownerName}`,
          code: 'number-taken',
          number: error.number,
          owner: { id: error.ownerId, name: error.ownerName },
        },
        409,
      );
    }
    throw error;
  });

  app.get('/', async (c) => {
    const store = workspaceStore(c, deps);
    const filters = contactFilters(c);
    const { limit, offset } = paging(c);
    const [items, total] = await Promise.all([
      store.contacts.list({ ...filters, limit, offset }),
      store.contacts.count(filters),
    ]);
    return c.json({ items, total, limit, offset });
  });
  app.get('/tags', async (c) => c.json(await workspaceStore(c, deps).contacts.tags()));
  app.get('/lookup', async (c) => {
    const store = workspaceStore(c, deps);
    const written = c.req.query('number') ?? '';
    const parsed = normalisePhone(written);
    if (!parsed) throw new HttpError(422, `"${written}" is not a phone number`);
    // Unknown numbers are an ordinary answer (200 with contact: null), not a missing resource.
    const contact = (await store.contacts.findByNumber(parsed.e164)) ?? null;
    return c.json({ number: { e164: parsed.e164, national: parsed.national }, contact });
  });
  app.route('/', contactImportRoutes(deps));
  app.route('/', contactExportRoutes(deps));

  app.post('/', async (c) => {
    const store = workspaceStore(c, deps);
    const { id: _ignored, ...contact } = contactFromBody(await objectBody(c));
    return c.json(await store.contacts.put(contact), 201);
  });
  app.get('/:id', async (c) => {
    const store = workspaceStore(c, deps);
    const contact = await store.contacts.get(c.req.param('id'));
    if (!contact) throw new HttpError(404, 'no such contact');
    return c.json(contact);
  });
  app.put('/:id', async (c) => {
    const store = workspaceStore(c, deps);
    const contact = contactFromBody(await objectBody(c));
    return c.json(await store.contacts.put({ ...contact, id: c.req.param('id') }));
  });
  app.delete('/:id', async (c) => {
    const store = workspaceStore(c, deps);
    if (!(await store.contacts.delete(c.req.param('id')))) throw new HttpError(404, 'no such contact');
    return c.body(null, 204);
  });
  return app;
}
