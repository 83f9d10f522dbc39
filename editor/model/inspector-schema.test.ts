import { describe, expect, it } from 'vitest';
import { nodeKinds } from '../../schema/kinds.ts';
import { blankFlow } from './flow-edits.ts';
import {
  commonNodeFields,
  flowFields,
  paramFields,
  schemaAt,
  splitTitle,
  titleAt,
} from './inspector-schema.ts';
import { newNode } from './node-defaults.ts';

describe('inspector schema', () => {
  it('splits bilingual titles and keeps single-language ones for both', () => {
    expect(splitTitle('読み上げる文 / Text')).toEqual({ ja: '読み上げる文', en: 'Text' });
    expect(splitTitle('ID')).toEqual({ ja: 'ID', en: 'ID' });
    expect(splitTitle(undefined)).toEqual({ ja: '', en: '' });
  });

  it('draws every kind’s params from the schema with a title and a widget', () => {
    for (const kind of nodeKinds) {
      for (const field of paramFields(kind)) {
        expect(field.title.ja, `${kind}.${field.name}`).not.toBe('');
        expect(field.path).toBe(`/params/${field.name}`);
      }
    }
    const widgets = (kind: Parameters<typeof paramFields>[0]) =>
      Object.fromEntries(paramFields(kind).map((f) => [f.name, f.widget]));
    expect(widgets('menu')).toMatchObject({
      prompt: 'template',
      options: 'menu-options',
      retries: 'integer',
      speech: 'boolean',
      saveAs: 'text',
    });
    expect(widgets('input').shape).toBe('enum');
    expect(widgets('hours').schedule).toBe('schedule');
    expect(widgets('notify')).toEqual({ channel: 'channel', message: 'template' });
    expect(widgets('sms')).toMatchObject({ to: 'phone-or-const', text: 'sms-text' });
    expect(widgets('record').endOnKey).toBe('key');
    expect(widgets('transfer')).toMatchObject({
      destinations: 'destinations',
      ringing: 'enum',
      callerId: 'phone-or-const',
    });
  });

  it('carries limits, required flags, enum values and the fixed alternative', () => {
    const menu = paramFields('menu');
    expect(menu.find((f) => f.name === 'retries')).toMatchObject({ minimum: 0, maximum: 5, required: false });
    expect(menu.find((f) => f.name === 'prompt')).toMatchObject({
      required: true,
      minLength: 1,
      maxLength: 1500,
    });
    expect(paramFields('input').find((f) => f.name === 'shape')?.values).toEqual([
      'any',
      'jp-phone',
      'jp-mobile',
      'date',
    ]);
    expect(paramFields('sms').find((f) => f.name === 'to')?.constValue).toBe('caller');
    expect(paramFields('transfer').find((f) => f.name === 'callerId')?.constValue).toBe('called-number');
  });

  it('lists the common node fields and the flow settings', () => {
    expect(commonNodeFields('say').map((f) => [f.name, f.title.ja])).toEqual([
      ['id', 'ID'],
      ['label', '表示名'],
      ['note', 'メモ'],
    ]);
    expect(flowFields().map((f) => f.title.ja)).toEqual([
      'フロー名',
      '説明',
      '言語',
      'タイムゾーン',
      '最初の手順',
    ]);
  });

  it('finds the schema and title at a pointer, choosing the node’s kind', () => {
    let flow = blankFlow('f', 'F');
    flow = { ...flow, nodes: [...flow.nodes, newNode('transfer', new Set(['greeting']), { x: 0, y: 0 })] };
    expect(titleAt(flow, '/nodes/1/params/destinations/0/number')?.ja).toBe('電話番号');
    expect(titleAt(flow, '/nodes/0/params/text')?.en).toBe('Text');
    expect(titleAt(flow, '/start')?.ja).toBe('最初の手順');
    expect(schemaAt(flow, '/nodes/1/next/failed')?.title).toBe('つなぎ先 / Target');
    expect(schemaAt(flow, '/nodes/0/params/nope')).toBeUndefined();
    expect(titleAt(flow, '/nodes/0')?.en).toBe('Steps');
  });
});
