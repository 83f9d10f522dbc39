/**
 * JSON pointer → text range, for the JSON view's markers: validation names places by pointer,
 * the editor needs offsets. A small tolerant scanner records where every value and key starts
 * and ends; text after a syntax error is simply not indexed, so a pointer into a broken part
 * falls back to the nearest ancestor that was read.
 */
import { pointerSegment } from '../../schema/issue.ts';

export interface PointerRange {
  /** Offsets of the value (end exclusive). */
  start: number;
  end: number;
  /** The property name's quotes, when the value is an object member. */
  keyStart?: number;
  keyEnd?: number;
  /** False when the pointer itself was not found and this is its nearest ancestor. */
  exact: boolean;
}

interface Located {
  start: number;
  end: number;
  keyStart?: number;
  keyEnd?: number;
}

class Scanner {
  pos = 0;
  readonly found = new Map<string, Located>();
  constructor(readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  /** Reads one value at `path`; throws on a syntax error after recording what it could. */
  value(path: string, key?: { start: number; end: number }): void {
    this.skipSpace();
    const start = this.pos;
    const entry: Located = { start, end: start, ...(key ? { keyStart: key.start, keyEnd: key.end } : {}) };
    this.found.set(path, entry);
    const ch = this.text[this.pos];
    const container = ch === '{' || ch === '[';
    try {
      if (ch === '{') this.object(path);
      else if (ch === '[') this.array(path);
      else if (ch === '"') this.string();
      else {
        const match = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(this.text.slice(this.pos));
        if (!match) throw new Error(`unexpected ${ch ?? 'end'} at ${this.pos}`);
        this.pos += match[0].length;
      }
    } catch (error) {
      // A broken container still locates what it holds; a broken scalar is not there at all.
      if (container) entry.end = this.pos;
      else this.found.delete(path);
      throw error;
    }
    entry.end = this.pos;
  }

  string(): string {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length && this.text[this.pos] !== '"') {
      this.pos += this.text[this.pos] === '\\' ? 2 : 1;
    }
    if (this.pos >= this.text.length) throw new Error('unterminated string');
    this.pos++;
    return JSON.parse(this.text.slice(start, this.pos)) as string;
  }

  object(path: string): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      const keyStart = this.pos;
      if (this.text[this.pos] !== '"') throw new Error(`expected a key at ${this.pos}`);
      const name = this.string();
      const keyEnd = this.pos;
      this.skipSpace();
      if (this.text[this.pos] !== ':') throw new Error(`expected : at ${this.pos}`);
      this.pos++;
      this.value(`${path}/${pointerSegment(name)}`, { start: keyStart, end: keyEnd });
      if (this.separator('}')) return;
    }
  }

  array(path: string): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (let index = 0; ; index++) {
      this.value(`${path}/${index}`);
      if (this.separator(']')) return;
    }
  }

  /** After a member: true at the closing bracket, false after a comma. */
  separator(close: string): boolean {
    this.skipSpace();
    const ch = this.text[this.pos];
    this.pos++;
    if (ch === close) return true;
    if (ch === ',') return false;
    throw new Error(`expected , or ${close} at ${this.pos - 1}`);
  }
}

/** Every pointer of a JSON text with its range (what could be read of it). */
export function indexPointers(text: string): Map<string, Located> {
  const scanner = new Scanner(text);
  try {
    scanner.value('');
  } catch {
    // Keep what was read: markers for the sound part of a broken document still help.
  }
  return scanner.found;
}

/** Where a pointer is in a JSON text; an absent member gives its nearest present ancestor. */
export function locatePointer(
  text: string,
  pointer: string,
  index: Map<string, Located> = indexPointers(text),
): PointerRange | undefined {
  let path = pointer;
  for (;;) {
    const hit = index.get(path);
    if (hit) return { ...hit, exact: path === pointer };
    if (path === '') return undefined;
    path = path.slice(0, path.lastIndexOf('/'));
  }
}

/**
 * The range worth underlining: a scalar and its key, or only the key (or the opening line) of an
 * object or array, so a problem with a whole step does not paint the step's every line.
 */
export function markerRange(text: string, range: PointerRange): { start: number; end: number } {
  const container = text[range.start] === '{' || text[range.start] === '[';
  if (!container) return { start: range.keyStart ?? range.start, end: Math.max(range.end, range.start + 1) };
  if (range.keyStart !== undefined && range.keyEnd !== undefined)
    return { start: range.keyStart, end: range.keyEnd };
  // An array item: from its bracket to the end of its first member's line (`{ "id": "menu"`).
  let first = range.start + 1;
  while (first < range.end && /\s/.test(text[first]!)) first++;
  const lineEnd = text.indexOf('\n', first);
  return { start: range.start, end: lineEnd < 0 ? range.end : Math.min(lineEnd, range.end) };
}
