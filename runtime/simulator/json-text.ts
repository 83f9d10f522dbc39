/**
 * JSON.parse with a one-line, positioned error: "Unexpected token '}' (line 3, column 9)".
 * V8's messages carry a position only for some errors and differ between Node versions, so the
 * position comes from a small scanner that stops where JSON.parse would have.
 */
export type JsonParse =
  | { ok: true; value: unknown }
  | { ok: false; message: string; line: number; column: number };

export function parseJsonText(input: string): JsonParse {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const offset = firstErrorOffset(text);
    const { line, column } = lineAndColumn(text, offset);
    const reason = text.trim() === '' ? 'the file is empty' : cleanReason(raw);
    return { ok: false, message: `${reason} (line ${line}, column ${column})`, line, column };
  }
}

function cleanReason(message: string): string {
  return message
    .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
    .replace(/ at position \d+.*$/s, '')
    .replace(/ in JSON$/, '')
    .replace(/\s*\(line \d+ column \d+\)$/, '')
    .split('\n')[0]!;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Thrown by the scanner at the offset where the text stops being JSON. */
class ScanError {
  constructor(readonly offset: number) {}
}

/** Offset of the first character that makes the text invalid JSON (text.length at an early end). */
export function firstErrorOffset(text: string): number {
  const scanner = new Scanner(text);
  try {
    scanner.value();
    scanner.whitespace();
    if (scanner.i < text.length) scanner.fail();
    return text.length;
  } catch (error) {
    if (error instanceof ScanError) return Math.min(error.offset, text.length);
    throw error;
  }
}

class Scanner {
  i = 0;
  constructor(private readonly text: string) {}

  fail(): never {
    throw new ScanError(this.i);
  }

  whitespace(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i]!)) this.i++;
  }

  value(): void {
    this.whitespace();
    const ch = this.text[this.i];
    if (ch === '{') this.object();
    else if (ch === '[') this.array();
    else if (ch === '"') this.string();
    else if (ch === 't') this.literal('true');
    else if (ch === 'f') this.literal('false');
    else if (ch === 'n') this.literal('null');
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) this.number();
    else this.fail();
  }

  private object(): void {
    this.i++;
    this.whitespace();
    if (this.text[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.whitespace();
      if (this.text[this.i] !== '"') this.fail();
      this.string();
      this.whitespace();
      if (this.text[this.i] !== ':') this.fail();
      this.i++;
      this.value();
      this.whitespace();
      const ch = this.text[this.i];
      this.i++;
      if (ch === '}') return;
      if (ch !== ',') this.back();
    }
  }

  private array(): void {
    this.i++;
    this.whitespace();
    if (this.text[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.value();
      this.whitespace();
      const ch = this.text[this.i];
      this.i++;
      if (ch === ']') return;
      if (ch !== ',') this.back();
    }
  }

  /** Steps back onto the unexpected character and fails there. */
  private back(): never {
    this.i--;
    return this.fail();
  }

  private string(): void {
    this.i++; // opening quote
    while (this.i < this.text.length) {
      const ch = this.text[this.i]!;
      if (ch === '"') {
        this.i++;
        return;
      }
      if (ch < ' ') this.fail();
      this.i++;
      if (ch === '\\') this.escape();
    }
    this.fail();
  }

  private escape(): void {
    const ch = this.text[this.i];
    if (ch === 'u') {
      this.i++;
      for (let k = 0; k < 4; k++, this.i++) if (!/[0-9a-fA-F]/.test(this.text[this.i] ?? '')) this.fail();
    } else if (ch !== undefined && '"\\/bfnrt'.includes(ch)) this.i++;
    else this.fail();
  }

  private literal(word: string): void {
    for (const ch of word) {
      if (this.text[this.i] !== ch) this.fail();
      this.i++;
    }
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + 400));
    if (!match) {
      if (this.text[this.i] === '-') this.i++;
      this.fail();
    }
    this.i += match[0].length;
  }
}
