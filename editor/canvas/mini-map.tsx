/**
 * The overview in the canvas's corner (全体図): every step as a box in its kind's colour, the part
 * in view unmasked; drag it (or click) to move the view, wheel over it to zoom. It looks like
 * xyflow's MiniMap (same classes and CSS variables) but draws from the flow document, not from
 * xyflow's store: xyflow's keeps one store subscription per step and measures all of them again
 * on every frame of a drag, a fifth of what a frame costs on a 300-step flow. Here a drag frame
 * redraws only the dragged steps' boxes, and panning only the mask.
 */
import { Panel, useReactFlow, useStore, type XYPosition } from '@xyflow/react';
import { memo, type PointerEvent, useMemo, useRef, type WheelEvent } from 'react';
import type { FlowDocument, Node } from '../../schema/generated/flow.ts';
import { nodeSize } from '../model/canvas-geometry.ts';
import { kindMeta } from '../model/kind-meta.ts';

const width = 200;
const height = 150;
/** Margin around everything, in minimap pixels. */
const margin = 5;
const radius = 5;

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
}

const boxOf = (node: Node, at: XYPosition): Box => ({
  id: node.id,
  x: at.x,
  y: at.y,
  ...nodeSize(node),
  color: kindMeta[node.kind].color,
});

const Boxes = memo(function Boxes({ boxes }: { boxes: readonly Box[] }) {
  return boxes.map((b) => (
    <rect
      key={b.id}
      className="react-flow__minimap-node"
      x={b.x}
      y={b.y}
      width={b.width}
      height={b.height}
      rx={radius}
      ry={radius}
      style={{ fill: b.color }}
    />
  ));
});

interface Props {
  flow: FlowDocument;
  /** Positions of steps without `ui`. */
  fallback: ReadonlyMap<string, XYPosition> | undefined;
  /** Steps being dragged, where they are now. */
  dragging: ReadonlyMap<string, XYPosition>;
  label: string;
}

export function MiniMap({ flow, fallback, dragging, label }: Props) {
  const { setViewport, getViewport } = useReactFlow();
  // The only subscription: where the view is and how big the canvas is.
  const tx = useStore((s) => s.transform[0]);
  const ty = useStore((s) => s.transform[1]);
  const zoom = useStore((s) => s.transform[2]);
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);

  const placed = (node: Node) => node.ui ?? fallback?.get(node.id) ?? { x: 0, y: 0 };
  const draggedKey = [...dragging.keys()].sort().join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: draggedKey names the steps left out
  const still = useMemo(
    () => flow.nodes.filter((n) => !dragging.has(n.id)).map((n) => boxOf(n, placed(n))),
    [flow, fallback, draggedKey],
  );
  const moving = flow.nodes.filter((n) => dragging.has(n.id)).map((n) => boxOf(n, dragging.get(n.id)!));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the document's boxes, not the drag
  const bounds = useMemo(() => {
    const all = flow.nodes.map((n) => boxOf(n, placed(n)));
    return all.length === 0
      ? undefined
      : {
          left: Math.min(...all.map((b) => b.x)),
          top: Math.min(...all.map((b) => b.y)),
          right: Math.max(...all.map((b) => b.x + b.width)),
          bottom: Math.max(...all.map((b) => b.y + b.height)),
        };
  }, [flow, fallback]);

  // What is in view, in flow coordinates; the drawing covers it and every step (as xyflow's does).
  const view = { x: -tx / zoom, y: -ty / zoom, width: paneWidth / zoom, height: paneHeight / zoom };
  const left = Math.min(view.x, bounds?.left ?? view.x);
  const top = Math.min(view.y, bounds?.top ?? view.y);
  const right = Math.max(view.x + view.width, bounds?.right ?? view.x);
  const bottom = Math.max(view.y + view.height, bounds?.bottom ?? view.y);
  const scale = Math.max((right - left) / width, (bottom - top) / height) || 1;
  const offset = margin * scale;
  const vx = left - (width * scale - (right - left)) / 2 - offset;
  const vy = top - (height * scale - (bottom - top)) / 2 - offset;
  const vw = width * scale + 2 * offset;
  const vh = height * scale + 2 * offset;

  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ pointer: number; x: number; y: number; moved: boolean } | null>(null);
  /** A pointer event's place in flow coordinates. */
  const flowPoint = (event: { clientX: number; clientY: number }): XYPosition => {
    const rect = svg.current!.getBoundingClientRect();
    return {
      x: vx + ((event.clientX - rect.left) / rect.width) * vw,
      y: vy + ((event.clientY - rect.top) / rect.height) * vh,
    };
  };
  const centreOn = (point: XYPosition) => {
    const { zoom: z } = getViewport();
    void setViewport({ x: paneWidth / 2 - point.x * z, y: paneHeight / 2 - point.y * z, zoom: z });
  };
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointer: event.pointerId, x: event.clientX, y: event.clientY, moved: false };
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || d.pointer !== event.pointerId) return;
    const rect = svg.current!.getBoundingClientRect();
    const dx = ((event.clientX - d.x) / rect.width) * vw;
    const dy = ((event.clientY - d.y) / rect.height) * vh;
    if (!d.moved && Math.hypot(event.clientX - d.x, event.clientY - d.y) < 3) return;
    d.moved = true;
    d.x = event.clientX;
    d.y = event.clientY;
    // The box follows the pointer: the view moves the same way, in flow units.
    const v = getViewport();
    void setViewport({ x: v.x - dx * v.zoom, y: v.y - dy * v.zoom, zoom: v.zoom });
  };
  const onPointerUp = (event: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    drag.current = null;
    if (d && !d.moved) centreOn(flowPoint(event));
  };
  const onWheel = (event: WheelEvent<SVGSVGElement>) => {
    const v = getViewport();
    const next = Math.min(2, Math.max(0.05, v.zoom * 2 ** (-event.deltaY * 0.002)));
    // Zoom about the centre of the view.
    const cx = (paneWidth / 2 - v.x) / v.zoom;
    const cy = (paneHeight / 2 - v.y) / v.zoom;
    void setViewport({ x: paneWidth / 2 - cx * next, y: paneHeight / 2 - cy * next, zoom: next });
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap fc-minimap" data-testid="minimap">
      <svg
        ref={svg}
        width={width}
        height={height}
        viewBox={`${vx} ${vy} ${vw} ${vh}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-label={label}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          drag.current = null;
        }}
        onWheel={onWheel}
      >
        <Boxes boxes={still} />
        <Boxes boxes={moving} />
        <path
          className="react-flow__minimap-mask"
          d={`M${vx - offset},${vy - offset}h${vw + 2 * offset}v${vh + 2 * offset}h${-vw - 2 * offset}z
            M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}
