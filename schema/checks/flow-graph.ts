/**
 * The flow as a graph, built once per validation: id → index, successor lists through the real
 * ports, and what the start reaches. Every check reads this instead of re-scanning the node list,
 * which keeps validation linear for flows of thousands of steps.
 */
import type { Node } from '../generated/flow.ts';
import { type Issue, type IssueCode, pointer } from '../issue.ts';
import { type Flow, portsOf } from '../kinds.ts';
import { type Components, stronglyConnectedComponents } from './scc.ts';

export interface FlowGraph {
  flow: Flow;
  nodes: readonly Node[];
  /** The first node with each id (later duplicates are reported and otherwise ignored). */
  indexOf: ReadonlyMap<string, number>;
  /** Ports of each node (a menu's option keys plus timeout/invalid). */
  ports: readonly ReadonlySet<string>[];
  /** Targets of each node's real ports that name an existing node. */
  successors: readonly (readonly number[])[];
  startIndex: number | undefined;
  /** Components of the part of the flow the start reaches; componentOf is -1 for the rest. */
  reached: Components;
}

export function buildFlowGraph(flow: Flow): FlowGraph {
  const nodes = flow.nodes;
  const indexOf = new Map<string, number>();
  nodes.forEach((node, index) => {
    if (!indexOf.has(node.id)) indexOf.set(node.id, index);
  });
  const ports = nodes.map((node) => new Set(portsOf(node)));
  const successors = nodes.map((node, index) => {
    const targets: number[] = [];
    for (const [port, target] of nextEntries(node)) {
      const to = indexOf.get(target);
      if (to !== undefined && ports[index]!.has(port)) targets.push(to);
    }
    return targets;
  });
  const startIndex = indexOf.get(flow.start);
  const reached = stronglyConnectedComponents(successors, startIndex === undefined ? [] : [startIndex]);
  return { flow, nodes, indexOf, ports, successors, startIndex, reached };
}

/** The node's `next` map as [port, target] pairs. */
export function nextEntries(node: Node): [string, string][] {
  const next = node.next as Record<string, string> | undefined;
  return next ? Object.entries(next) : [];
}

export function isReachable(graph: FlowGraph, index: number): boolean {
  return graph.reached.componentOf[index] !== -1;
}

/** An issue about node `index`, at a pointer below it (e.g. 'params', 'text'). */
export function nodeIssue(
  nodes: readonly Node[],
  index: number,
  code: IssueCode,
  below: ReadonlyArray<string | number>,
  message: string,
  severity: Issue['severity'] = 'error',
): Issue {
  const node = nodes[index]!;
  return { code, severity, path: pointer('nodes', index, ...below), nodeId: node.id, message };
}

/** How a step is named in messages: its label when it has one, else its id. */
export function stepName(node: Node): string {
  return node.label ? `step "${node.id}" (${node.label})` : `step "${node.id}"`;
}
