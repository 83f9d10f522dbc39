import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv } from './csv-parse.ts';

describe('readCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and knows where each record starts', () => {
    const text = ['名前,メモ', '"山田, 太郎","1行目', '2行目"', '"鈴木 ""花子""",', '佐藤,最後'].join('\r\n');
    expect(readCsv(text)).toEqual({
      records: [
        { line: 1, fields: ['名前', 'メモ'] },
        { line: 2, fields: ['山田, 太郎', '1行目\r\n2行目'] },
        { line: 4, fields: ['鈴木 "花子"', ''] },
        { line: 5, fields: ['佐藤', '最後'] },
      ],
      unclosedQuotes: [],
    });
  });

  it('counts lines the same with LF, CRLF or old Mac CR line ends', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const text = `a,b${nl}"x${nl}y${nl}z",1${nl}c,2${nl}`;
      expect(readCsv(text).records.map((r) => r.line)).toEqual([1, 2, 5]);
    }
  });

  it('reads stray quotes the way Excel does', () => {
    expect(readCsv('ab"c,"q"x,d').records[0]?.fields).toEqual(['ab"c', 'qx', 'd']);
  });

  it('drops only the record whose quote is never closed and reads on from the next line', () => {
    const text = ['名前,電話', '"山田,090-1111-2222', '鈴木,090-3333-4444', '佐藤,090-5555-6666'].join('\n');
    const read = readCsv(text);
    expect(read.unclosedQuotes).toEqual([2]);
    expect(read.records).toEqual([
      { line: 1, fields: ['名前', '電話'] },
      { line: 3, fields: ['鈴木', '090-3333-4444'] },
      { line: 4, fields: ['佐藤', '090-5555-6666'] },
    ]);
  });

  it('keeps empty fields and blank lines as records (the importer skips them)', () => {
    expect(readCsv('a,,\n\nb').records).toEqual([
      { line: 1, fields: ['a', '', ''] },
      { line: 2, fields: [''] },
      { line: 3, fields: ['b'] },
    ]);
  });

  it('reads tab-separated text, and tells it from CSV by the first line', () => {
    expect(detectDelimiter('名前\t電話\t会社, 支店\n')).toBe('\t');
    expect(detectDelimiter('名前,電話\tx\n')).toBe(',');
    expect(readCsv('a\t"b\tc"\n', '\t').records[0]?.fields).toEqual(['a', 'b\tc']);
  });
});
