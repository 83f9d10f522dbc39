/**
 * The contact book as a CSV file Excel Japan opens as it is: UTF-8 with a BOM (Excel reads
 * BOM-less UTF-8 as Shift_JIS and garbles it) or, for older software, Shift_JIS (CP932);
 * CRLF line ends; numbers in the domestic form (090-1234-5678, which Excel keeps as text). The
 * columns are the importer's own words, with the ID last, so an edited export imports back
 * onto the same contacts.
 */
import iconv from 'iconv-lite';
import { parsePhone } from '../../schema/phone.ts';
import type { ContactRecord } from '../store/contact-types.ts';

export const exportHeader = ['名前', '会社名', '電話番号', 'メモ', 'タグ', 'ID'] as const;

export type ExportEncoding = 'utf-8' | 'shift_jis';

/** Japanese numbers in the domestic form, others in E.164. */
function writtenNumber(e164: string): string {
  const parsed = parsePhone(e164);
  return parsed?.country === 'JP' ? parsed.national : e164;
}

/**
 * One CSV cell: quoted when it holds a comma, a quote or a line break; a leading = + - @ gets a
 * quote mark so Excel shows it instead of running it as a formula (the importer removes it).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function contactsToCsv(contacts: readonly ContactRecord[]): string {
  const lines = [exportHeader.map(csvCell).join(',')];
  for (const c of contacts) {
    const cells = [
      c.name,
      c.company,
      c.numbers.map(writtenNumber).join('; '),
      c.notes,
      c.tags.join('; '),
      c.id,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Characters Macs and the web write in their JIS form, which CP932 (Excel's Shift_JIS) spells
 * with another code point — the "wave dash problem": 10時〜18時 would otherwise come out as
 * 10時?18時. ¥ becomes full-width because CP932's 0x5C reads back as a backslash.
 */
const cp932Variants: Record<string, string> = {
  '\u301C': '\uFF5E', // 〜 → ～
  '\u2212': '\uFF0D', // − → －
  '\u2016': '\u2225', // ‖ → ∥
  '\u2014': '\u2015', // — → ―
  '\u00A2': '\uFFE0', // ¢ → ￠
  '\u00A3': '\uFFE1', // £ → ￡
  '\u00AC': '\uFFE2', // ¬ → ￢
  '\u00A5': '\uFFE5', // ¥ → ￥
};
const variantPattern = new RegExp(`[${Object.keys(cp932Variants).join('')}]`, 'g');

/** The file's bytes. Shift_JIS cannot hold every character (emoji, 𠮷): those become "?". */
export function encodeCsv(text: string, encoding: ExportEncoding): Uint8Array<ArrayBuffer> {
  if (encoding === 'shift_jis') {
    const cp932Text = text.replace(variantPattern, (c) => cp932Variants[c] ?? c);
    return new Uint8Array(iconv.encode(cp932Text, 'cp932'));
  }
  return new TextEncoder().encode(`\uFEFF${text}`);
}
