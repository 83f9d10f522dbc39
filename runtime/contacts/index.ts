/**
 * runtime/contacts — the contact book's rules around the store: phone numbers as people write
 * them, what a valid contact is, CSV import (UTF-8 with or without BOM, Shift_JIS; Japanese or
 * English headers; errors per line) and export for Excel Japan, the caller lookup, and saving
 * unknown callers. Pure apart from the store it is handed.
 *
 * May import: schema/, runtime/store types (import type only), iconv-lite.
 * Used by: runtime/http (the /api/contacts routes, the call runner), runtime/effects (lookup).
 */
export { type ContactCheck, type ContactProblem, checkContact, contactLimits } from './contact-check.ts';
export { contactsToCsv, type ExportEncoding, encodeCsv } from './csv-export.ts';
export { type CsvContacts, type RowError, readContactsCsv } from './csv-import.ts';
export { contactLabel, createContactLookup, type LookupContact } from './lookup.ts';
export { normalisePhone, splitPhones } from './phone-input.ts';
export { saveUnknownCaller, unknownCallerTag } from './unknown-caller.ts';
