/**
 * What the canvas shows when a flow opens. A flow that fits as a recognisable overview is fitted
 * entirely; a big one (300 steps) would fit only as specks, so then the view fits the start and
 * the steps right after it (breadth-first), as many as stay readable. The fit-view button still
 * shows everything.
 */
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { portsOf, targetOf } from '../../schema/kinds.ts';
import { nodeSize, portOverhang } from './canvas-geometry.ts';

/** A whole flow is fitted when it can be seen at least this big. */
export const overviewZoom = 0.2;
/** Otherwise the start is fitted at a zoom where the text of a step can be read. */
export const readableZoom = 0.6;
const padding = 0.15;

type PositionOf = (id: string) => { x: number; y: number } | undefined;

interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const emptyBounds = (): Bounds => ({
  left: Number.POSITIVE_INFINITY,
  top: Number.POSITIVE_INFINITY,
  right: Number.NEGATIVE_INFINITY,
  bottom: Number.NEGATIVE_INFINITY,
});

function include(bounds: Bounds, box: Bounds | undefined): void {
  if (!box) return;
  bounds.left = Math.min(bounds.left, box.left);
  bounds.top = Math.min(bounds.top, box.top);
  bounds.right = Math.max(bounds.right, box.right);
  bounds.bottom = Math.max(bounds.bottom, box.bottom);
}

function fitZoom(bounds: Bounds, viewport: { width: number; height: number }): number {
  if (!Number.isFinite(bounds.left)) return 1;
  const usable = 1 - 2 * padding;
  return Math.min(
    (viewport.width * usable) / (bounds.right - bounds.left),
    (viewport.height * usable) / (bounds.bottom - bounds.top),
  );
}

/** Node ids in breadth-first order from the start (then the unreachable ones). */
export function breadthFirst(flow: FlowDocument): string[] {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const order: string[] = [];
  const seen = new Set<string>();
  const queue = [flow.start];
  for (let i = 0; i < queue.length; i += 1) {
    const id = queue[i]!;
    const node = byId.get(id);
    if (!node || seen.has(id)) continue;
    seen.add(id);
    order.push(id);
    for (const port of portsOf(node)) {
      const target = targetOf(node, port);
      if (target !== undefined && !seen.has(target)) queue.push(target);
    }
  }
  for (const node of flow.nodes) if (!seen.has(node.id)) order.push(node.id);
  return order;
}

interface Fit {
  /** The nodes fitted, undefined for all of them. */
  ids: string[] | undefined;
  bounds: Bounds;
}

function chooseFit(
  flow: FlowDocument,
  positionOf: PositionOf,
  viewport: { width: number; height: number },
): Fit {
  const boxes = new Map<string, Bounds>();
  for (const node of flow.nodes) {
    const p = positionOf(node.id);
    if (!p) continue;
    const size = nodeSize(node);
    boxes.set(node.id, {
      left: p.x,
      top: p.y,
      right: p.x + size.width,
      bottom: p.y + size.height + portOverhang,
    });
  }
  const all = emptyBounds();
  for (const box of boxes.values()) include(all, box);
  if (fitZoom(all, viewport) >= overviewZoom) return { ids: undefined, bounds: all };
  const order = breadthFirst(flow);
  const shown = emptyBounds();
  include(shown, boxes.get(order[0]!));
  let count = 1;
  for (; count < order.length; count += 1) {
    const next = { ...shown };
    include(next, boxes.get(order[count]!));
    if (fitZoom(next, viewport) < readableZoom) break;
    Object.assign(shown, next);
  }
  return { ids: order.slice(0, count), bounds: shown };
}

/** The nodes to fit on opening: undefined for all of them. Linear in the number of nodes. */
export function initialFitNodes(
  flow: FlowDocument,
  positionOf: PositionOf,
  viewport: { width: number; height: number } | undefined,
): string[] | undefined {
  if (!viewport || viewport.width === 0 || viewport.height === 0) return undefined;
  return chooseFit(flow, positionOf, viewport).ids;
}

/**
 * The viewport (xyflow's `{ x, y, zoom }`) that shows what `initialFitNodes` chooses, centred,
 * never zoomed in beyond 1 nor out beyond `minZoom`. Computed before the canvas mounts, so the
 * first frame is already the right one.
 */
export function initialViewport(
  flow: FlowDocument,
  positionOf: PositionOf,
  viewport: { width: number; height: number },
  minZoom: number,
): { x: number; y: number; zoom: number } {
  const { bounds } = chooseFit(flow, positionOf, viewport);
  if (!Number.isFinite(bounds.left)) return { x: 0, y: 0, zoom: 1 };
  const zoom = Math.max(minZoom, Math.min(1, fitZoom(bounds, viewport)));
  const centreX = (bounds.left + bounds.right) / 2;
  const centreY = (bounds.top + bounds.bottom) / 2;
  return { x: viewport.width / 2 - centreX * zoom, y: viewport.height / 2 - centreY * zoom, zoom };
}
