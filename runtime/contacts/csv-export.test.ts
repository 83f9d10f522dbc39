import { describe, expect, it } from 'vitest';
import type { ContactRecord } from '../store/contact-types.ts';
import { contactsToCsv, csvCell, encodeCsv } from './csv-export.ts';
import { readContactsCsv } from './csv-import.ts';

const contact = (over: Partial<ContactRecord>): ContactRecord => ({
  id: 'c1',
  name: '山田 太郎',
  company: 'さくら商事',
  numbers: ['+819012345678', '+81312345678'],
  notes: '配達は月曜, "午前"\n駐車場あり',
  tags: ['取引先', 'VIP'],
  createdAt: '2026-04-01T00:00:00.000Z',
  updatedAt: '2026-04-01T00:00:00.000Z',
  ...over,
});

describe('contact CSV export', () => {
  it('writes domestic numbers, quotes what needs it, and uses CRLF', () => {
    const text = contactsToCsv([contact({})]);
    expect(text).toBe(
      '名前,会社名,電話番号,メモ,タグ,ID\r\n' +
        '山田 太郎,さくら商事,090-1234-5678; 03-1234-5678,"配達は月曜, ""午前""\n駐車場あり",取引先; VIP,c1\r\n',
    );
  });

  it('keeps Excel from running a cell as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1 415 555 2671')).toBe("'+1 415 555 2671");
    expect(csvCell('ふつう')).toBe('ふつう');
  });

  it('imports back to the same contacts from UTF-8 with BOM and from Shift_JIS', () => {
    const contacts = [
      contact({}),
      contact({ id: 'c2', name: '', company: '=SUM(A1)', numbers: ['+14155552671'], notes: '', tags: [] }),
    ];
    const text = contactsToCsv(contacts);
    for (const encoding of ['utf-8', 'shift_jis'] as const) {
      const bytes = encodeCsv(text, encoding);
      if (encoding === 'utf-8') expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const read = readContactsCsv(bytes);
      if (!read.ok) throw new Error(read.message);
      expect(read.encoding).toBe(encoding);
      expect(read.errors).toEqual([]);
      expect(read.rows.map((r) => r.contact)).toEqual(
        contacts.map(({ id, name, company, numbers, notes, tags }) => ({
          id,
          name,
          company,
          numbers,
          notes,
          tags,
        })),
      );
    }
  });

  it('writes 〜, −, — and ¥ in Shift_JIS as Excel Japan spells them instead of "?"', () => {
    const text = contactsToCsv([contact({ notes: '営業 10時〜18時 − 月曜休み — ¥500' })]);
    expect(new TextDecoder('shift_jis').decode(encodeCsv(text, 'shift_jis'))).toContain(
      '営業 10時～18時 － 月曜休み ― ￥500',
    );
  });

  it('writes "?" for what Shift_JIS cannot hold, and everything in UTF-8', () => {
    const text = contactsToCsv([contact({ name: '𠮷野 😀' })]);
    expect(new TextDecoder('shift_jis').decode(encodeCsv(text, 'shift_jis'))).toContain('?野 ?');
    expect(new TextDecoder().decode(encodeCsv(text, 'utf-8'))).toContain('𠮷野 😀');
  });
});
