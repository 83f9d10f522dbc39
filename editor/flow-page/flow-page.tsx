/**
 * The page where a flow is drawn, tried and published (#/flows/<id>): toolbar on top, the
 * palette, the canvas and a sidebar (settings / simulator), the problems list at the bottom and
 * the JSON view as an overlay. The editor store holds the flow; this page loads it, talks to
 * the server for save / publish / history, and guards unsaved changes.
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/account-store.ts';
import { autoLayout } from '../canvas/auto-layout.ts';
import { FlowCanvas } from '../canvas/flow-canvas.tsx';
import { Palette } from '../canvas/palette.tsx';
import { Inspector } from '../inspector/inspector.tsx';
import { hasUnsavedFlow, pageStatus } from '../model/page-status.ts';
import { ProblemsPanel } from '../problems/problems-panel.tsx';
import { SimulatorPanel } from '../simulator-panel/simulator-panel.tsx';
import { useEditor } from '../state/editor-store.ts';
import { HistoryDialog } from './history-dialog.tsx';
import { LeaveDialog } from './leave-dialog.tsx';
import { NoticeBar } from './notice-bar.tsx';
import { PublishDialog } from './publish-dialog.tsx';
import { SidePanel, type SideTab } from './side-panel.tsx';
import { Toolbar } from './toolbar.tsx';
import { useFlowActions } from './use-flow-actions.ts';
import { useFlowLoader } from './use-flow-loader.ts';
import { useLeaveGuard } from './use-leave-guard.ts';
import './flow-page.css';

// Monaco is large: the JSON view is loaded the first time it is opened, never before.
const JsonView = lazy(() => import('../json-view/json-view.tsx'));

export function FlowPage({ flowId }: { flowId: string }) {
  const { t } = useTranslation('flowPage');
  const { state, retry } = useFlowLoader(flowId);
  if (state.status === 'loading') return <p className="loading">{t('loading')}</p>;
  if (state.status === 'error') {
    return (
      <div className="flow-page-error" role="alert">
        <h1>{state.notFound ? t('notFound') : t('loadFailed')}</h1>
        {!state.notFound && <p className="muted">{state.message}</p>}
        <div className="flow-page-error-actions">
          {!state.notFound && (
            <button type="button" className="button primary" onClick={retry}>
              {t('retry')}
            </button>
          )}
          <a className="button" href="#/flows">
            {t('backToList')}
          </a>
        </div>
      </div>
    );
  }
  return <FlowEditor flowId={flowId} />;
}

type OpenDialog = 'publish' | 'history' | null;

function FlowEditor({ flowId }: { flowId: string }) {
  const { t } = useTranslation('flowPage');
  const name = useEditor((s) => s.flow?.name ?? flowId);
  const unsaved = useEditor(hasUnsavedFlow);
  const publishedVersion = useEditor((s) => s.publishedVersion);
  const issues = useEditor((s) => s.issues);
  const apply = useEditor((s) => s.apply);
  const actions = useFlowActions(flowId);
  // Viewers and operators look at flows (and try them in the simulator) but do not change them.
  const editable = useCan()('flows:edit');
  const guard = useLeaveGuard(flowId);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [tab, setTab] = useState<SideTab>('settings');
  const [jsonOpen, setJsonOpen] = useState(false);
  const status = pageStatus({ unsaved, publishedVersion, issues });

  const publish = async (comment: string) => {
    if ((await actions.publish(comment)) !== null) setDialog(null);
  };
  const saveAndLeave = async () => {
    if (await actions.save()) guard.leave();
    else guard.stay();
  };

  return (
    <div className="flow-page">
      <Toolbar
        name={name}
        status={status}
        editable={editable}
        busy={actions.busy}
        jsonOpen={jsonOpen}
        onSave={() => void actions.save()}
        onPublish={() => setDialog('publish')}
        onHistory={() => setDialog('history')}
        onAutoLayout={() => apply(autoLayout)}
        onToggleJson={() => setJsonOpen((open) => !open)}
      />
      <NoticeBar notice={actions.notice} onDismiss={actions.dismiss} />
      <div className="flow-workspace">
        {editable && (
          <div className="flow-palette">
            <Palette />
          </div>
        )}
        <div className="flow-canvas">
          <FlowCanvas readOnly={!editable} />
          {jsonOpen && (
            <div className="flow-json-overlay">
              <Suspense fallback={<p className="loading">{t('loadingJson')}</p>}>
                <JsonView readOnly={!editable} onClose={() => setJsonOpen(false)} />
              </Suspense>
            </div>
          )}
        </div>
        <SidePanel
          active={tab}
          onChange={setTab}
          panels={{
            settings: (
              <fieldset className="plain-fieldset" disabled={!editable}>
                <Inspector />
              </fieldset>
            ),
            simulator: <SimulatorPanel />,
          }}
        />
      </div>
      <div className="flow-problems">
        <ProblemsPanel />
      </div>

      {dialog === 'publish' && (
        <PublishDialog
          errors={status.errors}
          unsaved={unsaved}
          busy={actions.busy === 'publish'}
          onPublish={(comment) => void publish(comment)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'history' && (
        <HistoryDialog
          flowId={flowId}
          publishedVersion={publishedVersion}
          unsaved={unsaved}
          busy={actions.busy === 'rollback'}
          {...(editable ? { onRollback: actions.rollback } : {})}
          onClose={() => setDialog(null)}
        />
      )}
      {guard.pending && (
        <LeaveDialog
          saving={actions.busy === 'save'}
          onStay={guard.stay}
          onLeave={guard.leave}
          onSaveAndLeave={() => void saveAndLeave()}
        />
      )}
    </div>
  );
}
