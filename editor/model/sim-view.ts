/**
 * What the canvas highlights during a simulated call: the nodes entered, the ports taken and
 * the node the call waits at. Derived from the engine's state and trace, so a loop (a menu
 * repeated after a wrong key) shows every pass through the same port once.
 */
import type { CallState, TraceEntry } from '../../runtime/engine/types.ts';

export interface SimulationHighlight {
  path: string[];
  activeNodeId: string | null;
  ports: string[];
}

export function simulationHighlight(state: CallState, trace: readonly TraceEntry[]): SimulationHighlight {
  const ports: string[] = [];
  for (const entry of trace) {
    if (entry.type !== 'port') continue;
    const key = `${entry.nodeId}:${entry.port}`;
    if (!ports.includes(key)) ports.push(key);
  }
  return {
    path: [...state.path],
    // After the call ended there is nothing to wait at; the last node of the path is still lit.
    activeNodeId: state.status === 'waiting' ? (state.waiting?.nodeId ?? null) : null,
    ports,
  };
}
