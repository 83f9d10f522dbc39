import { describe, expect, it } from 'vitest';
import { checkContact, contactLimits } from './contact-check.ts';

describe('checkContact', () => {
  it('accepts a contact as a person fills the form: numbers in any form, a string for one number', () => {
    expect(
      checkContact({
        name: ' 山田 太郎 ',
        numbers: ['090-1234-5678', '０３－１２３４－５６７８', '09012345678', ''],
        tags: ['VIP', ' VIP ', ''],
      }),
    ).toEqual({
      ok: true,
      contact: {
        name: '山田 太郎',
        company: '',
        numbers: ['+819012345678', '+81312345678'],
        notes: '',
        tags: ['VIP'],
      },
    });
    expect(checkContact({ company: 'さくら商事', numbers: '090-1234-5678' })).toMatchObject({
      ok: true,
      contact: { numbers: ['+819012345678'] },
    });
  });

  it('names every problem with its field and the value at fault', () => {
    const result = checkContact({
      name: '',
      numbers: ['090-1234', '03-1234-5678'],
      notes: 'x'.repeat(contactLimits.notes + 1),
      tags: ['t'.repeat(31)],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.field, p.code, p.value])).toEqual([
      ['notes', 'too-long', undefined],
      ['name', 'name-missing', undefined],
      ['numbers', 'number-invalid', '090-1234'],
      ['tags', 'too-long', 't'.repeat(31)],
    ]);
  });

  it('refuses the wrong JSON types instead of guessing', () => {
    const result = checkContact({ name: 5, numbers: { a: 1 }, tags: [1] });
    expect(result.ok ? [] : result.problems.map((p) => [p.field, p.code])).toEqual([
      ['name', 'wrong-type'],
      ['name', 'name-missing'],
      ['numbers', 'wrong-type'],
      ['tags', 'wrong-type'],
    ]);
  });

  it('limits how many numbers and tags one contact has', () => {
    const numbers = Array.from({ length: 11 }, (_, i) => `090-1234-${String(1000 + i)}`);
    const tags = Array.from({ length: 21 }, (_, i) => `t${i}`);
    const result = checkContact({ name: 'x', numbers, tags });
    expect(result.ok ? [] : result.problems.map((p) => [p.field, p.code, p.limit])).toEqual([
      ['numbers', 'too-many', 10],
      ['tags', 'too-many', 20],
    ]);
  });
});
