import { describe, expect, it } from 'vitest';
import { indexPointers, locatePointer, markerRange } from './inspector-json-pointer.ts';

const doc = {
  name: 'お店',
  'a/b': { '~x': 1 },
  nodes: [
    { id: 'greeting', params: { text: 'こんにちは "quoted"' }, next: {} },
    { id: 'menu', params: { options: [{ key: '1' }], retries: 2, speech: true, x: null } },
  ],
};
const text = JSON.stringify(doc, null, 2);
const slice = (r: { start: number; end: number } | undefined) => (r ? text.slice(r.start, r.end) : undefined);

describe('JSON pointer → range', () => {
  it('finds scalars, containers, escaped keys and array items', () => {
    expect(slice(locatePointer(text, '/name'))).toBe('"お店"');
    expect(slice(locatePointer(text, '/nodes/0/params/text'))).toBe('"こんにちは \\"quoted\\""');
    expect(slice(locatePointer(text, '/nodes/1/params/retries'))).toBe('2');
    expect(slice(locatePointer(text, '/nodes/1/params/speech'))).toBe('true');
    expect(slice(locatePointer(text, '/nodes/1/params/x'))).toBe('null');
    expect(slice(locatePointer(text, '/a~1b/~0x'))).toBe('1');
    expect(slice(locatePointer(text, '/nodes/1/params/options/0'))).toBe(
      '{\n            "key": "1"\n          }',
    );
    expect(slice(locatePointer(text, ''))).toBe(text);
  });

  it('gives the key range of members and falls back to the nearest ancestor', () => {
    const range = locatePointer(text, '/nodes/0/id')!;
    expect(text.slice(range.keyStart, range.keyEnd)).toBe('"id"');
    expect(range.exact).toBe(true);
    const missing = locatePointer(text, '/nodes/1/params/prompt')!;
    expect(missing.exact).toBe(false);
    expect(slice(missing)?.startsWith('{\n        "options"')).toBe(true);
    expect(locatePointer('', '/x')).toBeUndefined();
  });

  it('indexes what it could read of a broken document', () => {
    const broken = '{ "name": "a", "nodes": [ { "id": "x" }, { "id": ';
    const index = indexPointers(broken);
    expect(index.has('/nodes/0/id')).toBe(true);
    expect(locatePointer(broken, '/nodes/1/id', index)?.exact).toBe(false);
    expect(indexPointers('{"a": [1, 2,]}').has('/a/1')).toBe(true);
  });

  it('underlines scalars with their key, and only the head of containers', () => {
    const scalar = markerRange(text, locatePointer(text, '/nodes/1/params/retries')!);
    expect(text.slice(scalar.start, scalar.end)).toBe('"retries": 2');
    const member = markerRange(text, locatePointer(text, '/nodes/1/params')!);
    expect(text.slice(member.start, member.end)).toBe('"params"');
    const item = markerRange(text, locatePointer(text, '/nodes/1')!);
    expect(text.slice(item.start, item.end)).toBe('{\n      "id": "menu",');
    const empty = markerRange('{"a":{}}', locatePointer('{"a":{}}', '/a')!);
    expect(empty).toEqual({ start: 1, end: 4 });
  });
});
