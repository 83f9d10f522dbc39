/**
 * The contact form's model: what the form holds (numbers as typed, tags as one line), what goes
 * to the API, and where each problem the server reports belongs — a number's problem under the
 * input that holds that number, the rest under their field — as message keys of
 * pages:contacts.problems with their values.
 */
import type { Contact, ContactInput, ContactProblem } from '../api/contacts-client.ts';
import { formatPhone } from './pages-number-form.ts';

export interface ContactForm {
  name: string;
  company: string;
  /** One input per number, as typed (at least one, possibly empty). */
  numbers: string[];
  /** Tags as one line: 取引先、VIP */
  tags: string;
  notes: string;
}

export function emptyContactForm(): ContactForm {
  return { name: '', company: '', numbers: [''], tags: '', notes: '' };
}

export function formFromContact(contact: Contact): ContactForm {
  return {
    name: contact.name,
    company: contact.company,
    numbers: contact.numbers.length > 0 ? contact.numbers.map(formatPhone) : [''],
    tags: contact.tags.join('、'),
    notes: contact.notes,
  };
}

/** Tags from one line: separated by 、 , ; (half- or full-width), blanks and repeats dropped. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[、,，;；\n]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return [...new Set(tags)];
}

export function inputFromForm(form: ContactForm): ContactInput {
  return {
    name: form.name.trim(),
    company: form.company.trim(),
    numbers: form.numbers.map((n) => n.trim()).filter((n) => n !== ''),
    tags: parseTags(form.tags),
    notes: form.notes.trim(),
  };
}

/** A message: its key under pages:contacts.problems and the values it needs. */
export interface ProblemText {
  key: string;
  values: Record<string, string | number>;
}

export interface FormProblems {
  name?: ProblemText;
  company?: ProblemText;
  notes?: ProblemText;
  tags?: ProblemText;
  /** Problems of the numbers field as a whole (too many, taken by someone else). */
  numbers?: ProblemText;
  /** By index of the number input. */
  numberAt: Record<number, ProblemText>;
}

/** Checked before sending: the one rule a person can break without the server's help. */
export function checkContactForm(form: ContactForm): FormProblems {
  const input = inputFromForm(form);
  return input.name === '' && input.company === ''
    ? { name: { key: 'name-missing', values: {} }, numberAt: {} }
    : { numberAt: {} };
}

export function hasProblems(problems: FormProblems): boolean {
  return Object.keys(problems).some((k) => k !== 'numberAt') || Object.keys(problems.numberAt).length > 0;
}

/** The server's 422 problems placed on the form. */
export function placeProblems(problems: readonly ContactProblem[], form: ContactForm): FormProblems {
  const placed: FormProblems = { numberAt: {} };
  for (const p of problems) {
    const values = { value: p.value ?? '', limit: p.limit ?? 0 };
    if (p.field === 'numbers' && p.code === 'number-invalid') {
      const index = form.numbers.findIndex((n) => n.trim() === p.value?.trim());
      const text = { key: 'number-invalid', values };
      if (index >= 0) placed.numberAt[index] = text;
      else placed.numbers ??= text;
    } else if (p.field === 'numbers' || p.field === 'tags') {
      const key =
        p.code === 'too-many' ? `too-many-${p.field}` : p.code === 'too-long' ? 'tag-too-long' : p.code;
      placed[p.field] ??= { key, values };
    } else if (p.field !== 'id') {
      placed[p.field] ??= { key: p.code, values };
    }
  }
  return placed;
}

/** 409 from the server: the number belongs to another contact. */
export function takenProblem(body: Record<string, unknown>): ProblemText | undefined {
  if (body.code !== 'number-taken') return undefined;
  const owner = (body.owner as { name?: string } | undefined)?.name ?? '';
  return { key: 'number-taken', values: { number: formatPhone(String(body.number ?? '')), owner } };
}

/** How a contact is called in a sentence: its name, else its company. */
export const contactName = (c: Pick<Contact, 'name' | 'company'>) => c.name || c.company;
