/**
 * The flow as JSON in Monaco, for those who want it. Loaded lazily (it pulls in Monaco). The
 * store's document stays the single source of truth: text that parses and passes the schema is
 * applied with `apply(() => parsed, 'json')` (one undo step per session of typing); changes made
 * elsewhere (canvas, inspector, undo) replace the text unless the user is typing in it, in which
 * case they are loaded when the editor loses focus.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { checkStructure } from '../../schema/structure.ts';
import { validateFlow } from '../../schema/validate.ts';
import { locatePointer } from '../model/inspector-json-pointer.ts';
import { formatIssue, useLang } from '../problems/issue-message.ts';
import { useEditor } from '../state/editor-store.ts';
import { issueMarkers, markerOwner } from './json-markers.ts';
import { flowModelUri, setupMonaco } from './monaco-setup.ts';
import './json-view.css';

type Status =
  | { kind: 'synced' | 'applied' | 'notJson' | 'pending' }
  | { kind: 'structural'; count: number; first: string };

/** How long typing pauses before the text is checked and applied (validation is not free on big flows). */
const settleMs = 250;

const serialise = (flow: FlowDocument | null) => `${JSON.stringify(flow ?? {}, null, 2)}\n`;

export default function JsonView(props: { onClose: () => void; readOnly?: boolean }) {
  const { t } = useTranslation('json');
  const { t: tp } = useTranslation('problems');
  const lang = useLang();
  const host = useRef<HTMLDivElement>(null);
  const readOnly = props.readOnly ?? false;
  const [status, setStatus] = useState<Status>({ kind: 'synced' });
  // The effect below lives as long as the view; it reads the language and t through this ref.
  const words = useRef({ lang, tp });
  words.current = { lang, tp };

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const monaco = setupMonaco();
    const initial = useEditor.getState().flow;
    const model =
      monaco.editor.getModel(flowModelUri) ??
      monaco.editor.createModel(serialise(initial), 'json', flowModelUri);
    model.setValue(serialise(initial));
    const editor = monaco.editor.create(element, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      ariaLabel: t('editorLabel'),
      readOnly,
    });
    editor.focus();

    /** The document the text shows (so our own apply is not mistaken for an outside change). */
    let shown: FlowDocument | null = initial;
    let loading = false;
    let pending = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const context = () => {
      const { schedules, channels } = useEditor.getState();
      return { schedules, ...(channels ? { channels } : {}) };
    };
    const mark = (doc: FlowDocument | null) => {
      const issues = doc ? validateFlow(doc, context()) : [];
      const { lang: l, tp: tf } = words.current;
      monaco.editor.setModelMarkers(
        model,
        markerOwner,
        doc ? issueMarkers(monaco, model, doc, issues, l, tf) : [],
      );
    };
    const load = (flow: FlowDocument | null) => {
      loading = true;
      const view = editor.saveViewState();
      model.setValue(serialise(flow));
      if (view) editor.restoreViewState(view);
      loading = false;
      shown = flow;
      mark(flow);
      setStatus({ kind: 'synced' });
    };

    const check = () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(model.getValue());
      } catch {
        monaco.editor.setModelMarkers(model, markerOwner, []);
        setStatus({ kind: 'notJson' });
        return;
      }
      const structural = checkStructure('flow', parsed);
      if (structural.length > 0) {
        monaco.editor.setModelMarkers(model, markerOwner, []);
        const { lang: l, tp: tf } = words.current;
        const first = formatIssue(structural[0]!, parsed as FlowDocument, l, tf);
        setStatus({ kind: 'structural', count: structural.length, first });
        return;
      }
      const doc = parsed as FlowDocument;
      mark(doc);
      const current = useEditor.getState().flow;
      shown = doc;
      if (JSON.stringify(doc) === JSON.stringify(current)) {
        setStatus({ kind: 'synced' });
        return;
      }
      useEditor.getState().apply(() => doc, 'json');
      setStatus({ kind: 'applied' });
    };

    /** Scrolls to a step's object, so the JSON view follows the selection and the problems list. */
    const reveal = (nodeId: string | undefined) => {
      const index = useEditor.getState().flow?.nodes.findIndex((n) => n.id === nodeId) ?? -1;
      const range = index < 0 ? undefined : locatePointer(model.getValue(), `/nodes/${index}`);
      if (!range?.exact) return;
      const position = model.getPositionAt(range.start);
      editor.revealLineNearTop(position.lineNumber);
      editor.setPosition(position);
    };

    mark(initial);
    const selected = useEditor.getState().selection;
    if (selected.length === 1) reveal(selected[0]);
    const changed = model.onDidChangeContent(() => {
      if (loading) return;
      clearTimeout(timer);
      timer = setTimeout(check, settleMs);
    });
    const blurred = editor.onDidBlurEditorText(() => {
      if (!pending) return;
      pending = false;
      load(useEditor.getState().flow);
    });
    const unsubscribe = useEditor.subscribe((state, previous) => {
      if (state.focus && state.focus !== previous.focus && !editor.hasTextFocus()) reveal(state.focus.nodeId);
      if (state.flow === previous.flow || state.flow === shown) return;
      if (editor.hasTextFocus()) {
        pending = true;
        setStatus({ kind: 'pending' });
      } else load(state.flow);
    });

    return () => {
      clearTimeout(timer);
      unsubscribe();
      changed.dispose();
      blurred.dispose();
      editor.dispose();
      model.dispose();
    };
  }, [t, readOnly]);

  return (
    // Escape anywhere in the view closes it; Monaco keeps (and marks as handled) the Escapes it uses.
    <section
      className="json-view"
      aria-labelledby="json-view-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <header className="json-view-header">
        <div>
          <h2 id="json-view-title">{t('title')}</h2>
          <p>{t('intro')}</p>
          <p>{t('closeHint')}</p>
        </div>
        <button type="button" className="button" onClick={props.onClose}>
          {t('close')}
        </button>
      </header>
      <div className="json-view-editor" ref={host} />
      <p className={`json-view-status ${status.kind}`} role="status" data-testid="json-status">
        {status.kind === 'structural'
          ? t('status.structural', { count: status.count, first: status.first })
          : t(`status.${status.kind}`)}
      </p>
    </section>
  );
}
