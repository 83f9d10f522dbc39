/**
 * The contact book over /api/contacts. JSON like the rest of the API, except the CSV file: it is
 * sent as its raw bytes (the server tells UTF-8 from Shift_JIS) and the export comes back as a
 * file, fetched rather than followed as a link so a failure shows as a message on the page.
 */
import { apiFetch, call, failure } from './client.ts';

export interface Contact {
  id: string;
  name: string;
  company: string;
  /** E.164. */
  numbers: string[];
  notes: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ContactInput {
  name: string;
  company: string;
  /** As typed: the server reads 090-1234-5678, ０９０…, 03(1234)5678, +81… */
  numbers: string[];
  notes: string;
  tags: string[];
}

export interface ContactPage {
  items: Contact[];
  total: number;
  limit: number;
  offset: number;
}

/** A problem the server found with a contact (422), by field. */
export interface ContactProblem {
  field: 'id' | 'name' | 'company' | 'numbers' | 'notes' | 'tags';
  code: 'name-missing' | 'number-invalid' | 'too-long' | 'too-many' | 'wrong-type';
  value?: string;
  limit?: number;
  message: string;
}

export interface ImportRowError {
  line: number;
  code: string;
  value?: string;
  limit?: number;
  owner?: string;
  message: string;
}

export interface ImportResult {
  imported: number;
  updated: number;
  unchanged: number;
  merged: number;
  errors: ImportRowError[];
  ignoredColumns: string[];
  encoding: string;
}

export type ImportMode = 'merge' | 'replace';
export type ExportEncoding = 'utf-8' | 'shift_jis';

export interface ContactQuery {
  search?: string;
  tag?: string;
  limit?: number;
  offset?: number;
}

const query = (params: Record<string, string | number | undefined>) => {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
};

export const contactsApi = {
  list: (q: ContactQuery = {}) => call<ContactPage>('GET', `/contacts${query({ ...q })}`),
  tags: () => call<Array<{ tag: string; count: number }>>('GET', '/contacts/tags'),
  create: (contact: ContactInput) => call<Contact>('POST', '/contacts', contact),
  save: (id: string, contact: ContactInput) =>
    call<Contact>('PUT', `/contacts/${encodeURIComponent(id)}`, contact),
  remove: (id: string) => call<void>('DELETE', `/contacts/${encodeURIComponent(id)}`),
  lookup: (number: string) =>
    call<{ number: { e164: string; national: string }; contact: Contact | null }>(
      'GET',
      `/contacts/lookup${query({ number })}`,
    ),
  async importCsv(file: Blob, mode: ImportMode): Promise<ImportResult> {
    const response = await apiFetch(`/api/contacts/import${query({ mode })}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: file,
    });
    if (!response.ok) return failure(response);
    return (await response.json()) as ImportResult;
  },
  async exportCsv(encoding: ExportEncoding, q: Pick<ContactQuery, 'search' | 'tag'> = {}) {
    const response = await apiFetch(`/api/contacts/export.csv${query({ ...q, encoding })}`);
    if (!response.ok) return failure(response);
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
    return { blob: await response.blob(), fileName: name ?? 'contacts.csv' };
  },
};
