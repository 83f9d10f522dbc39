/**
 * The flow page's parts built by other areas of the editor, in one place: the page imports them
 * from here (the JSON view is not among them: it is loaded lazily, with Monaco). Until the
 * canvas lands, a stand-in lists the steps and shows the simulated path.
 */
import { useTranslation } from 'react-i18next';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { useEditor } from '../state/editor-store.ts';

export function FlowCanvas() {
  const { t } = useTranslation('flowPage');
  const flow = useEditor((s) => s.flow);
  const simulation = useEditor((s) => s.simulation);
  const select = useEditor((s) => s.select);
  if (!flow) return null;
  return (
    <section className="part-placeholder" aria-label={t('placeholder.canvas')}>
      <ol className="placeholder-steps">
        {flow.nodes.map((n) => (
          <li
            key={n.id}
            data-node-id={n.id}
            data-path={simulation?.path.includes(n.id) ? 'true' : undefined}
            data-active={simulation?.activeNodeId === n.id ? 'true' : undefined}
          >
            <button type="button" className="link-button" onClick={() => select([n.id])}>
              {n.label ?? n.id}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function Palette() {
  const { t } = useTranslation('flowPage');
  return <div className="part-placeholder">{t('placeholder.palette')}</div>;
}

/** Identity until the canvas's auto-layout lands. */
export function autoLayout(flow: FlowDocument): FlowDocument {
  return flow;
}

export { Inspector } from '../inspector/inspector.tsx';
export { useIssueMessage } from '../problems/issue-message.ts';
export { ProblemsPanel } from '../problems/problems-panel.tsx';
