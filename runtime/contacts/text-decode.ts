/**
 * The bytes of an uploaded CSV as text. Japanese offices have three kinds of file: Excel's
 * 「CSV UTF-8」 (with a BOM), UTF-8 without one (Google Sheets, Numbers, scripts) and Excel's
 * plain 「CSV」, which is Shift_JIS (CP932). A BOM decides; otherwise text that is valid UTF-8 is
 * UTF-8 (Shift_JIS Japanese is almost never valid UTF-8); otherwise Shift_JIS. Node's
 * TextDecoder('shift_jis') follows the WHATWG encoding, which is CP932 with the NEC/IBM
 * extensions (①, ㈱, 髙), as Excel writes it. Excel's 「Unicode テキスト」 (UTF-16 with a BOM)
 * is read too.
 */

export type CsvEncoding = 'utf-8' | 'shift_jis' | 'utf-16le' | 'utf-16be';

export type DecodedText =
  | { ok: true; text: string; encoding: CsvEncoding }
  | { ok: false; reason: 'excel-file' | 'binary' | 'unknown-encoding' };

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

function decode(encoding: CsvEncoding, bytes: Uint8Array): string | undefined {
  try {
    // fatal: a byte sequence that is not of this encoding throws instead of becoming �.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  // .xlsx and .xls files: a ZIP archive, or an OLE2 compound document.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { ok: false, reason: 'excel-file' };
  }
  const boms: Array<[number[], CsvEncoding]> = [
    [[0xef, 0xbb, 0xbf], 'utf-8'],
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ];
  for (const [bom, encoding] of boms) {
    if (!startsWith(bytes, bom)) continue;
    // The decoder drops the BOM itself (ignoreBOM: false).
    const text = decode(encoding, bytes);
    return text === undefined ? { ok: false, reason: 'unknown-encoding' } : { ok: true, text, encoding };
  }
  // A NUL byte never appears in UTF-8 or Shift_JIS text: some other binary file.
  if (bytes.includes(0)) return { ok: false, reason: 'binary' };
  for (const encoding of ['utf-8', 'shift_jis'] as const) {
    const text = decode(encoding, bytes);
    if (text !== undefined) return { ok: true, text, encoding };
  }
  return { ok: false, reason: 'unknown-encoding' };
}
