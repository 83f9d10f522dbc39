import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { copyNodes, pasteOffset, readClipboard } from './canvas-clipboard.ts';
import { blankFlow, connect, pasteNodes } from './flow-edits.ts';
import { newNode } from './node-defaults.ts';

const flow = (): FlowDocument => {
  const base = blankFlow('shop', 'お店');
  const withMenu = {
    ...base,
    nodes: [...base.nodes, newNode('menu', new Set(['greeting']), { x: 0, y: 200 })],
  };
  return connect(withMenu as FlowDocument, 'greeting', 'next', 'menu-1');
};

describe('canvas clipboard', () => {
  it('round-trips the selected nodes through JSON text', () => {
    const text = copyNodes(flow(), ['menu-1', 'missing']);
    const read = readClipboard(text);
    expect(read?.flowId).toBe('shop');
    expect(read?.nodes.map((n) => n.id)).toEqual(['menu-1']);
    expect(copyNodes(flow(), [])).toBeNull();
  });

  it('pastes into another flow with fresh ids and no dangling edges', () => {
    const read = readClipboard(copyNodes(flow(), ['greeting', 'menu-1']))!;
    const other = blankFlow('other', '別');
    const { flow: pasted, ids } = pasteNodes(other, read.nodes, { x: 0, y: 0 });
    expect(ids).toEqual(['say-1', 'menu-1']);
    expect(pasted.nodes.find((n) => n.id === 'say-1')?.next).toEqual({ next: 'menu-1' });
  });

  it('refuses anything that is not a flowcall copy', () => {
    expect(readClipboard(null)).toBeNull();
    expect(readClipboard('not json')).toBeNull();
    expect(readClipboard('{"type":"other","nodes":[]}')).toBeNull();
    expect(readClipboard('{"type":"flowcall/nodes","nodes":[{"id":"x","kind":"bogus"}]}')).toBeNull();
    expect(
      readClipboard('{"type":"flowcall/nodes","nodes":[{"id":"x","kind":"say","ui":{"x":"1"}}]}'),
    ).toBeNull();
  });

  it('pastes next to the originals, further each time, or in view when they are out of sight', () => {
    const nodes = flow().nodes; // at (0,0) and (0,200)
    const view = { x: -100, y: -100, width: 800, height: 600 };
    expect(pasteOffset(nodes, view, 0)).toEqual({ x: 40, y: 40 });
    expect(pasteOffset(nodes, view, 2)).toEqual({ x: 120, y: 120 });
    expect(pasteOffset(nodes, null, 0)).toEqual({ x: 40, y: 40 });
    const far = { x: 5000, y: 5000, width: 800, height: 600 };
    expect(pasteOffset(nodes, far, 0)).toEqual({ x: 5400, y: 5200 });
  });
});
