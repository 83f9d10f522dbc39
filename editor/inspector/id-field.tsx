/**
 * The step's id: technical, but it names the variables the step saves and appears in messages,
 * so it can be renamed. The draft is kept locally and applied on Enter or leaving the field;
 * edges, the start and `{{id.field}}` references follow (renameStep), and the selection too.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Node } from '../../schema/generated/flow.ts';
import type { Issue } from '../../schema/issue.ts';
import { renameStep } from '../model/inspector-edits.ts';
import type { FieldSpec } from '../model/inspector-schema.ts';
import { useEditor } from '../state/editor-store.ts';
import { FieldRow, issuesAt, useFieldText } from './field-row.tsx';

export function IdField(props: { node: Node; spec: FieldSpec; issues: readonly Issue[] }) {
  const { t } = useTranslation('inspector');
  const { node, spec } = props;
  const { label, help } = useFieldText(spec);
  const [draft, setDraft] = useState(node.id);
  useEffect(() => setDraft(node.id), [node.id]);
  const pattern = new RegExp(spec.pattern ?? '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$');

  const problemOf = (id: string): string | undefined => {
    if (id === node.id) return undefined;
    if (!pattern.test(id)) return 'id.invalid';
    const taken = useEditor.getState().flow?.nodes.some((n) => n.id === id);
    return taken ? 'id.taken' : undefined;
  };
  const problem = problemOf(draft);

  const commit = () => {
    if (draft === node.id || problem) return;
    const store = useEditor.getState();
    store.apply((f) => renameStep(f, node.id, draft));
    store.select([draft]);
  };

  return (
    <FieldRow label={label} help={help} required issues={issuesAt(props.issues, '/id')}>
      {(control) => (
        <>
          <input
            {...control}
            className="insp-id"
            value={draft}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={control['aria-invalid'] || problem !== undefined || undefined}
            onChange={(e) => setDraft(e.target.value.trim())}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
              if (e.key === 'Escape' && draft !== node.id) {
                e.stopPropagation();
                setDraft(node.id);
              }
            }}
          />
          {problem && (
            <p className="insp-local-error" role="alert">
              {t(problem)}
            </p>
          )}
        </>
      )}
    </FieldRow>
  );
}
