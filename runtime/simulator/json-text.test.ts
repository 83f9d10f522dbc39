import { describe, expect, it } from 'vitest';
import { parseJsonText } from './json-text.ts';

const failure = (text: string) => {
  const parsed = parseJsonText(text);
  if (parsed.ok) throw new Error('expected a parse error');
  return parsed;
};

describe('parseJsonText', () => {
  it('parses JSON, with or without a byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a": [1, true, null, "x"]}')).toEqual({
      ok: true,
      value: { a: [1, true, null, 'x'] },
    });
  });

  it('names the line and column where the text stops being JSON', () => {
    expect(failure('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({ line: 3, column: 3 });
    expect(failure('{"a": [1, 2,]}')).toMatchObject({ line: 1, column: 13 });
    expect(failure('{"a": tru}').column).toBe(10);
    expect(failure('[1] x').column).toBe(5);
  });

  it('gives a one-line message without the snippet V8 adds', () => {
    const { message } = failure('{"name": "さくら",\n "nodes": }');
    expect(message).toBe("Unexpected token '}' (line 2, column 11)");
    expect(failure('').message).toBe('the file is empty (line 1, column 1)');
    expect(failure('{"a": 1').message).toMatch(/\(line 1, column 8\)$/);
    expect(failure('{"a": "x\ny"}').message.includes('\n')).toBe(false);
  });
});
