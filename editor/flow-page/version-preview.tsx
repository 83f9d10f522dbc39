/**
 * A published version, read only, in words: each step with its kind, what it says and where
 * its choices lead, plus how it differs from the flow being edited (so "should I go back to
 * this?" has an answer without reading JSON).
 */
import { useTranslation } from 'react-i18next';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { kindMeta, portNames } from '../model/kind-meta.ts';
import { diffFlows, outlineFlow } from '../model/page-versions.ts';
import { useEditor } from '../state/editor-store.ts';

export function VersionPreview({ document }: { document: FlowDocument }) {
  const { t, i18n } = useTranslation('flowPage');
  const current = useEditor((s) => s.flow);
  const en = i18n.language === 'en';
  const diff = current ? diffFlows(document, current) : null;
  const changed = diff ? diff.added.length + diff.removed.length + diff.changed.length : 0;
  const portName = (port: string) => {
    const name = portNames[port];
    return name ? (en ? name.en : name.ja) : port;
  };

  return (
    <div className="version-preview">
      {diff && (
        <p className="dialog-note">
          {changed === 0
            ? t('historyDialog.same')
            : t('historyDialog.diff', {
                added: diff.added.length,
                removed: diff.removed.length,
                changed: diff.changed.length,
              })}
        </p>
      )}
      <ol className="outline">
        {outlineFlow(document).map((row) => {
          const meta = kindMeta[row.kind];
          return (
            <li key={row.id} className="outline-row" style={{ borderLeftColor: meta.color }}>
              <div className="outline-head">
                <span className="outline-kind" style={{ color: meta.color }}>
                  {en ? meta.en : meta.ja}
                </span>
                <strong>{row.label}</strong>
                {row.start && <span className="badge">{t('historyDialog.start')}</span>}
              </div>
              {row.summary && <p className="outline-summary">{row.summary}</p>}
              {row.next.length > 0 && (
                <ul className="outline-next">
                  {row.next.map((n) => (
                    <li key={n.port}>
                      {t('historyDialog.nextTo', { port: portName(n.port), target: n.target })}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
