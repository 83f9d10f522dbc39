import { describe, expect, it } from 'vitest';
import { contactsMessages } from '../pages/messages-contacts.ts';
import {
  checkContactForm,
  emptyContactForm,
  formFromContact,
  hasProblems,
  inputFromForm,
  parseTags,
  placeProblems,
  takenProblem,
} from './pages-contacts.ts';

describe('the contact form', () => {
  it('shows stored numbers in the domestic form and tags on one line', () => {
    const form = formFromContact({
      id: 'c1',
      name: '山田',
      company: '',
      numbers: ['+819012345678', '+81312345678'],
      notes: '',
      tags: ['取引先', 'VIP'],
      createdAt: '',
      updatedAt: '',
    });
    expect(form.numbers).toEqual(['090-1234-5678', '03-1234-5678']);
    expect(form.tags).toBe('取引先、VIP');
  });

  it('sends what was typed, without empty number inputs or repeated tags', () => {
    expect(
      inputFromForm({
        name: ' 山田 ',
        company: '',
        numbers: ['０９０１２３４５６７８', ' '],
        tags: '取引先、VIP,取引先；常連',
        notes: '',
      }),
    ).toEqual({
      name: '山田',
      company: '',
      numbers: ['０９０１２３４５６７８'],
      tags: ['取引先', 'VIP', '常連'],
      notes: '',
    });
    expect(parseTags(' , 、')).toEqual([]);
  });

  it('asks for a name or a company before sending', () => {
    expect(hasProblems(checkContactForm(emptyContactForm()))).toBe(true);
    expect(hasProblems(checkContactForm({ ...emptyContactForm(), company: 'さくら商事' }))).toBe(false);
  });

  it("puts a number's problem under the input holding it, and the rest under their field", () => {
    const form = { ...emptyContactForm(), name: 'x', numbers: ['090-1111-2222', '090-12'] };
    const placed = placeProblems(
      [
        { field: 'numbers', code: 'number-invalid', value: '090-12', message: '' },
        { field: 'tags', code: 'too-many', limit: 20, message: '' },
        { field: 'notes', code: 'too-long', limit: 2000, message: '' },
      ],
      form,
    );
    expect(placed.numberAt).toEqual({ 1: { key: 'number-invalid', values: { value: '090-12', limit: 0 } } });
    expect(placed.tags?.key).toBe('too-many-tags');
    expect(placed.notes).toEqual({ key: 'too-long', values: { value: '', limit: 2000 } });
    expect(takenProblem({ code: 'number-taken', number: '+819011112222', owner: { name: '鈴木' } })).toEqual({
      key: 'number-taken',
      values: { number: '090-1111-2222', owner: '鈴木' },
    });
  });

  it('has a message for every problem key it can produce, in both languages', () => {
    const keys = [
      'name-missing',
      'number-invalid',
      'too-long',
      'tag-too-long',
      'too-many-numbers',
      'too-many-tags',
      'wrong-type',
      'number-taken',
    ];
    for (const lang of ['ja', 'en'] as const) {
      for (const key of keys)
        expect(
          contactsMessages[lang].problems[key as keyof typeof contactsMessages.ja.problems],
          key,
        ).toBeTruthy();
    }
  });
});

describe('contacts messages', () => {
  it('say the same things in Japanese and English', () => {
    const shape = (value: unknown): unknown =>
      typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
        : 'text';
    expect(shape(contactsMessages.en)).toEqual(shape(contactsMessages.ja));
  });
});
