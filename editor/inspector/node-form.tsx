/**
 * The form of one selected step: its name on the canvas, every param drawn from the schema, the
 * id and the staff note, and 「削除」. Issues that belong to no field of the form (a port that
 * leads nowhere, an unreachable step) are listed at the top.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Node } from '../../schema/generated/flow.ts';
import type { Issue } from '../../schema/issue.ts';
import { removeNodes } from '../model/flow-edits.ts';
import { setNodeText } from '../model/inspector-edits.ts';
import { pathInNode } from '../model/inspector-issue-text.ts';
import { commonNodeFields, paramFields } from '../model/inspector-schema.ts';
import { type KindMeta, kindMeta } from '../model/kind-meta.ts';
import { useLang, useStableIssues } from '../problems/issue-message.ts';
import { useEditor } from '../state/editor-store.ts';
import { FieldRow, IssueList, issuesAt, useFieldText } from './field-row.tsx';
import { IdField } from './id-field.tsx';
import { ParamField } from './param-field.tsx';

export function NodeForm(props: { node: Node }) {
  const issues = useStableIssues(props.node.id);
  return <NodeFormView node={props.node} issues={issues} />;
}

// Dragging a step changes only its `ui`; the form does not need to redraw for that.
const sameExceptPosition = (a: Node, b: Node) =>
  a === b || JSON.stringify({ ...a, ui: undefined }) === JSON.stringify({ ...b, ui: undefined });

const NodeFormView = memo(
  function NodeFormView(props: { node: Node; issues: Issue[] }) {
    const { t } = useTranslation('inspector');
    const lang = useLang();
    const { node, issues } = props;
    const fields = useMemo(() => paramFields(node.kind), [node.kind]);
    const [idSpec, labelSpec, noteSpec] = useMemo(() => commonNodeFields(node.kind), [node.kind]);
    const nodeCount = useEditor((s) => s.flow?.nodes.length ?? 0);
    // An unknown kind (a broken draft) still gets a form: id, label, note and its issues.
    const meta: KindMeta = kindMeta[node.kind] ?? {
      ja: String(node.kind),
      en: String(node.kind),
      helpJa: '',
      helpEn: '',
      color: '#888',
    };
    const paths = [...fields, idSpec, labelSpec, noteSpec].flatMap((f) => (f ? [f.path] : []));
    const general = issues.filter((issue) => {
      const rel = pathInNode(issue) ?? '';
      return !paths.some((p) => rel === p || rel.startsWith(`${p}/`));
    });

    const remove = () => {
      const store = useEditor.getState();
      store.apply((f) => removeNodes(f, [node.id]));
      store.select([]);
    };

    return (
      <form
        className="insp-form"
        onSubmit={(e) => e.preventDefault()}
        aria-labelledby={`insp-title-${node.id}`}
      >
        <header className="insp-header">
          <span className="insp-kind" style={{ background: meta.color }} aria-hidden="true" />
          <h2 id={`insp-title-${node.id}`}>
            {t('stepHeading', { kind: meta[lang] })}
            <span className="insp-subtitle">{node.label ?? node.id}</span>
          </h2>
          <button
            type="button"
            className="button danger small"
            onClick={remove}
            disabled={nodeCount <= 1}
            title={nodeCount <= 1 ? t('deleteLast') : undefined}
          >
            {t('delete')}
          </button>
        </header>
        <p className="insp-help insp-kind-help">{lang === 'ja' ? meta.helpJa : meta.helpEn}</p>
        {general.length > 0 && (
          <section className="insp-general" aria-label={t('fieldIssues')}>
            <IssueList issues={general} />
          </section>
        )}
        {labelSpec && <NodeTextField node={node} spec={labelSpec} issues={issues} />}
        {fields.map((spec) => (
          <ParamField key={spec.name} node={node} spec={spec} issues={issues} />
        ))}
        {idSpec && <IdField node={node} spec={idSpec} issues={issues} />}
        {noteSpec && <NodeTextField node={node} spec={noteSpec} issues={issues} multiline />}
      </form>
    );
  },
  (a, b) => a.issues === b.issues && sameExceptPosition(a.node, b.node),
);

function NodeTextField(props: {
  node: Node;
  spec: NonNullable<ReturnType<typeof commonNodeFields>[number]>;
  issues: readonly Issue[];
  multiline?: boolean;
}) {
  const { node, spec } = props;
  const { label, help } = useFieldText(spec);
  const name = spec.name as 'label' | 'note';
  const set = (value: string) =>
    useEditor.getState().apply((f) => setNodeText(f, node.id, name, value), `${name}:${node.id}`);
  return (
    <FieldRow label={label} help={help} issues={issuesAt(props.issues, spec.path)}>
      {(control) =>
        props.multiline ? (
          <textarea
            {...control}
            rows={2}
            value={node[name] ?? ''}
            maxLength={spec.maxLength}
            onChange={(e) => set(e.target.value)}
          />
        ) : (
          <input
            {...control}
            value={node[name] ?? ''}
            maxLength={spec.maxLength}
            onChange={(e) => set(e.target.value)}
          />
        )
      }
    </FieldRow>
  );
}
