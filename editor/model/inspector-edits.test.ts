import { describe, expect, it } from 'vitest';
import type { FlowDocument, MenuNode, TransferNode } from '../../schema/generated/flow.ts';
import { validateFlow } from '../../schema/validate.ts';
import { addNode, blankFlow, connect } from './flow-edits.ts';
import {
  addDestination,
  addOption,
  moveOption,
  parseKeywords,
  removeDestination,
  removeOption,
  renameStep,
  setDestination,
  setFlowField,
  setNodeText,
  setOptionField,
  setOptionKey,
  setParam,
  unusedKeys,
} from './inspector-edits.ts';
import { newNode } from './node-defaults.ts';

const base = (): FlowDocument => {
  let flow = blankFlow('shop', 'お店');
  flow = addNode(flow, newNode('menu', new Set(['greeting']), { x: 0, y: 200 }));
  flow = addNode(flow, newNode('hangup', new Set(['greeting', 'menu-1']), { x: 0, y: 400 }));
  flow = connect(flow, 'greeting', 'next', 'menu-1');
  flow = connect(flow, 'menu-1', '1', 'hangup-1');
  return connect(flow, 'menu-1', '2', 'hangup-1');
};
const menu = (flow: FlowDocument) => flow.nodes.find((n) => n.id === 'menu-1') as MenuNode;

describe('inspector edits', () => {
  it('sets and removes params, labels and flow settings without touching the input', () => {
    const flow = base();
    const frozen = JSON.stringify(flow);
    const edited = setParam(flow, 'menu-1', 'retries', 3);
    expect(menu(edited).params.retries).toBe(3);
    expect(menu(setParam(edited, 'menu-1', 'retries', undefined)).params).not.toHaveProperty('retries');
    expect(setParam(flow, 'menu-1', 'prompt', menu(flow).params.prompt)).toBe(flow);
    expect(setNodeText(flow, 'greeting', 'label', 'あいさつ').nodes[0]?.label).toBe('あいさつ');
    expect(
      setNodeText(setNodeText(flow, 'greeting', 'note', 'x'), 'greeting', 'note', '').nodes[0],
    ).not.toHaveProperty('note');
    expect(setFlowField(flow, 'name', '新しい名前').name).toBe('新しい名前');
    expect(setFlowField(setFlowField(flow, 'description', 'a'), 'description', '')).not.toHaveProperty(
      'description',
    );
    expect(JSON.stringify(flow)).toBe(frozen);
  });

  it('adds options with the next free key and removes them with their port', () => {
    let flow = addOption(base(), 'menu-1', '選択肢3');
    expect(menu(flow).params.options.at(-1)).toEqual({ key: '3', label: '選択肢3' });
    flow = removeOption(flow, 'menu-1', 0);
    expect(menu(flow).params.options.map((o) => o.key)).toEqual(['2', '3']);
    expect(menu(flow).next).toEqual({ '2': 'hangup-1' });
    expect(unusedKeys(menu(flow).params.options)).toEqual(['1', '4', '5', '6', '7', '8', '9', '0', '*', '#']);
    let full = base();
    for (let i = 0; i < 12; i++) full = addOption(full, 'menu-1', 'x');
    expect(menu(full).params.options).toHaveLength(12);
    expect(unusedKeys(menu(full).params.options)).toEqual([]);
  });

  it('moves a connection along with a changed key, and reorders options', () => {
    const flow = setOptionKey(base(), 'menu-1', 0, '9');
    expect(menu(flow).params.options.map((o) => o.key)).toEqual(['9', '2']);
    expect(menu(flow).next).toEqual({ '9': 'hangup-1', '2': 'hangup-1' });
    expect(validateFlow(flow).filter((i) => i.severity === 'error')).toEqual([]);
    const moved = moveOption(flow, 'menu-1', 1, -1);
    expect(menu(moved).params.options.map((o) => o.key)).toEqual(['2', '9']);
    expect(moveOption(flow, 'menu-1', 0, -1)).toBe(flow);
  });

  it('edits option labels and spoken keywords', () => {
    let flow = setOptionField(base(), 'menu-1', 0, 'label', 'ご予約');
    flow = setOptionField(flow, 'menu-1', 0, 'keywords', parseKeywords('予約、よやく, booking ,'));
    expect(menu(flow).params.options[0]).toEqual({
      key: '1',
      label: 'ご予約',
      keywords: ['予約', 'よやく', 'booking'],
    });
    flow = setOptionField(flow, 'menu-1', 0, 'keywords', []);
    expect(menu(flow).params.options[0]).not.toHaveProperty('keywords');
  });

  it('adds, edits and removes transfer destinations within 1–5', () => {
    let flow = addNode(base(), newNode('transfer', new Set(), { x: 0, y: 0 }));
    const transfer = (f: FlowDocument) => f.nodes.find((n) => n.id === 'transfer-1') as TransferNode;
    flow = setDestination(flow, 'transfer-1', 0, 'number', '03-1234-5678');
    flow = setDestination(flow, 'transfer-1', 0, 'label', '受付');
    for (let i = 0; i < 6; i++) flow = addDestination(flow, 'transfer-1');
    expect(transfer(flow).params.destinations).toHaveLength(5);
    expect(transfer(flow).params.destinations[0]).toEqual({ number: '03-1234-5678', label: '受付' });
    flow = setDestination(flow, 'transfer-1', 0, 'label', '');
    expect(transfer(flow).params.destinations[0]).toEqual({ number: '03-1234-5678' });
    for (let i = 0; i < 6; i++) flow = removeDestination(flow, 'transfer-1', 0);
    expect(transfer(flow).params.destinations).toHaveLength(1);
  });

  it('renames a step with its edges and the variables it saves under its id', () => {
    let flow = setParam(base(), 'greeting', 'text', '{{menu-1.choice}} と {{ menu-1.heard }} {{menu-10.x}}');
    flow = renameStep(flow, 'menu-1', 'main');
    expect(flow.nodes[0]?.params).toEqual({ text: '{{main.choice}} と {{ main.heard }} {{menu-10.x}}' });
    expect(flow.nodes[0]?.next).toEqual({ next: 'main' });
    const saved = setParam(
      setParam(base(), 'menu-1', 'saveAs', 'm'),
      'greeting',
      'text',
      '{{menu-1.choice}}',
    );
    expect(renameStep(saved, 'menu-1', 'main').nodes[0]?.params).toEqual({ text: '{{menu-1.choice}}' });
    expect(renameStep(base(), 'menu-1', 'hangup-1')).toEqual(base());
  });
});

describe('inspector edits that change nothing', () => {
  it('return the same document', () => {
    const flow = setOptionField(base(), 'menu-1', 0, 'keywords', ['予約']);
    expect(setOptionField(flow, 'menu-1', 0, 'keywords', ['予約'])).toBe(flow);
    expect(setOptionField(base(), 'menu-1', 0, 'keywords', [])).toEqual(base());
  });
});

describe('inspector edits on a broken draft', () => {
  it('do not throw when a menu has no options or a transfer no destinations', () => {
    const flow = addNode(base(), { id: 'm', kind: 'menu', params: {} } as never);
    const added = addOption(flow, 'm', 'x').nodes.find((n) => n.id === 'm') as MenuNode;
    expect(added.params.options).toEqual([{ key: '1', label: 'x' }]);
    const t = addNode(base(), { id: 't', kind: 'transfer', params: {} } as never);
    expect(
      (addDestination(t, 't').nodes.find((n) => n.id === 't') as TransferNode).params.destinations,
    ).toEqual([{ number: '' }]);
  });
});
