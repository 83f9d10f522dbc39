/**
 * 「変数を挿入」: a menu of the variables a text may use — what every call knows (caller number,
 * date…) and what this flow's steps save — each explained in plain words. Choosing one inserts
 * `{{name}}` where the cursor was. A menu button: arrows move, Escape closes and returns focus.
 */
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stepLabel } from '../model/inspector-issue-text.ts';
import { variableChoices } from '../model/inspector-variables.ts';
import { useLang } from '../problems/issue-message.ts';
import { useEditor } from '../state/editor-store.ts';

export function VariablePicker(props: { onInsert: (name: string) => void }) {
  const { t } = useTranslation('inspector');
  const lang = useLang();
  const [open, setOpen] = useState(false);
  // The list is only needed while the menu is open; closed, edits elsewhere do not redraw it.
  const flow = useEditor((s) => (open ? s.flow : null));
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();
  const choices = useMemo(() => (flow ? variableChoices(flow) : []), [flow]);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: items.length - 1,
    };
    if (event.key in move) {
      event.preventDefault();
      items[(move[event.key]! + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  const choose = (name: string) => {
    setOpen(false);
    props.onInsert(name);
  };

  const nodes = new Map(flow?.nodes.map((n) => [n.id, n]) ?? []);
  const group = (kind: 'call' | 'step') => {
    const list = choices.filter((c) => c.group === kind);
    if (list.length === 0) return null;
    return (
      // biome-ignore lint/a11y/useSemanticElements: a group inside an ARIA menu; a fieldset is not allowed there
      <div role="group" aria-labelledby={`${id}-${kind}`} className="var-group">
        <div className="var-group-title" id={`${id}-${kind}`}>
          {t(`variables.${kind}`)}
        </div>
        {list.map((choice) => {
          const what =
            choice.group === 'call'
              ? t(`variables.builtIn.${choice.name}`, { defaultValue: choice.name })
              : t('variables.stepValue', {
                  step: stepLabel(nodes.get(choice.nodeId!), choice.nodeId!, lang),
                  what: t(`variables.field.${choice.field}`, { defaultValue: choice.field }),
                });
          return (
            <button
              key={choice.name}
              type="button"
              role="menuitem"
              className="var-item"
              tabIndex={-1}
              onClick={() => choose(choice.name)}
            >
              <span className="var-what">{what}</span>
              <code className="var-code">{`{{${choice.name}}}`}</code>
            </button>
          );
        })}
      </div>
    );
  };

  return (
    <div className="var-picker">
      <button
        ref={button}
        type="button"
        className="button small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {'{ } '}
        {t('variables.button')}
      </button>
      {open && (
        <div
          ref={menu}
          id={`${id}-menu`}
          role="menu"
          aria-label={t('variables.menuLabel')}
          className="var-menu"
          onKeyDown={onKeyDown}
        >
          {group('call')}
          {group('step')}
        </div>
      )}
    </div>
  );
}
