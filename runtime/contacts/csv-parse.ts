/**
 * A CSV reader (RFC 4180, read the way Excel writes and reads it) that knows the line every
 * record starts on, so an import can say 「5 行目: …」 even after quoted fields holding line
 * breaks. Lenient where Excel is: a quote inside an unquoted field is a character, text after a
 * closing quote joins the field. The one real error, a quote never closed, costs only its own
 * record: reading goes on from the line after the opening quote.
 */

export interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  fields: string[];
}

export interface CsvReadResult {
  records: CsvRecord[];
  /** Lines of records dropped because a quoted field was never closed. */
  unclosedQuotes: number[];
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

const isSpecialInQuotes = (c: number) => c === QUOTE || c === CR || c === LF;
const isSpecial = (c: number, sep: number) => c === sep || c === CR || c === LF;

/** Which separator the file uses: a tab when the first line has more tabs than commas (Excel's Unicode text). */
export function detectDelimiter(text: string): ',' | '\t' {
  const end = text.search(/\r|\n/);
  const first = end === -1 ? text : text.slice(0, end);
  const count = (c: string) => first.split(c).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

export function readCsv(text: string, delimiter: ',' | '\t' = ','): CsvReadResult {
  const sep = delimiter.charCodeAt(0);
  const records: CsvRecord[] = [];
  const unclosedQuotes: number[] = [];
  let i = 0;
  let line = 1;
  const n = text.length;

  /** Skips one line break at i (CRLF, LF or CR) and counts it. */
  const lineBreak = (): boolean => {
    const c = text.charCodeAt(i);
    if (c === CR) {
      i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    } else if (c === LF) {
      i += 1;
    } else {
      return false;
    }
    line += 1;
    return true;
  };

  while (i < n) {
    const start = { i, line };
    const fields: string[] = [];
    let field = '';
    let ended = false;
    let broken = false;
    while (!ended) {
      if (i >= n) {
        fields.push(field);
        break;
      }
      if (text.charCodeAt(i) === QUOTE && field === '') {
        // A quoted field: up to the next lone quote, line breaks and doubled quotes included.
        const open = { i, line };
        i += 1;
        let closed = false;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              field += '"';
              i += 2;
              continue;
            }
            i += 1;
            closed = true;
            break;
          }
          const from = i;
          if (lineBreak()) {
            field += text.slice(from, i);
            continue;
          }
          while (i < n && !isSpecialInQuotes(text.charCodeAt(i))) i += 1;
          field += text.slice(from, i);
        }
        if (!closed) {
          // Never closed: drop this record, read on from the line after the opening quote.
          unclosedQuotes.push(start.line);
          i = open.i;
          line = open.line;
          while (i < n && !lineBreak()) i += 1;
          broken = true;
          break;
        }
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === sep) {
        fields.push(field);
        field = '';
        i += 1;
      } else if (c === CR || c === LF) {
        fields.push(field);
        lineBreak();
        ended = true;
      } else {
        const from = i;
        while (i < n && !isSpecial(text.charCodeAt(i), sep)) i += 1;
        field += text.slice(from, i);
      }
    }
    if (!broken) records.push({ line: start.line, fields });
  }
  return { records, unclosedQuotes };
}
