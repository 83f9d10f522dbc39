/**
 * One step on the canvas, for every kind: icon and Japanese kind name, label and id, a short
 * summary, an issue badge, and one labelled source handle per port along the bottom edge (the
 * chip itself is the handle, so the whole label can be dragged to connect). Its size is given by
 * model/canvas-geometry.ts, the same numbers the auto-layout uses.
 */
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { type CSSProperties, memo, useMemo } from 'react';
import type { Issue } from '../../schema/issue.ts';
import { portViews } from '../model/canvas-geometry.ts';
import type { NodeIssues, StepNode } from '../model/canvas-graph.ts';
import { issueText } from '../model/inspector-issue-text.ts';
import { kindMeta } from '../model/kind-meta.ts';
import { useEditor } from '../state/editor-store.ts';
import { useCanvasText } from './canvas-text.ts';
import { KindIcon } from './kind-icon.tsx';
import { useMeasureHandles } from './use-measure-handles.ts';

function IssueBadge(props: { issues: NodeIssues }) {
  const { t, lang } = useCanvasText();
  const { issues } = props;
  // Read the flow without subscribing: the text only needs field names, and the badge is
  // re-rendered whenever this node's issues change.
  const title = useMemo(() => {
    const flow = useEditor.getState().flow;
    const say = (issue: Issue) => {
      const text = flow ? issueText(issue, flow, lang) : undefined;
      return text
        ? t(`codes.${text.key}`, { ns: 'problems', ...text.values, defaultValue: issue.message })
        : issue.message;
    };
    return issues.issues.map((issue) => `・${say(issue)}`).join('\n');
  }, [issues, lang, t]);
  return (
    <span
      className={`fc-badge fc-badge-${issues.severity}`}
      title={title}
      role="img"
      aria-label={`${t('node.issues', { count: issues.count })}\n${title}`}
      data-testid="issue-badge"
    >
      {issues.count}
    </span>
  );
}

function StepNodeView({ id, data, selected }: NodeProps<StepNode>) {
  const { t, lang } = useCanvasText();
  const { node, start, summary, issues, sim } = data;
  const meta = kindMeta[node.kind];
  const ports = useMemo(() => portViews(node, lang), [node, lang]);

  // Handles are measured once drawn, and again when a menu option added or renamed moves them.
  useMeasureHandles(id, ports.map((p) => `${p.id}\u0001${p.text}`).join('\u0002'));

  const className = [
    'fc-node',
    `fc-kind-${node.kind}`,
    selected ? 'fc-selected' : '',
    start ? 'fc-start' : '',
    issues ? `fc-has-${issues.severity}` : '',
    sim ? `fc-sim-${sim}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const name = node.label ?? node.id;
  return (
    <div className={className} style={{ '--kind-color': meta.color } as CSSProperties}>
      <Handle
        type="target"
        position={Position.Top}
        className="fc-target"
        data-testid={`target-${id}`}
        aria-label={t('node.target', { name })}
      />
      <div className="fc-node-head">
        <KindIcon kind={node.kind} />
        <span className="fc-kind-name">{meta[lang]}</span>
        {start && (
          <span className="fc-start-mark" title={t('node.startLabel')}>
            {t('node.start')}
          </span>
        )}
        <span className="fc-head-space" />
        {issues && <IssueBadge issues={issues} />}
      </div>
      <div className="fc-node-title">
        <span className="fc-node-name">{name}</span>
        {node.label && <span className="fc-node-id">{node.id}</span>}
      </div>
      <div className={summary.length === 1 ? 'fc-summary fc-summary-single' : 'fc-summary'}>
        {summary.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity besides their order
          <div key={i} className="fc-summary-line">
            {t(line.key, line.values ?? {})}
          </div>
        ))}
      </div>
      {ports.length > 0 && (
        <div className="fc-ports">
          {ports.map((port) => (
            <Handle
              key={port.id}
              id={port.id}
              type="source"
              position={Position.Bottom}
              className="fc-port"
              data-testid={`handle-${id}-${port.id}`}
              aria-label={port.name}
              // Menu labels may be cut short on the chip; fixed port names never are.
              title={port.text === port.name ? undefined : port.name}
            >
              {port.text}
            </Handle>
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * xyflow passes the node's position as props on every frame of a drag; the step looks the same
 * wherever it is (the wrapper moves), so only what is drawn decides whether it re-renders.
 */
export const StepNodeComponent = memo(
  StepNodeView,
  (a, b) => a.id === b.id && a.data === b.data && a.selected === b.selected,
);
