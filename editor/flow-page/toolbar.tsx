/**
 * The flow page's toolbar: the flow's name and where it stands (unsaved / saved, which version
 * callers hear), editing helpers (undo, redo, tidy up, JSON) and the three things that reach
 * the server (history, save, publish).
 */
import { useTranslation } from 'react-i18next';
import type { PageStatus } from '../model/page-status.ts';
import { useEditor } from '../state/editor-store.ts';

interface Props {
  name: string;
  status: PageStatus;
  /** False for a role that may not change flows: no undo, tidy up, save or publish. */
  editable: boolean;
  busy: 'save' | 'publish' | 'rollback' | null;
  jsonOpen: boolean;
  onSave(): void;
  onPublish(): void;
  onHistory(): void;
  onAutoLayout(): void;
  onToggleJson(): void;
}

export function Toolbar(props: Props) {
  const { t } = useTranslation('flowPage');
  const { t: ta } = useTranslation('auth');
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const undo = useEditor((s) => s.undo);
  const redo = useEditor((s) => s.redo);
  const { status, busy } = props;

  return (
    <div className="flow-toolbar" role="toolbar" aria-label={t('toolbar')}>
      <div className="flow-title">
        <h1 title={props.name}>{props.name}</h1>
        <span
          className={`flow-status flow-status-${status.save}`}
          data-testid="save-status"
          aria-live="polite"
        >
          {t(`status.${status.save}`)}
        </span>
        <span
          className={status.published ? 'flow-status flow-status-live' : 'flow-status'}
          data-testid="publish-status"
        >
          {status.published ? t('status.published', { version: status.published }) : t('status.unpublished')}
        </span>
        {!props.editable && (
          <span className="flow-status" data-testid="read-only">
            {ta('readOnly')}
          </span>
        )}
      </div>
      <div className="toolbar-group">
        {props.editable && (
          <>
            <button
              type="button"
              className="button icon-button"
              onClick={undo}
              disabled={!canUndo}
              aria-keyshortcuts="Control+Z"
              title={t('undo')}
            >
              <span aria-hidden="true">↶</span> {t('undo')}
            </button>
            <button
              type="button"
              className="button icon-button"
              onClick={redo}
              disabled={!canRedo}
              aria-keyshortcuts="Control+Shift+Z"
              title={t('redo')}
            >
              <span aria-hidden="true">↷</span> {t('redo')}
            </button>
            <button type="button" className="button" onClick={props.onAutoLayout}>
              {t('autoLayout')}
            </button>
          </>
        )}
        <button type="button" className="button" aria-pressed={props.jsonOpen} onClick={props.onToggleJson}>
          {t('json')}
        </button>
      </div>
      <div className="toolbar-group">
        <button type="button" className="button" onClick={props.onHistory}>
          {t('history')}
        </button>
        {props.editable && (
          <>
            <button
              type="button"
              className="button"
              onClick={props.onSave}
              disabled={busy !== null}
              data-testid="save-flow"
            >
              {busy === 'save' ? t('saving') : t('save')}
            </button>
            {/* Not disabled while there are errors: the dialog explains why it cannot publish. */}
            <button
              type="button"
              className="button primary"
              onClick={props.onPublish}
              disabled={busy !== null}
              data-testid="publish-flow"
            >
              {t('publish')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
