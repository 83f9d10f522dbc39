import { describe, expect, it } from 'vitest';
import type { FlowDocument, Node } from '../../schema/generated/flow.ts';
import { validateFlow } from '../../schema/validate.ts';
import {
  addNode,
  blankFlow,
  connect,
  disconnect,
  moveNodes,
  pasteNodes,
  removeNodes,
  renameNode,
} from './flow-edits.ts';
import { newNode } from './node-defaults.ts';

const base = (): FlowDocument => {
  let flow = blankFlow('shop', 'お店');
  flow = addNode(flow, newNode('menu', new Set(flow.nodes.map((n) => n.id)), { x: 0, y: 200 }));
  flow = addNode(flow, newNode('hangup', new Set(flow.nodes.map((n) => n.id)), { x: 0, y: 400 }));
  flow = connect(flow, 'greeting', 'next', 'menu-1');
  flow = connect(flow, 'menu-1', '1', 'hangup-1');
  return connect(flow, 'menu-1', '2', 'hangup-1');
};

describe('flow edits', () => {
  it('builds a valid flow from a blank one with defaults and connections', () => {
    const flow = base();
    expect(flow.nodes.map((n) => n.id)).toEqual(['greeting', 'menu-1', 'hangup-1']);
    expect(validateFlow(flow).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('never changes the document it was given', () => {
    const flow = base();
    const frozen = JSON.stringify(flow);
    connect(flow, 'greeting', 'next', 'hangup-1');
    removeNodes(flow, ['menu-1']);
    moveNodes(flow, new Map([['greeting', { x: 5, y: 5 }]]));
    expect(JSON.stringify(flow)).toBe(frozen);
  });

  it('removes nodes with the edges into them, and moves the start when the start goes', () => {
    const flow = removeNodes(base(), ['hangup-1']);
    expect(flow.nodes.find((n) => n.id === 'menu-1')?.next).toEqual({});
    const withoutStart = removeNodes(base(), ['greeting']);
    expect(withoutStart.start).toBe('menu-1');
    expect(removeNodes(base(), ['greeting', 'menu-1', 'hangup-1']).nodes).toHaveLength(3);
  });

  it('disconnects a port and renames a node everywhere it is referenced', () => {
    expect(disconnect(base(), 'menu-1', '2').nodes[1]?.next).toEqual({ '1': 'hangup-1' });
    const renamed = renameNode(base(), 'greeting', 'welcome');
    expect(renamed.start).toBe('welcome');
    expect(renamed.nodes[0]?.id).toBe('welcome');
    expect(renameNode(base(), 'menu-1', 'hangup-1')).toEqual(base());
  });

  it('pastes copies with fresh ids, keeps edges inside the copy and drops edges leaving it', () => {
    const flow = base();
    const copied = flow.nodes.filter((n) => n.id !== 'greeting') as Node[];
    const { flow: pasted, ids } = pasteNodes(flow, copied);
    expect(ids).toEqual(['menu-2', 'hangup-2']);
    expect(pasted.nodes.find((n) => n.id === 'menu-2')?.next).toEqual({ '1': 'hangup-2', '2': 'hangup-2' });
    expect(pasted.nodes.find((n) => n.id === 'menu-2')?.ui).toEqual({ x: 40, y: 240 });
    const lonely = pasteNodes(flow, [flow.nodes[0]!]).flow.nodes.at(-1);
    expect(lonely?.next).toEqual({});
  });
});
