/**
 * The flow page's parts built by other areas of the editor, in one place: the page imports them
 * from here. Until an area lands, a stand-in keeps the page usable (the canvas stand-in lists
 * the steps and shows the simulated path, so the simulator can be tried end to end).
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

export function Inspector() {
  const { t } = useTranslation('flowPage');
  return <p className="part-placeholder">{t('placeholder.inspector')}</p>;
}

export function ProblemsPanel() {
  const issues = useEditor((s) => s.issues);
  return (
    <ul className="part-placeholder">
      {issues.map((i) => (
        <li key={`${i.path}-${i.code}`}>{i.message}</li>
      ))}
    </ul>
  );
}

export function JsonView({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('flowPage');
  return (
    <div className="part-placeholder">
      <button type="button" className="button" onClick={onClose}>
        ×
      </button>
      {t('placeholder.json')}
    </div>
  );
}

/** Identity until the canvas's auto-layout lands. */
export function autoLayout(flow: FlowDocument): FlowDocument {
  return flow;
}
