/**
 * A contact CSV file → the contacts it holds, each with the line it came from, and the reasons
 * the other rows cannot be imported (line, code, message). Whole-file problems (an .xlsx, an
 * unreadable encoding, no header the importer recognises) come back instead of rows.
 */
import type { ContactInput } from '../store/contact-types.ts';
import { type ContactProblemCode, checkContact } from './contact-check.ts';
import { type ColumnRole, knownHeaders, mapColumns } from './csv-columns.ts';
import { detectDelimiter, readCsv } from './csv-parse.ts';
import { splitPhones } from './phone-input.ts';
import { type CsvEncoding, decodeCsvBytes } from './text-decode.ts';

export type RowErrorCode = ContactProblemCode | 'unclosed-quote' | 'number-taken';

export interface RowError {
  /** 1-based line of the file where the row starts (the header is line 1 in most files). */
  line: number;
  code: RowErrorCode;
  value?: string;
  limit?: number;
  /** Who already has the number (number-taken). */
  owner?: string;
  message: string;
}

export type FileProblemCode = 'excel-file' | 'binary' | 'unknown-encoding' | 'empty' | 'no-header';

export type CsvContacts =
  | {
      ok: true;
      encoding: CsvEncoding;
      rows: Array<{ line: number; contact: ContactInput }>;
      errors: RowError[];
      /** Header texts of the columns that were not read. */
      ignoredColumns: string[];
    }
  | { ok: false; code: FileProblemCode; message: string };

const fileMessages: Record<FileProblemCode, string> = {
  'excel-file': 'this is an Excel workbook, not CSV: save it as CSV (UTF-8) in Excel and import that file',
  binary: 'this is not a text file',
  'unknown-encoding': 'the file is neither UTF-8 nor Shift_JIS text',
  empty: 'the file holds no rows',
  'no-header': `the first row names no column the importer knows (e.g. ${[
    ...knownHeaders.name,
    ...knownHeaders.company,
    ...knownHeaders.phone,
  ].join(', ')})`,
};

const fail = (code: FileProblemCode): CsvContacts => ({ ok: false, code, message: fileMessages[code] });

/** Excel turns a cell starting with = + - @ into a formula; our export guards it with a quote mark. */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

const splitTags = (cell: string) => cell.normalize('NFKC').split(/[;,、\n\r]+/);

/** The column indexes of each role, worked out once per file. */
type RoleColumns = Record<ColumnRole, number[]>;

function roleColumns(roles: ReadonlyArray<ColumnRole | undefined>): RoleColumns {
  const columns: RoleColumns = {
    id: [],
    name: [],
    family: [],
    given: [],
    company: [],
    phone: [],
    notes: [],
    tags: [],
  };
  roles.forEach((role, i) => {
    if (role) columns[role].push(i);
  });
  return columns;
}

/** One record's cells as the raw contact checkContact reads. */
function rawContact(cells: readonly string[], columns: RoleColumns) {
  const by = (role: ColumnRole) => columns[role].map((i) => unguard(cells[i] ?? '').trim());
  const first = (role: ColumnRole) => by(role).find((c) => c !== '') ?? '';
  const family = first('family');
  const given = first('given');
  // 姓 名 → 「山田 太郎」; first/last name in Latin letters → "John Smith".
  const latin = /^[\p{Script=Latin}\s.'-]*$/u.test(family + given);
  const joined = (latin ? [given, family] : [family, given]).filter((p) => p !== '').join(' ');
  return {
    id: first('id'),
    name: first('name') || joined,
    company: first('company'),
    numbers: by('phone').flatMap(splitPhones),
    notes: by('notes')
      .filter((c) => c !== '')
      .join('\n'),
    tags: by('tags').flatMap(splitTags),
  };
}

export function readContactsCsv(bytes: Uint8Array): CsvContacts {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return fail(decoded.reason);
  const { records, unclosedQuotes } = readCsv(decoded.text, detectDelimiter(decoded.text));
  const nonEmpty = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [header, ...body] = nonEmpty;
  if (!header) return fail('empty');
  const columns = mapColumns(header.fields);
  if (!columns) return fail('no-header');

  const errors: RowError[] = unclosedQuotes.map((line) => ({
    line,
    code: 'unclosed-quote',
    message: 'a quoted field (") is never closed; this row was skipped',
  }));
  const rows: Array<{ line: number; contact: ContactInput }> = [];
  const byRole = roleColumns(columns.roles);
  for (const record of body) {
    const checked = checkContact(rawContact(record.fields, byRole));
    if (checked.ok) {
      rows.push({ line: record.line, contact: checked.contact });
      continue;
    }
    for (const problem of checked.problems) {
      errors.push({
        line: record.line,
        code: problem.code,
        ...(problem.value !== undefined ? { value: problem.value } : {}),
        ...(problem.limit !== undefined ? { limit: problem.limit } : {}),
        message: problem.message,
      });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { ok: true, encoding: decoded.encoding, rows, errors, ignoredColumns: columns.ignored };
}
