/**
 * The palette of step kinds: icon, Japanese name and a one-line explanation. Drag an item onto
 * the canvas to place a step there, or press it (click, Enter, Space) to add one in the centre
 * of the view — so building a flow needs neither a mouse nor JSON.
 */
import './canvas.css';
import type { CSSProperties, DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type NodeKind, nodeKinds } from '../../schema/kinds.ts';
import { kindMeta } from '../model/kind-meta.ts';
import { addStep, paletteMime } from './canvas-actions.ts';
import { KindIcon } from './kind-icon.tsx';

function onDragStart(event: DragEvent, kind: NodeKind) {
  event.dataTransfer.setData(paletteMime, kind);
  event.dataTransfer.setData('text/plain', kindMeta[kind].ja);
  event.dataTransfer.effectAllowed = 'copy';
}

export function Palette() {
  const { t, i18n } = useTranslation('canvas');
  const en = i18n.language === 'en';
  return (
    <section className="fc-palette" aria-labelledby="fc-palette-title">
      <h2 className="fc-palette-title" id="fc-palette-title">
        {t('palette.title')}
      </h2>
      <p className="fc-palette-hint">{t('palette.hint')}</p>
      {nodeKinds.map((kind) => {
        const meta = kindMeta[kind];
        const name = en ? meta.en : meta.ja;
        const help = en ? meta.helpEn : meta.helpJa;
        return (
          <button
            key={kind}
            type="button"
            className="fc-palette-item"
            style={{ '--kind-color': meta.color } as CSSProperties}
            draggable
            onDragStart={(event) => onDragStart(event, kind)}
            onClick={() => addStep(kind)}
            aria-label={t('palette.add', { name, help })}
            data-testid={`palette-${kind}`}
          >
            <span className="fc-palette-icon">
              <KindIcon kind={kind} size={22} />
            </span>
            <span className="fc-palette-name">{name}</span>
            <span className="fc-palette-help">{help}</span>
          </button>
        );
      })}
    </section>
  );
}
