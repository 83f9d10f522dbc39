/**
 * Path coverage: how often each node was entered and each port taken. Every node and every port
 * of the flow is a key (0 when never reached), so "what did my tests never try?" is a filter,
 * not a guess. Coverage of several calls adds up with mergeCoverage.
 */
import { type Flow, portsOf } from '../../schema/kinds.ts';
import type { TraceEntry } from '../engine/types.ts';
import type { Coverage } from './types.ts';

/** All nodes and ports of the flow, none taken yet. */
export function emptyCoverage(flow: Flow): Coverage {
  const coverage: Coverage = { nodes: {}, ports: {} };
  for (const node of flow.nodes) {
    coverage.nodes[node.id] = 0;
    for (const port of portsOf(node)) coverage.ports[portKey(node.id, port)] = 0;
  }
  return coverage;
}

export function portKey(nodeId: string, port: string): string {
  return `${nodeId}:${port}`;
}

/** Counts the node entries and ports taken in a call's trace. */
export function coverageFromTrace(flow: Flow, trace: readonly TraceEntry[]): Coverage {
  const coverage = emptyCoverage(flow);
  for (const entry of trace) {
    if (entry.type === 'enter') coverage.nodes[entry.nodeId] = (coverage.nodes[entry.nodeId] ?? 0) + 1;
    else if (entry.type === 'port') {
      const key = portKey(entry.nodeId, entry.port);
      coverage.ports[key] = (coverage.ports[key] ?? 0) + 1;
    }
  }
  return coverage;
}

/** Adds coverages up (several calls of the same flow). Keys of all inputs are kept. */
export function mergeCoverage(...coverages: readonly Coverage[]): Coverage {
  const merged: Coverage = { nodes: {}, ports: {} };
  for (const coverage of coverages) {
    for (const [key, count] of Object.entries(coverage.nodes))
      merged.nodes[key] = (merged.nodes[key] ?? 0) + count;
    for (const [key, count] of Object.entries(coverage.ports))
      merged.ports[key] = (merged.ports[key] ?? 0) + count;
  }
  return merged;
}

export interface CoverageSummary {
  nodes: { covered: number; total: number };
  ports: { covered: number; total: number };
  /** Never entered, in flow order. */
  uncoveredNodes: string[];
  /** Never taken, as `nodeId:port`, in flow order. */
  uncoveredPorts: string[];
}

export function summariseCoverage(coverage: Coverage): CoverageSummary {
  const uncoveredNodes = Object.keys(coverage.nodes).filter((key) => coverage.nodes[key] === 0);
  const uncoveredPorts = Object.keys(coverage.ports).filter((key) => coverage.ports[key] === 0);
  const nodeTotal = Object.keys(coverage.nodes).length;
  const portTotal = Object.keys(coverage.ports).length;
  return {
    nodes: { covered: nodeTotal - uncoveredNodes.length, total: nodeTotal },
    ports: { covered: portTotal - uncoveredPorts.length, total: portTotal },
    uncoveredNodes,
    uncoveredPorts,
  };
}

/**
 * `ports 23/23 (100%), nodes 12/12`. The percentage rounds down so that 100% always means
 * every port was taken.
 */
export function formatCoverage(summary: CoverageSummary): string {
  const { ports, nodes } = summary;
  const percent = ports.total === 0 ? 100 : Math.floor((ports.covered / ports.total) * 100);
  return `ports ${ports.covered}/${ports.total} (${percent}%), nodes ${nodes.covered}/${nodes.total}`;
}
