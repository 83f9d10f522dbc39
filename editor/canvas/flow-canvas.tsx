/**
 * The flow drawn as a diagram (@xyflow/react). The store's FlowDocument is the truth: nodes and
 * edges are derived from it (unchanged ones keep their objects, so xyflow re-renders only what
 * changed), and every gesture becomes one pure edit through `apply`. Only what is in flight —
 * positions while dragging, which edges are selected — stays local (canvas-gestures.ts).
 */
import '@xyflow/react/dist/style.css';
import './canvas.css';
import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type XYPosition,
} from '@xyflow/react';
import { type DragEvent, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Node } from '../../schema/generated/flow.ts';
import { isNodeKind } from '../../schema/kinds.ts';
import { type Lang, nodeSize, portViews } from '../model/canvas-geometry.ts';
import { createEdgeDeriver, createNodeDeriver, type StepNode } from '../model/canvas-graph.ts';
import { initialViewport } from '../model/canvas-view.ts';
import { useEditor } from '../state/editor-store.ts';
import { addStep, paletteMime, registerCanvasView } from './canvas-actions.ts';
import { noEdges, useCanvasGestures } from './canvas-gestures.ts';
import { useFallbackPositions, useToday } from './canvas-hooks.ts';
import { CanvasTextContext } from './canvas-text.ts';
import { MiniMap } from './mini-map.tsx';
import { StepNodeComponent } from './step-node.tsx';
import { useCanvasKeys } from './use-canvas-keys.ts';

// Outside any component: a new object on each render would make xyflow re-create every node.
const nodeTypes = { step: StepNodeComponent };
const defaultEdgeOptions = {
  markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
  interactionWidth: 18,
};
const fitViewOptions = { padding: 0.1 };
const multiSelectKeys = ['Shift', 'Meta', 'Control'];
/**
 * Big flows draw only the steps in view: every drawn step and its handles listen to xyflow's
 * store, which is updated on each frame of a drag. Small flows draw everything (no pop-in).
 */
const virtualiseAbove = 120;
const minZoom = 0.05;

const stepName = (node: Node) => node.label ?? node.id;

/**
 * The canvas fills its parent. xyflow is mounted only once the parent has a size and a flow is
 * open, with the first viewport already computed (model/canvas-view.ts): no frame is drawn at
 * the wrong place and nothing is rendered twice. A new flow gets a fresh xyflow instance.
 * `readOnly` (a call's path in the call log): steps can be selected and looked at, never moved,
 * connected, dropped or deleted.
 */
export function FlowCanvas({ readOnly = false }: { readOnly?: boolean } = {}) {
  const flowId = useEditor((s) => s.flow?.id ?? null);
  const host = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    const measure = () => {
      const { width, height } = element.getBoundingClientRect();
      if (width > 0 && height > 0) setSize((previous) => previous ?? { width, height });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={host} className="fc-canvas-host">
      {size && flowId !== null && (
        <ReactFlowProvider key={flowId}>
          <Canvas size={size} readOnly={readOnly} />
        </ReactFlowProvider>
      )}
    </div>
  );
}

function Canvas(props: { size: { width: number; height: number }; readOnly: boolean }) {
  const { readOnly } = props;
  const { t, i18n } = useTranslation(['canvas', 'problems']);
  const lang: Lang = i18n.language === 'en' ? 'en' : 'ja';
  const text = useMemo(() => ({ t, lang }), [t, lang]);
  const flow = useEditor((s) => s.flow);
  const selection = useEditor((s) => s.selection);
  const issues = useEditor((s) => s.issues);
  const simulation = useEditor((s) => s.simulation);
  const schedules = useEditor((s) => s.schedules);
  const focus = useEditor((s) => s.focus);
  const { screenToFlowPosition, setCenter, getZoom, fitView } = useReactFlow();
  const container = useRef<HTMLDivElement>(null);
  const today = useToday(flow?.timezone);
  const fallback = useFallbackPositions(flow);
  const [defaultViewport] = useState(() => {
    if (!flow) return undefined;
    const placed = new Map(flow.nodes.map((n) => [n.id, n.ui ?? fallback?.get(n.id)]));
    return initialViewport(flow, (id) => placed.get(id), props.size, minZoom);
  });
  const gestures = useCanvasGestures();
  const { dragging, edgeSelection, setEdgeSelection, connecting } = gestures;
  const [deriveNodes] = useState(createNodeDeriver);
  const [deriveEdges] = useState(createEdgeDeriver);

  const nodes = useMemo(
    () =>
      flow
        ? deriveNodes({
            flow,
            lang,
            selection,
            issues,
            simulation,
            schedules,
            today,
            fallback,
            overrides: dragging,
          })
        : [],
    [deriveNodes, flow, lang, selection, issues, simulation, schedules, today, fallback, dragging],
  );
  const describeEdge = useMemo(() => {
    // One translation with markers, filled in per edge: a 300-step flow has ~330 edges, and
    // i18next's interpolation for each of them is a noticeable part of opening it.
    const marks = { from: '\u0001from\u0001', port: '\u0001port\u0001', to: '\u0001to\u0001' };
    const template = t('edge', marks);
    return (source: Node, port: string, target: Node) => {
      const portName = portViews(source, lang).find((p) => p.id === port)?.name ?? port;
      return template
        .split(marks.from)
        .join(stepName(source))
        .split(marks.port)
        .join(portName)
        .split(marks.to)
        .join(stepName(target));
    };
  }, [lang, t]);
  const edges = useMemo(
    () =>
      flow ? deriveEdges({ flow, lang, selection: edgeSelection, simulation, describe: describeEdge }) : [],
    [deriveEdges, flow, lang, edgeSelection, simulation, describeEdge],
  );

  const viewportCentre = useCallback((): XYPosition => {
    const rect = container.current?.getBoundingClientRect();
    if (!rect) return { x: 0, y: 0 };
    return screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
  }, [screenToFlowPosition]);
  useEffect(
    () => registerCanvasView({ centre: viewportCentre, fit: () => void fitView(fitViewOptions) }),
    [viewportCentre, fitView],
  );

  const visibleRect = useCallback(() => {
    const rect = container.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return null;
    const from = screenToFlowPosition({ x: rect.left, y: rect.top });
    const to = screenToFlowPosition({ x: rect.right, y: rect.bottom });
    return { x: from.x, y: from.y, width: to.x - from.x, height: to.y - from.y };
  }, [screenToFlowPosition]);
  const edgeSelectionRef = useRef(edgeSelection);
  edgeSelectionRef.current = edgeSelection;
  useCanvasKeys({
    container,
    selectedEdges: () => edgeSelectionRef.current,
    clearEdgeSelection: () => setEdgeSelection(noEdges),
    visibleRect,
    readOnly,
  });

  // The problems list asks for a step: bring it into view and select it.
  useEffect(() => {
    if (!focus) return;
    const { flow: current, selection: selected, select } = useEditor.getState();
    const node = current?.nodes.find((n) => n.id === focus.nodeId);
    if (!node) return;
    const position = node.ui ?? fallback?.get(node.id) ?? { x: 0, y: 0 };
    const size = nodeSize(node);
    void setCenter(position.x + size.width / 2, position.y + size.height / 2, {
      zoom: Math.max(getZoom(), 0.9),
      duration: 300,
    });
    if (selected.length !== 1 || selected[0] !== node.id) select([node.id]);
  }, [focus, fallback, setCenter, getZoom]);

  const onDragOver = useCallback(
    (event: DragEvent) => {
      // Not calling preventDefault refuses the drop.
      if (readOnly || !event.dataTransfer.types.includes(paletteMime)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    [readOnly],
  );
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(paletteMime);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      addStep(kind, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [screenToFlowPosition],
  );

  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('a11y.node'),
      'node.a11yDescription.keyboardDisabled': t('a11y.node'),
      'node.a11yDescription.ariaLiveMessage': (p: { direction: string; x: number; y: number }) =>
        t('a11y.moved', { direction: p.direction, x: Math.round(p.x), y: Math.round(p.y) }),
      'edge.a11yDescription.default': t('a11y.edge'),
      'controls.ariaLabel': t('a11y.controls'),
      'controls.zoomIn.ariaLabel': t('a11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('a11y.zoomOut'),
      'controls.fitView.ariaLabel': t('a11y.fitView'),
      'controls.interactive.ariaLabel': t('a11y.interactive'),
      'minimap.ariaLabel': t('a11y.minimap'),
      'handle.ariaLabel': t('a11y.handle'),
    }),
    [t],
  );

  return (
    <CanvasTextContext.Provider value={text}>
      {/* xyflow's wrapper is the canvas element: role="application", scroll undone on focus. */}
      <ReactFlow<StepNode>
        ref={container}
        className={connecting ? 'fc-canvas fc-connecting' : 'fc-canvas'}
        {...(defaultViewport ? { defaultViewport } : {})}
        onDragOver={onDragOver}
        onDrop={onDrop}
        data-testid="flow-canvas"
        aria-label={t('canvasLabel')}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={gestures.onNodesChange}
        onEdgesChange={gestures.onEdgesChange}
        onConnect={gestures.onConnect}
        onConnectStart={gestures.onConnectStart}
        onConnectEnd={gestures.onConnectEnd}
        onReconnect={gestures.onReconnect}
        isValidConnection={gestures.isValidConnection}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={!readOnly}
        defaultEdgeOptions={defaultEdgeOptions}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={multiSelectKeys}
        onlyRenderVisibleElements={nodes.length > virtualiseAbove}
        minZoom={minZoom}
        maxZoom={2}
        ariaLabelConfig={ariaLabelConfig}
      >
        <Background gap={24} />
        <Controls showInteractive={false} fitViewOptions={fitViewOptions} />
        {flow && <MiniMap flow={flow} fallback={fallback} dragging={dragging} label={t('a11y.minimap')} />}
      </ReactFlow>
    </CanvasTextContext.Provider>
  );
}
