import { describe, expect, it } from 'vitest';
import { blankFlow } from '../model/flow-edits.ts';
import { newNode } from '../model/node-defaults.ts';
import { defaultOf } from './field-defaults.ts';
import { formatPhone, phoneProblem } from './phone-field.tsx';

describe('phone fields', () => {
  it('format Japanese numbers the national way on leaving the field', () => {
    expect(formatPhone('09012345678')).toBe('090-1234-5678');
    expect(formatPhone('0312345678')).toBe('03-1234-5678');
    expect(formatPhone('+81 50 1234 5678')).toBe('050-1234-5678');
    expect(formatPhone(' 0123 ')).toBe('0123');
    expect(formatPhone('+1 202 555 0143')).toBe('+1 202 555 0143');
  });

  it('explain a number that does not exist, or a landline where only a mobile works', () => {
    expect(phoneProblem('', false)).toBeUndefined();
    expect(phoneProblem('0123', false)).toBe('phone.invalid');
    expect(phoneProblem('03-1234-5678', false)).toBeUndefined();
    expect(phoneProblem('03-1234-5678', true)).toBe('phone.notMobile');
    expect(phoneProblem('080-1234-5678', true)).toBeUndefined();
  });
});

describe('engine defaults shown for empty fields', () => {
  it('follow the engine, the input’s shape included', () => {
    const input = newNode('input', new Set(), { x: 0, y: 0 });
    expect(defaultOf(input, 'maxDigits')).toBe(11);
    expect(defaultOf({ ...input, params: { prompt: 'x', shape: 'date' } } as never, 'maxDigits')).toBe(8);
    expect(defaultOf(newNode('record', new Set(), { x: 0, y: 0 }), 'beep')).toBe(true);
    expect(defaultOf(blankFlow('a', 'b').nodes[0]!, 'repeat')).toBe(1);
    expect(defaultOf(newNode('hours', new Set(), { x: 0, y: 0 }), 'schedule')).toBeUndefined();
  });
});
