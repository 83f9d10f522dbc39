/**
 * Contact CSV files for tests and the bench, written the way Japanese offices' software writes
 * them: Excel's plain CSV is Shift_JIS (CP932) with CRLF; the 10,000-row book mixes mobile and
 * landline numbers in the forms people type, full-width digits, several numbers in a cell, quoted
 * notes with commas and line breaks, and tags.
 */
import iconv from 'iconv-lite';

export function shiftJis(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(iconv.encode(text, 'cp932'));
}

export function utf8(text: string, bom = false): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(bom ? `\uFEFF${text}` : text);
}

const families = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '髙橋',
  '齋藤',
];
const givens = ['太郎', '花子', '一郎', '美咲', '健太', '陽菜', '翔', 'さくら', '大輔', '結衣'];
const companies = ['', '株式会社さくら商事', '㈲山田工務店', 'ABC フーズ', '医療法人 緑会', ''];

const toFullWidth = (text: string) =>
  text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** The i-th caller's mobile number (090-1xxx-xxxx: all distinct below 10,000,000). */
export function sampleMobile(i: number): string {
  const digits = String(10_000_000 + i).slice(1); // 7 digits
  return `090-1${digits.slice(0, 3)}-${digits.slice(3)}`;
}

/** A header and `rows` contacts as CSV text (CRLF). Row i is on line i + 2. */
export function sampleContactsCsv(rows: number): string {
  const lines = ['氏名,会社名,電話番号1,電話番号2,備考,タグ'];
  for (let i = 0; i < rows; i++) {
    const name = `${families[i % families.length]} ${givens[i % givens.length]}${i}`;
    const company = companies[i % companies.length] ?? '';
    const mobile = sampleMobile(i);
    // Every third number is typed in full-width digits, as a Japanese IME leaves it.
    const first = i % 3 === 0 ? toFullWidth(mobile) : mobile;
    const landline =
      i % 4 === 0
        ? `03(${String(5000 + (i % 4000)).padStart(4, '0')})${String(i).padStart(4, '0').slice(-4)}`
        : '';
    const notes = i % 10 === 0 ? `"毎月${(i % 28) + 1}日に来店, 要予約\r\n駐車場あり"` : '';
    const tags = i % 5 === 0 ? '常連;予約' : '';
    lines.push([name, company, first, landline, notes, tags].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
