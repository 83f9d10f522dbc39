/**
 * What makes a contact acceptable, in one place for the API's JSON and the CSV importer's rows:
 * a name or a company, numbers in any written form that parse as phone numbers (stored as
 * E.164), and lengths a person could mean. Each problem has a stable code (the editor words it
 * in Japanese) and an English message (API clients, logs).
 */
import type { ContactInput } from '../store/contact-types.ts';
import { normalisePhone } from './phone-input.ts';

export type ContactField = 'id' | 'name' | 'company' | 'numbers' | 'notes' | 'tags';
export type ContactProblemCode = 'name-missing' | 'number-invalid' | 'too-long' | 'too-many' | 'wrong-type';

export interface ContactProblem {
  field: ContactField;
  code: ContactProblemCode;
  /** The offending value (a number as written, a tag). */
  value?: string;
  /** The limit that was passed (characters or items). */
  limit?: number;
  message: string;
}

export const contactLimits = {
  id: 100,
  name: 100,
  company: 100,
  notes: 2000,
  /** Characters of one tag. */
  tag: 30,
  tags: 20,
  numbers: 10,
} as const;

export type ContactCheck = { ok: true; contact: ContactInput } | { ok: false; problems: ContactProblem[] };

const textFields = ['id', 'name', 'company', 'notes'] as const;

/** A list field may be sent as one string too (「090-…; 03-…」), as people type it. */
function listOf(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  return undefined;
}

export function checkContact(raw: unknown): ContactCheck {
  const body = (raw ?? {}) as Record<string, unknown>;
  const problems: ContactProblem[] = [];
  const text: Partial<Record<(typeof textFields)[number], string>> = {};
  for (const field of textFields) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      problems.push({ field, code: 'wrong-type', message: `"${field}" must be text` });
      continue;
    }
    text[field] = value.trim();
    if (text[field].length > contactLimits[field]) {
      const limit = contactLimits[field];
      problems.push({
        field,
        code: 'too-long',
        limit,
        message: `"${field}" is longer than ${limit} characters`,
      });
    }
  }
  if (!text.name && !text.company) {
    problems.push({ field: 'name', code: 'name-missing', message: 'a contact needs a name or a company' });
  }

  const numbers: string[] = [];
  const writtenNumbers = listOf(body.numbers);
  if (writtenNumbers === undefined) {
    problems.push({
      field: 'numbers',
      code: 'wrong-type',
      message: '"numbers" must be a list of phone numbers',
    });
  }
  for (const written of writtenNumbers ?? []) {
    if (written.trim() === '') continue;
    const parsed = normalisePhone(written);
    if (parsed) numbers.push(parsed.e164);
    else {
      problems.push({
        field: 'numbers',
        code: 'number-invalid',
        value: written,
        message: `"${written}" is not a phone number`,
      });
    }
  }
  const uniqueNumbers = [...new Set(numbers)];
  if (uniqueNumbers.length > contactLimits.numbers) {
    const limit = contactLimits.numbers;
    problems.push({ field: 'numbers', code: 'too-many', limit, message: `more than ${limit} phone numbers` });
  }

  const writtenTags = listOf(body.tags);
  if (writtenTags === undefined) {
    problems.push({ field: 'tags', code: 'wrong-type', message: '"tags" must be a list of words' });
  }
  const tags = [...new Set((writtenTags ?? []).map((t) => t.trim()).filter((t) => t !== ''))];
  for (const tag of tags.filter((t) => t.length > contactLimits.tag)) {
    const limit = contactLimits.tag;
    problems.push({
      field: 'tags',
      code: 'too-long',
      value: tag,
      limit,
      message: `the tag "${tag}" is longer than ${limit} characters`,
    });
  }
  if (tags.length > contactLimits.tags) {
    const limit = contactLimits.tags;
    problems.push({ field: 'tags', code: 'too-many', limit, message: `more than ${limit} tags` });
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    contact: {
      ...(text.id ? { id: text.id } : {}),
      name: text.name ?? '',
      company: text.company ?? '',
      numbers: uniqueNumbers,
      notes: text.notes ?? '',
      tags,
    },
  };
}
