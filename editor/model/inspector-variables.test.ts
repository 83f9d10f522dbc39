import { describe, expect, it } from 'vitest';
import { builtInVariables } from '../../schema/template.ts';
import { addNode, blankFlow } from './flow-edits.ts';
import { insertAt, listenText, sampleValues, variableChoices } from './inspector-variables.ts';
import { newNode } from './node-defaults.ts';

const flow = (() => {
  let f = blankFlow('shop', 'さくら歯科');
  f = addNode(f, newNode('menu', new Set(['greeting']), { x: 0, y: 0 }));
  f = addNode(f, {
    ...newNode('input', new Set(), { x: 0, y: 0 }),
    params: { prompt: 'x', saveAs: 'callback' },
  } as never);
  return f;
})();

describe('inspector variables', () => {
  it('offers the built-ins, then what each step saves', () => {
    const choices = variableChoices(flow);
    expect(choices.slice(0, builtInVariables.length).map((c) => c.name)).toEqual([...builtInVariables]);
    expect(choices.slice(builtInVariables.length)).toEqual([
      { name: 'menu-1.choice', group: 'step', nodeId: 'menu-1', field: 'choice' },
      { name: 'menu-1.heard', group: 'step', nodeId: 'menu-1', field: 'heard' },
      { name: 'callback.digits', group: 'step', nodeId: 'input-1', field: 'digits' },
    ]);
  });

  it('inserts at the cursor or over the selection', () => {
    expect(insertAt('abc', 1, 1, '{{x}}')).toEqual({ text: 'a{{x}}bc', cursor: 6 });
    expect(insertAt('abcdef', 1, 4, '{{x}}')).toEqual({ text: 'a{{x}}ef', cursor: 6 });
    expect(insertAt('ab', 9, 12, 'Z')).toEqual({ text: 'abZ', cursor: 3 });
  });

  it('renders a prompt with sample values', () => {
    const now = new Date(2026, 4, 3, 9, 5);
    expect(sampleValues(flow, now)).toMatchObject({
      'call.date': '2026-05-03',
      'call.time': '09:05',
      'flow.name': 'さくら歯科',
    });
    expect(
      listenText(' {{caller.national}} 様、{{callback.digits}} {{menu-1.choice}} {{nope}}', flow, now),
    ).toBe('090-1234-5678 様、09012345678 1');
  });
});
