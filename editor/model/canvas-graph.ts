/**
 * The flow document seen as xyflow nodes and edges. The derivers keep a cache so that a node
 * whose inputs did not change keeps the *same object*: xyflow then skips it entirely, which is
 * what keeps a 300-node flow smooth while one node is dragged or one field is typed into.
 */
import type { Edge, Position, XYPosition, Node as XyNode } from '@xyflow/react';
import type { LocalParts } from '../../runtime/engine/local-time.ts';
import type { FlowDocument, Node } from '../../schema/generated/flow.ts';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import type { Issue, Severity } from '../../schema/issue.ts';
import { portsOf, targetOf } from '../../schema/kinds.ts';
import { handleBoxes, type Lang, nodeSize } from './canvas-geometry.ts';
import { nodeSummary, type SummaryLine } from './canvas-summary.ts';
import { kindMeta } from './kind-meta.ts';

export interface NodeIssues {
  severity: Severity;
  count: number;
  issues: readonly Issue[];
}

/** How the simulator highlight touches a node or an edge. */
export type SimMark = 'active' | 'path' | 'dim' | null;

export type StepData = {
  node: Node;
  start: boolean;
  summary: SummaryLine[];
  issues: NodeIssues | null;
  sim: SimMark;
};

export type StepNode = XyNode<StepData, 'step'>;

export interface Simulation {
  path: readonly string[];
  activeNodeId: string | null;
  ports: readonly string[];
}

export interface NodeInput {
  flow: FlowDocument;
  lang: Lang;
  selection: readonly string[];
  issues: readonly Issue[];
  simulation: Simulation | null;
  schedules: Readonly<Record<string, ScheduleDocument>>;
  today: LocalParts | undefined;
  /** Positions for nodes without `ui` (computed by the auto-layout). */
  fallback?: ReadonlyMap<string, XYPosition>;
  /** Positions of nodes being dragged (not yet in the document). */
  overrides?: ReadonlyMap<string, XYPosition>;
}

/** Which node an issue belongs to: its nodeId, else the `/nodes/<i>` its pointer names. */
export function issueNodeId(issue: Issue, flow: FlowDocument): string | undefined {
  if (issue.nodeId) return issue.nodeId;
  const match = /^\/nodes\/(\d+)(?:\/|$)/.exec(issue.path);
  return match ? flow.nodes[Number(match[1])]?.id : undefined;
}

interface DataEntry {
  node: Node;
  schedule: ScheduleDocument | undefined;
  day: string | undefined;
  issuesKey: string;
  data: StepData;
}

/** A deriver of xyflow nodes that reuses every node object whose inputs are unchanged. */
export function createNodeDeriver(): (input: NodeInput) => StepNode[] {
  let dataCache = new Map<string, DataEntry>();
  let nodeCache = new Map<string, StepNode>();
  let lastLang: Lang | undefined;
  // Steps xyflow has been given handle estimates for: it keeps (and later measures) them, and a
  // node object without `handles` leaves them as they are (an estimate would undo a measurement).
  const introduced = new Set<string>();
  let last: { input: NodeInput; result: StepNode[]; index: Map<string, number> } | undefined;

  const placed = (input: NodeInput, node: Node): XYPosition =>
    input.overrides?.get(node.id) ?? node.ui ?? input.fallback?.get(node.id) ?? { x: 0, y: 0 };

  /**
   * A drag changes only `overrides`: then only the dragged steps get new objects, found by index,
   * and the rest of the work (issues by step, summaries, 300 cache lookups) is skipped — this
   * runs on every frame of a drag.
   */
  const moveOnly = (input: NodeInput): StepNode[] | undefined => {
    const before = last?.input;
    if (
      !last ||
      !before ||
      before.flow !== input.flow ||
      before.lang !== input.lang ||
      before.selection !== input.selection ||
      before.issues !== input.issues ||
      before.simulation !== input.simulation ||
      before.schedules !== input.schedules ||
      before.today !== input.today ||
      before.fallback !== input.fallback
    )
      return undefined;
    const result = last.result.slice();
    const ids = new Set([...(before.overrides?.keys() ?? []), ...(input.overrides?.keys() ?? [])]);
    for (const id of ids) {
      const i = last.index.get(id);
      const prev = i === undefined ? undefined : result[i];
      const node = i === undefined ? undefined : input.flow.nodes[i];
      if (i === undefined || !prev || !node) continue;
      const position = placed(input, node);
      if (prev.position.x === position.x && prev.position.y === position.y) continue;
      const moved = makeNode(node, prev.data, position, prev.selected ?? false, input.lang, false);
      result[i] = moved;
      nodeCache.set(id, moved);
    }
    last = { ...last, input, result };
    return result;
  };

  return (input) => {
    const fast = moveOnly(input);
    if (fast) return fast;
    const { flow, simulation, today } = input;
    if (input.lang !== lastLang) nodeCache = new Map();
    lastLang = input.lang;
    const selected = new Set(input.selection);
    const byNode = new Map<string, Issue[]>();
    for (const issue of input.issues) {
      const id = issueNodeId(issue, flow);
      if (id !== undefined) byNode.set(id, [...(byNode.get(id) ?? []), issue]);
    }
    const onPath = new Set(simulation?.path ?? []);
    const nextData = new Map<string, DataEntry>();
    const nextNodes = new Map<string, StepNode>();
    const result: StepNode[] = [];
    for (const node of flow.nodes) {
      const old = dataCache.get(node.id);
      const schedule = node.kind === 'hours' ? input.schedules[node.params.schedule] : undefined;
      const day = node.kind === 'hours' ? today?.date : undefined;
      const nodeIssues = byNode.get(node.id) ?? [];
      const issuesKey = nodeIssues.map((i) => `${i.severity}|${i.code}|${i.path}|${i.message}`).join('\n');
      const sim: SimMark = !simulation
        ? null
        : simulation.activeNodeId === node.id
          ? 'active'
          : onPath.has(node.id)
            ? 'path'
            : 'dim';
      const start = flow.start === node.id;
      const sameSummary = old && old.node === node && old.schedule === schedule && old.day === day;
      const summary = sameSummary
        ? old.data.summary
        : nodeSummary(node, { schedules: input.schedules, today });
      const issues =
        old && old.issuesKey === issuesKey
          ? old.data.issues
          : nodeIssues.length === 0
            ? null
            : {
                severity: nodeIssues.some((i) => i.severity === 'error')
                  ? ('error' as const)
                  : ('warning' as const),
                count: nodeIssues.length,
                issues: nodeIssues,
              };
      const reuse =
        old &&
        old.node === node &&
        old.data.summary === summary &&
        old.data.issues === issues &&
        old.data.start === start &&
        old.data.sim === sim;
      const data: StepData = reuse ? old.data : { node, start, summary, issues, sim };
      nextData.set(node.id, { node, schedule, day, issuesKey, data });

      const position = placed(input, node);
      const isSelected = selected.has(node.id);
      const prev = nodeCache.get(node.id);
      const xyNode =
        prev &&
        prev.data === data &&
        prev.selected === isSelected &&
        prev.position.x === position.x &&
        prev.position.y === position.y
          ? prev
          : makeNode(node, data, position, isSelected, input.lang, !introduced.has(node.id));
      introduced.add(node.id);
      nextNodes.set(node.id, xyNode);
      result.push(xyNode);
    }
    dataCache = nextData;
    nodeCache = nextNodes;
    last = { input, result, index: new Map(flow.nodes.map((n, i) => [n.id, i])) };
    return result;
  };
}

function makeNode(
  node: Node,
  data: StepData,
  position: XYPosition,
  selected: boolean,
  lang: Lang,
  withHandles: boolean,
): StepNode {
  const size = nodeSize(node);
  const kind = kindMeta[node.kind][lang];
  const xyNode: StepNode = {
    id: node.id,
    type: 'step',
    position: { x: position.x, y: position.y },
    data,
    selected,
    width: size.width,
    height: size.height,
    // Known in advance, so xyflow never hides a re-created node while it measures it again.
    measured: size,
    ariaLabel: `${kind}: ${node.label ?? node.id}`,
    domAttributes: { 'data-testid': `node-${node.id}` } as StepNode['domAttributes'],
  };
  // With its handles known, xyflow need not draw a step out of view just to measure it: a big
  // flow opens drawing only what is in view.
  if (withHandles)
    xyNode.handles = handleBoxes(node, lang, size).map((h) => ({
      ...h,
      position: (h.type === 'target' ? 'top' : 'bottom') as Position,
    }));
  return xyNode;
}

export interface EdgeInput {
  flow: FlowDocument;
  lang: Lang;
  selection: ReadonlySet<string>;
  simulation: Simulation | null;
  /** Accessible name of an edge, e.g. 「営業時間の確認「営業中」→ ご予約メニュー」. */
  describe: (source: Node, port: string, target: Node) => string;
}

/** Edge ids are `source:port`, the same form as the simulation's ports. */
export const edgeId = (source: string, port: string) => `${source}:${port}`;

/** A deriver of xyflow edges (one per connected port) that reuses unchanged edge objects. */
export function createEdgeDeriver(): (input: EdgeInput) => Edge[] {
  let cache = new Map<string, Edge>();
  let lastLang: Lang | undefined;
  return ({ flow, lang, selection, simulation, describe }) => {
    if (lang !== lastLang) cache = new Map();
    lastLang = lang;
    const byId = new Map(flow.nodes.map((n) => [n.id, n]));
    const taken = new Set(simulation?.ports ?? []);
    const next = new Map<string, Edge>();
    const result: Edge[] = [];
    for (const node of flow.nodes) {
      for (const port of portsOf(node)) {
        const targetId = targetOf(node, port);
        const target = targetId === undefined ? undefined : byId.get(targetId);
        if (!target) continue;
        const id = edgeId(node.id, port);
        const sim: SimMark = !simulation ? null : taken.has(id) ? 'path' : 'dim';
        const isSelected = selection.has(id);
        const label = describe(node, port, target);
        const prev = cache.get(id);
        const edge =
          prev &&
          prev.target === target.id &&
          prev.selected === isSelected &&
          prev.ariaLabel === label &&
          (prev.data?.sim ?? null) === sim
            ? prev
            : {
                id,
                source: node.id,
                sourceHandle: port,
                target: target.id,
                selected: isSelected,
                animated: sim === 'path',
                className: sim ? `fc-edge-${sim}` : undefined,
                ariaLabel: label,
                data: { sim },
                domAttributes: { 'data-testid': `edge-${node.id}-${port}` } as Edge['domAttributes'],
              };
        next.set(id, edge);
        result.push(edge);
      }
    }
    cache = next;
    return result;
  };
}
