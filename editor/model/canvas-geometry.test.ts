import { describe, expect, it } from 'vitest';
import type { Node } from '../../schema/generated/flow.ts';
import {
  freeSpot,
  handleBoxes,
  nodeHeight,
  nodeHeightWithoutPorts,
  nodeMinWidth,
  nodeSize,
  portViews,
} from './canvas-geometry.ts';

const menu = (count: number): Node => ({
  id: 'm',
  kind: 'menu',
  params: {
    prompt: 'p',
    options: Array.from({ length: count }, (_, i) => ({ key: String(i + 1), label: `選択肢${i + 1}` })),
  },
});

describe('canvas geometry', () => {
  it('names ports: menu keys with their label, fixed ports by name', () => {
    expect(portViews(menu(1), 'ja')).toEqual([
      { id: '1', text: '1 選択肢1', name: '1: 選択肢1' },
      { id: 'timeout', text: '無入力', name: '無入力' },
      { id: 'invalid', text: '誤入力', name: '誤入力' },
    ]);
    expect(portViews({ id: 'h', kind: 'hours', params: { schedule: 's' } }, 'en').map((p) => p.name)).toEqual(
      ['open', 'closed'],
    );
  });

  it('widens a menu as options are added, never below the minimum', () => {
    const widths = [1, 4, 8].map((n) => nodeSize(menu(n)).width);
    expect(widths[0]).toBeGreaterThanOrEqual(nodeMinWidth);
    expect(nodeSize({ id: 's', kind: 'say', params: { text: 't' } }).width).toBe(nodeMinWidth);
    expect(widths[1]).toBeGreaterThan(widths[0]!);
    expect(widths[2]).toBeGreaterThan(widths[1]!);
    expect(nodeSize(menu(4)).height).toBe(nodeHeight);
  });

  it('makes a hang-up shorter: it has no ports', () => {
    expect(nodeSize({ id: 'h', kind: 'hangup' })).toEqual({
      width: nodeMinWidth,
      height: nodeHeightWithoutPorts,
    });
  });
});

describe('handleBoxes', () => {
  it('puts the target on the top centre and the port chips in order, centred along the bottom', () => {
    const node = menu(3);
    const size = nodeSize(node);
    const [target, ...chips] = handleBoxes(node, 'ja');
    expect(target).toMatchObject({ id: null, type: 'target' });
    expect(target!.x + target!.width / 2).toBe(size.width / 2);
    expect(chips.map((c) => c.id)).toEqual(portViews(node, 'ja').map((p) => p.id));
    expect(chips.every((c) => c.type === 'source' && c.y + c.height > size.height)).toBe(true);
    const left = chips[0]!.x;
    const right = chips.at(-1)!.x + chips.at(-1)!.width;
    expect(left).toBeGreaterThan(0);
    expect(left + right).toBeCloseTo(size.width);
    for (const [i, chip] of chips.slice(1).entries())
      expect(chip.x).toBeGreaterThan(chips[i]!.x + chips[i]!.width);
  });

  it('gives a hang-up only its target', () => {
    expect(handleBoxes({ id: 'h', kind: 'hangup' }, 'en').map((h) => h.type)).toEqual(['target']);
  });
});

describe('freeSpot', () => {
  it('keeps a free position and steps away from taken ones', () => {
    expect(freeSpot([], { x: 10.4, y: 20.6 })).toEqual({ x: 10, y: 21 });
    expect(freeSpot([{ x: 0, y: 0 }], { x: 5, y: 5 })).toEqual({ x: 37, y: 37 });
    expect(
      freeSpot(
        [
          { x: 0, y: 0 },
          { x: 32, y: 32 },
        ],
        { x: 0, y: 0 },
      ),
    ).toEqual({ x: 64, y: 64 });
  });
});
