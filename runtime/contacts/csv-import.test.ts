import { describe, expect, it } from 'vitest';
import { readContactsCsv } from './csv-import.ts';
import { sampleContactsCsv, shiftJis, utf8 } from './testing/sample-csv.ts';

const book = [
  '名前,会社,電話番号,メモ,タグ',
  '山田 太郎,さくら商事,090-1234-5678; 03(1234)5678,"配達は月曜, 午前中",取引先;VIP',
  '鈴木 花子,,０８０－１１１１－２２２２,,',
].join('\r\n');

describe('readContactsCsv', () => {
  it('reads the same book from UTF-8 with a BOM, UTF-8 without one, and Shift_JIS', () => {
    for (const bytes of [utf8(book, true), utf8(book), shiftJis(book)]) {
      const read = readContactsCsv(bytes);
      if (!read.ok) throw new Error(read.message);
      expect(read.errors).toEqual([]);
      expect(read.rows).toEqual([
        {
          line: 2,
          contact: {
            name: '山田 太郎',
            company: 'さくら商事',
            numbers: ['+819012345678', '+81312345678'],
            notes: '配達は月曜, 午前中',
            tags: ['取引先', 'VIP'],
          },
        },
        {
          line: 3,
          contact: { name: '鈴木 花子', company: '', numbers: ['+818011112222'], notes: '', tags: [] },
        },
      ]);
    }
    expect(readContactsCsv(shiftJis(book))).toMatchObject({ encoding: 'shift_jis' });
    expect(readContactsCsv(utf8(book, true))).toMatchObject({ encoding: 'utf-8' });
  });

  it('keeps Excel-Japan characters of Shift_JIS (CP932): ㈱, ①, 髙', () => {
    const read = readContactsCsv(shiftJis('氏名,会社名,電話\r\n髙橋 ①郎,㈱テスト,090-1234-5678\r\n'));
    expect(read.ok && read.rows[0]?.contact).toMatchObject({ name: '髙橋 ①郎', company: '㈱テスト' });
  });

  it('reads English headers, several phone columns, 姓 + 名, and says which columns it left out', () => {
    const english =
      'Name,Company,Phone 1,Phone 2,Notes,Tags,Email\nJohn Smith,ACME,+1 415 555 2671,090-1234-5678,hi,a,j@x\n';
    const read = readContactsCsv(utf8(english));
    expect(read.ok && read.rows[0]?.contact).toMatchObject({
      name: 'John Smith',
      numbers: ['+14155552671', '+819012345678'],
    });
    expect(read.ok && read.ignoredColumns).toEqual(['Email']);
    const split = readContactsCsv(
      utf8('姓,名,携帯電話,電話番号（自宅）,FAX\n山田,太郎,09012345678,0312345678,0312349999\n'),
    );
    expect(split.ok && split.rows[0]?.contact).toMatchObject({
      name: '山田 太郎',
      numbers: ['+819012345678', '+81312345678'],
    });
    expect(split.ok && split.ignoredColumns).toEqual(['FAX']);
  });

  it('reports each bad row with its line and reason, and keeps the good rows', () => {
    const text = [
      '名前,電話番号,メモ',
      '山田,090-1234-5678,"2行の',
      'メモ"',
      ',090-2222-3333,名前がない',
      '鈴木,090-1234,番号が短い',
      '"佐藤,090-4444-5555,閉じない引用符',
      '田中,080-1234-5678,',
      '',
    ].join('\r\n');
    const read = readContactsCsv(utf8(text));
    if (!read.ok) throw new Error(read.message);
    expect(read.rows.map((r) => [r.line, r.contact.name])).toEqual([
      [2, '山田'],
      [7, '田中'],
    ]);
    expect(read.errors.map((e) => [e.line, e.code, e.value])).toEqual([
      [4, 'name-missing', undefined],
      [5, 'number-invalid', '090-1234'],
      [6, 'unclosed-quote', undefined],
    ]);
  });

  it('refuses whole files it cannot read, saying why', () => {
    const codes = [
      readContactsCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])),
      readContactsCsv(new Uint8Array([0x41, 0x00, 0x42])),
      readContactsCsv(utf8('\r\n ,\r\n')),
      readContactsCsv(utf8('a,b,c\n1,2,3\n')),
    ].map((r) => (r.ok ? 'ok' : r.code));
    expect(codes).toEqual(['excel-file', 'binary', 'empty', 'no-header']);
  });

  it('reads a 10,000-row Shift_JIS book with every row valid', () => {
    const read = readContactsCsv(shiftJis(sampleContactsCsv(10_000)));
    if (!read.ok) throw new Error(read.message);
    expect(read.errors).toEqual([]);
    expect(read.rows).toHaveLength(10_000);
    expect(read.rows[9_999]?.line).toBeGreaterThan(10_000); // quoted notes span two lines
    expect(new Set(read.rows.flatMap((r) => r.contact.numbers)).size).toBe(12_500);
  });
});
