/**
 * 「履歴」: every published version with its date (Japan time) and note, newest first. A version
 * can be looked at (read only, as a list of steps rather than JSON) and brought back: the
 * server publishes it again as a new version and makes it the draft, which is then reloaded.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type FlowVersion } from '../api/client.ts';
import { formatVersionDate, newestFirst } from '../model/page-versions.ts';
import { Dialog } from './dialog.tsx';
import { VersionPreview } from './version-preview.tsx';
import './history-dialog.css';

interface Props {
  flowId: string;
  publishedVersion: number | null;
  unsaved: boolean;
  busy: boolean;
  /** Absent for someone who may not publish: versions can be looked at, not restored. */
  onRollback?(version: number): Promise<boolean>;
  onClose(): void;
}

type Load =
  | { status: 'loading' }
  | { status: 'ready'; versions: FlowVersion[] }
  | { status: 'error'; message: string };

export function HistoryDialog({ flowId, publishedVersion, unsaved, busy, onRollback, onClose }: Props) {
  const { t, i18n } = useTranslation('flowPage');
  const { t: common } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [viewing, setViewing] = useState<FlowVersion | null>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    let current = true;
    api.versions(flowId).then(
      (versions) => current && setLoad({ status: 'ready', versions: newestFirst(versions) }),
      (error: unknown) =>
        current && setLoad({ status: 'error', message: String((error as Error).message ?? error) }),
    );
    return () => {
      current = false;
    };
  }, [flowId]);

  const view = async (version: number) => {
    try {
      setViewing(await api.version(flowId, version));
      setConfirming(false);
    } catch (error) {
      setLoad({ status: 'error', message: String((error as Error).message ?? error) });
    }
  };

  const rollback = async () => {
    if (!viewing) return;
    if (await onRollback?.(viewing.version)) onClose();
  };

  if (viewing?.document) {
    return (
      // A new key per screen: the dialog moves focus into each one (the clicked button is gone).
      <Dialog
        key={`${viewing.version}-${confirming}`}
        title={t('historyDialog.readOnly', { version: viewing.version })}
        onClose={onClose}
        wide
        testId="version-view"
        actions={
          confirming ? (
            <>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {common('cancel')}
              </button>
              <button
                type="button"
                className="button primary"
                onClick={() => void rollback()}
                disabled={busy}
                data-autofocus
              >
                {t('historyDialog.rollbackDo')}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button" onClick={() => setViewing(null)} data-autofocus>
                {t('historyDialog.back')}
              </button>
              {onRollback && (
                <button type="button" className="button primary" onClick={() => setConfirming(true)}>
                  {t('historyDialog.rollback')}
                </button>
              )}
            </>
          )
        }
      >
        {confirming && (
          <div className="dialog-alert" role="alert">
            <p>{t('historyDialog.rollbackConfirm', { version: viewing.version })}</p>
            {unsaved && <p>{t('historyDialog.rollbackUnsaved')}</p>}
          </div>
        )}
        <VersionPreview document={viewing.document} />
      </Dialog>
    );
  }

  return (
    <Dialog key="list" title={t('historyDialog.title')} onClose={onClose} wide testId="history-dialog">
      {load.status === 'loading' && <p className="muted">{t('historyDialog.loading')}</p>}
      {load.status === 'error' && (
        <p className="dialog-alert" role="alert">
          {t('historyDialog.failed', { message: load.message })}
        </p>
      )}
      {load.status === 'ready' && load.versions.length === 0 && <p>{t('historyDialog.empty')}</p>}
      {load.status === 'ready' && load.versions.length > 0 && (
        <ol className="version-list">
          {load.versions.map((v) => (
            <li key={v.version}>
              <div className="version-head">
                <strong>{t('historyDialog.version', { version: v.version })}</strong>
                {v.version === publishedVersion && (
                  <span className="badge badge-live">{t('historyDialog.current')}</span>
                )}
                <time dateTime={v.createdAt}>{formatVersionDate(v.createdAt, i18n.language)}</time>
              </div>
              <p className={v.comment ? 'version-comment' : 'version-comment muted'}>
                {v.comment || t('historyDialog.noComment')}
              </p>
              <button
                type="button"
                className="button"
                onClick={() => void view(v.version)}
                aria-label={`${t('historyDialog.version', { version: v.version })} ${t('historyDialog.view')}`}
              >
                {t('historyDialog.view')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}
