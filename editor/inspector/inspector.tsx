/**
 * The inspector: the form of the one selected step, the flow's settings when nothing is
 * selected, or a hint when several steps are. It reads the selected node by id so edits of
 * other steps (or dragging them) do not redraw it.
 */
import { useTranslation } from 'react-i18next';
import { useEditor } from '../state/editor-store.ts';
import { FlowSettings } from './flow-settings.tsx';
import { NodeForm } from './node-form.tsx';
import './inspector.css';

export function Inspector() {
  const { t } = useTranslation('inspector');
  const hasFlow = useEditor((s) => s.flow !== null);
  const count = useEditor((s) => s.selection.length);
  const node = useEditor((s) =>
    s.selection.length === 1 ? s.flow?.nodes.find((n) => n.id === s.selection[0]) : undefined,
  );
  if (!hasFlow) return null;
  return (
    <aside className="inspector" aria-label={t('region')} data-testid="inspector">
      {count > 1 ? (
        <p className="insp-multiple">{t('multiple', { count })}</p>
      ) : node ? (
        <NodeForm key={node.id} node={node} />
      ) : (
        <FlowSettings />
      )}
    </aside>
  );
}
