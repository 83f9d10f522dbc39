/**
 * Tarjan's components: the variable dataflow relies on the order in which they come out (every
 * component after the ones it reaches), so that order is tested here, not just the grouping.
 */
import { describe, expect, it } from 'vitest';
import { isCyclic, stronglyConnectedComponents } from './scc.ts';

describe('stronglyConnectedComponents', () => {
  // 0 → 1 ⇄ 2 → 3 → 3 (self loop); 4 → 0 is not reachable from 0.
  const graph = [[1], [2], [1, 3], [3], [0]];

  it('groups nodes into components and lists reached ones after what they reach', () => {
    const { components, componentOf } = stronglyConnectedComponents(graph, [0]);
    expect(components.map((c) => [...c].sort())).toEqual([[3], [1, 2], [0]]);
    expect(componentOf[4]).toBe(-1);
    for (let from = 0; from < graph.length; from++) {
      for (const to of graph[from]!) {
        if (componentOf[from] === -1) continue;
        expect(componentOf[to]!).toBeLessThanOrEqual(componentOf[from]!);
      }
    }
  });

  it('tells cycles from single steps, self loops included', () => {
    const { components } = stronglyConnectedComponents(graph, graph.keys());
    const cyclic = components.filter((c) => isCyclic(c, graph)).map((c) => [...c].sort());
    expect(cyclic).toEqual([[3], [1, 2]]);
  });

  it('ignores excluded nodes and the edges to them', () => {
    const { components } = stronglyConnectedComponents(graph, graph.keys(), (node) => node !== 2);
    expect(components.some((c) => c.length > 1)).toBe(false);
    expect(components.flat().sort()).toEqual([0, 1, 3, 4]);
  });

  it('walks a long chain without recursion', () => {
    const chain = Array.from({ length: 100_000 }, (_, i) => (i + 1 < 100_000 ? [i + 1] : [0]));
    const { components } = stronglyConnectedComponents(chain, [0]);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(100_000);
  });
});
