/**
 * Checks on the edges of a flow: ids, the start, where ports lead, menu option keys, ports that
 * must be connected, steps no call can reach (one pass over the nodes and their ports), and loops
 * that never wait (one pass of Tarjan's algorithm).
 */
import type { Issue } from '../issue.ts';
import { kindInfo, requiredPortsOf, targetOf } from '../kinds.ts';
import { type FlowGraph, isReachable, nextEntries, nodeIssue, stepName } from './flow-graph.ts';
import { isCyclic, stronglyConnectedComponents } from './scc.ts';

export function graphIssues(graph: FlowGraph): Issue[] {
  const { flow, nodes, indexOf } = graph;
  const issues: Issue[] = [];

  if (graph.startIndex === undefined) {
    issues.push({
      code: 'unknown-start',
      severity: 'error',
      path: '/start',
      message: `the flow starts at "${flow.start}", but there is no step with that id`,
    });
  }

  nodes.forEach((node, index) => {
    const first = indexOf.get(node.id);
    if (first !== index) {
      issues.push(
        nodeIssue(
          nodes,
          index,
          'duplicate-id',
          ['id'],
          `step id "${node.id}" is already used by an earlier step (/nodes/${first})`,
        ),
      );
    }

    const ports = graph.ports[index]!;
    for (const [port, target] of nextEntries(node)) {
      if (!ports.has(port)) {
        issues.push(
          nodeIssue(
            nodes,
            index,
            'bad-port',
            ['next', port],
            `${stepName(node)} has no option "${port}", so nothing can take that path`,
          ),
        );
      } else if (!indexOf.has(target)) {
        issues.push(
          nodeIssue(
            nodes,
            index,
            'unknown-target',
            ['next', port],
            `"${port}" of ${stepName(node)} leads to "${target}", but there is no step with that id`,
          ),
        );
      }
    }

    if (node.kind === 'menu') {
      const keys = new Set<string>();
      node.params.options.forEach((option, j) => {
        if (keys.has(option.key)) {
          issues.push(
            nodeIssue(
              nodes,
              index,
              'duplicate-option',
              ['params', 'options', j],
              `menu option ${option.key} ("${option.label}") uses a key another option of ${stepName(node)} already has`,
            ),
          );
        }
        keys.add(option.key);
      });
    }

    for (const port of new Set(requiredPortsOf(node))) {
      if (targetOf(node, port) !== undefined) continue;
      issues.push(
        nodeIssue(nodes, index, 'unconnected-port', ['next', port], unconnectedMessage(graph, index, port)),
      );
    }

    // With no valid start everything would be unreachable: that is one error, not n warnings.
    // A duplicate is already an error and nothing can lead to it.
    if (graph.startIndex !== undefined && first === index && !isReachable(graph, index)) {
      issues.push(
        nodeIssue(nodes, index, 'unreachable-node', [], `no call can reach ${stepName(node)}`, 'warning'),
      );
    }
  });
  return issues;
}

function unconnectedMessage(graph: FlowGraph, index: number, port: string): string {
  const node = graph.nodes[index]!;
  if (node.kind === 'menu') {
    const option = node.params.options.find((o) => o.key === port);
    if (option) return `menu option ${port} ("${option.label}") of ${stepName(node)} leads nowhere`;
  }
  return `"${port}" of ${stepName(node)} leads nowhere: connect it to a step`;
}

/** How many step ids a message lists before it says "…". */
const listedSteps = 5;

/**
 * Loops that never wait: a cycle made only of steps that run straight through (say, hours, sms,
 * notify) would spin until the engine's step limit fails the call. A cycle through a menu, input,
 * record or transfer is fine: the caller acts between two laps.
 */
export function loopIssues(graph: FlowGraph): Issue[] {
  const { nodes, successors } = graph;
  const passesThrough = (index: number): boolean => !kindInfo[nodes[index]!.kind].waits;
  // Every node is a root, so loops in unreachable parts are caught too: they break once connected.
  const { components } = stronglyConnectedComponents(successors, nodes.keys(), passesThrough);
  const issues: Issue[] = [];
  for (const component of components) {
    if (!isCyclic(component, successors)) continue;
    const members = [...component].sort((a, b) => a - b);
    const ids = members.slice(0, listedSteps).map((i) => `"${nodes[i]!.id}"`);
    const more = members.length > listedSteps ? ', …' : '';
    const message =
      members.length === 1
        ? `step ${ids[0]} leads back to itself without waiting for the caller, so the call would loop forever`
        : `steps ${ids.join(', ')}${more} form a loop that never waits for the caller, so the call would loop forever`;
    issues.push(nodeIssue(nodes, members[0]!, 'loop-without-wait', [], message));
  }
  return issues;
}
