/**
 * The menu's options: key, meaning and (when speaking is on) spoken keywords, in the order the
 * prompt reads them. Each option is a port on the canvas, so adding one adds a handle, removing
 * one removes its connection, and changing a key takes the connection along (inspector-edits.ts).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuNode, MenuOption } from '../../schema/generated/flow.ts';
import type { Issue } from '../../schema/issue.ts';
import {
  addOption,
  menuKeys,
  moveOption,
  parseKeywords,
  removeOption,
  setOptionField,
  setOptionKey,
  unusedKeys,
} from '../model/inspector-edits.ts';
import { stepLabel } from '../model/inspector-issue-text.ts';
import { useLang } from '../problems/issue-message.ts';
import { useEditor } from '../state/editor-store.ts';
import { FieldRow, IssueList, issuesAt } from './field-row.tsx';

const apply = (...args: Parameters<ReturnType<typeof useEditor.getState>['apply']>) =>
  useEditor.getState().apply(...args);

export function MenuOptionsEditor(props: {
  node: MenuNode;
  label: string;
  help: string;
  issues: readonly Issue[];
}) {
  const { t } = useTranslation('inspector');
  const { node } = props;
  // A draft may be structurally broken (imported, or from an older version): never crash on it.
  const options = Array.isArray(node.params?.options) ? node.params.options : [];
  const free = unusedKeys(options);
  const labelInputs = useRef<Array<HTMLInputElement | null>>([]);
  const [focusRow, setFocusRow] = useState<number | null>(null);

  useEffect(() => {
    if (focusRow === null) return;
    labelInputs.current[focusRow]?.focus();
    labelInputs.current[focusRow]?.select();
    setFocusRow(null);
  }, [focusRow]);

  const add = () => {
    apply((f) => addOption(f, node.id, t('menu.option', { key: free[0] })));
    setFocusRow(options.length);
  };

  const own = issuesAt(props.issues, '/params/options').filter((i) => !/\/options\/\d+/.test(i.path));
  return (
    <FieldRow group label={props.label} help={props.help} required issues={own}>
      {() => (
        <>
          <ol className="menu-options">
            {options.map((option, index) => (
              <OptionRow
                // biome-ignore lint/suspicious/noArrayIndexKey: the row is the position; keying by the key would drop focus when the key changes
                key={index}
                node={node}
                option={option}
                index={index}
                free={free}
                issues={issuesAt(props.issues, `/params/options/${index}`)}
                labelRef={(el) => {
                  labelInputs.current[index] = el;
                }}
              />
            ))}
          </ol>
          <button type="button" className="button small insp-add" onClick={add} disabled={free.length === 0}>
            ＋ {t('menu.add')}
          </button>
          {free.length === 0 && <span className="insp-note">{t('menu.full')}</span>}
        </>
      )}
    </FieldRow>
  );
}

function OptionRow(props: {
  node: MenuNode;
  option: MenuOption;
  index: number;
  free: string[];
  issues: Issue[];
  labelRef: (el: HTMLInputElement | null) => void;
}) {
  const { t } = useTranslation('inspector');
  const lang = useLang();
  const { node, option, index } = props;
  const count = node.params.options?.length ?? 0;
  const keys = menuKeys.filter((k) => k === option.key || props.free.includes(k));
  const target = (node.next as Record<string, string> | undefined)?.[option.key];
  const targetNode = useEditor((s) => (target ? s.flow?.nodes.find((n) => n.id === target) : undefined));
  const name = t('menu.option', { key: option.key });
  return (
    <li className="menu-option" aria-label={name}>
      <div className="menu-option-row">
        <select
          aria-label={`${name}: ${t('menu.key')}`}
          className="menu-key"
          value={option.key}
          onChange={(e) => apply((f) => setOptionKey(f, node.id, index, e.target.value))}
        >
          {keys.map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
        </select>
        <input
          ref={props.labelRef}
          aria-label={`${name}: ${t('menu.label')}`}
          className="menu-label"
          value={option.label}
          maxLength={40}
          onChange={(e) =>
            apply(
              (f) => setOptionField(f, node.id, index, 'label', e.target.value),
              `options:${node.id}:${index}:label`,
            )
          }
        />
        <button
          type="button"
          className="icon-button"
          aria-label={t('menu.up', { key: option.key })}
          title={t('menu.up', { key: option.key })}
          disabled={index === 0}
          onClick={() => apply((f) => moveOption(f, node.id, index, -1))}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('menu.down', { key: option.key })}
          title={t('menu.down', { key: option.key })}
          disabled={index === count - 1}
          onClick={() => apply((f) => moveOption(f, node.id, index, 1))}
        >
          ↓
        </button>
        <button
          type="button"
          className="icon-button danger"
          aria-label={t('menu.remove', { key: option.key })}
          title={t('menu.remove', { key: option.key })}
          disabled={count <= 1}
          onClick={() => apply((f) => removeOption(f, node.id, index))}
        >
          ✕
        </button>
      </div>
      {node.params.speech && <KeywordsInput node={node} option={option} index={index} name={name} />}
      <p className="menu-option-target">
        {target ? t('menu.leadsTo', { target: stepLabel(targetNode, target, lang) }) : t('menu.unconnected')}
      </p>
      <IssueList issues={props.issues} />
    </li>
  );
}

/** Keywords are typed as one text; it is kept locally so a trailing 「、」 survives until the next word. */
function KeywordsInput(props: { node: MenuNode; option: MenuOption; index: number; name: string }) {
  const { t } = useTranslation('inspector');
  const stored = (props.option.keywords ?? []).join('、');
  const [text, setText] = useState(stored);
  useEffect(() => {
    setText((local) => (parseKeywords(local).join('、') === stored ? local : stored));
  }, [stored]);
  return (
    <input
      className="menu-keywords"
      aria-label={`${props.name}: ${t('menu.keywords')}`}
      placeholder={t('menu.keywordsHint')}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const words = parseKeywords(e.target.value);
        apply(
          (f) => setOptionField(f, props.node.id, props.index, 'keywords', words),
          `options:${props.node.id}:${props.index}:keywords`,
        );
      }}
    />
  );
}
