/**
 * The right sidebar: 「設定」 (the selected step's form) and 「シミュレーター」 as tabs, with the
 * keyboard behaviour of the ARIA tabs pattern (arrows, Home, End). Both stay mounted so a call
 * in the simulator survives a look at a step's settings.
 */
import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export type SideTab = 'settings' | 'simulator';
const tabs: SideTab[] = ['settings', 'simulator'];

interface Props {
  active: SideTab;
  onChange(tab: SideTab): void;
  panels: Record<SideTab, ReactNode>;
}

export function SidePanel({ active, onChange, panels }: Props) {
  const { t } = useTranslation('flowPage');
  const id = useId();
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});

  const onKeyDown = (e: KeyboardEvent) => {
    const index = tabs.indexOf(active);
    const next =
      e.key === 'ArrowRight'
        ? tabs[(index + 1) % tabs.length]
        : e.key === 'ArrowLeft'
          ? tabs[(index + tabs.length - 1) % tabs.length]
          : e.key === 'Home'
            ? tabs[0]
            : e.key === 'End'
              ? tabs.at(-1)
              : undefined;
    if (!next) return;
    e.preventDefault();
    onChange(next);
    buttons.current[next]?.focus();
  };

  return (
    <aside className="side-panel" aria-label={t('tabs.label')}>
      <div className="side-tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab}
            ref={(el) => {
              buttons.current[tab] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${tab}`}
            aria-selected={active === tab}
            aria-controls={`${id}-panel-${tab}`}
            tabIndex={active === tab ? 0 : -1}
            className="side-tab"
            onClick={() => onChange(tab)}
          >
            {t(`tabs.${tab}`)}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab}
          role="tabpanel"
          id={`${id}-panel-${tab}`}
          aria-labelledby={`${id}-tab-${tab}`}
          hidden={active !== tab}
          className="side-tab-panel"
        >
          {panels[tab]}
        </div>
      ))}
    </aside>
  );
}
