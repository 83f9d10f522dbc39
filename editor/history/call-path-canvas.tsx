/**
 * A call's path on the flow canvas: the flow version the call ran (published versions never
 * change, so this is exactly what the caller went through), opened read only in the editor store
 * with the simulator's highlight — the steps and connections taken lit, the rest faded.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { api } from '../api/client.ts';
import type { CallDetail } from '../api/history-client.ts';
import { FlowCanvas } from '../canvas/flow-canvas.tsx';
import { useEditor } from '../state/editor-store.ts';

/** Ports taken, as the canvas names its edges (`nodeId:port`). */
export function takenPorts(steps: CallDetail['steps']): string[] {
  const ports: string[] = [];
  for (const step of steps) {
    const key = step.port ? `${step.nodeId}:${step.port}` : undefined;
    if (key && !ports.includes(key)) ports.push(key);
  }
  return ports;
}

type Loaded = { status: 'loading' } | { status: 'ready'; flow: FlowDocument } | { status: 'gone' };

export function CallPathCanvas({ call }: { call: CallDetail }) {
  const { t } = useTranslation('history');
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  const { flowId, flowVersion } = call;

  useEffect(() => {
    if (!flowId || flowVersion === null) return;
    let current = true;
    Promise.all([
      api.version(flowId, flowVersion),
      api.schedules().catch(() => []),
      api.channels().catch(() => undefined),
    ]).then(
      ([version, schedules, channels]) => {
        if (!current) return;
        if (!version.document) {
          setState({ status: 'gone' });
          return;
        }
        const editor = useEditor.getState();
        // Schedules and channels first: the hours steps show their opening times, and a
        // reference to a channel that exists is not flagged as a problem.
        editor.setContext(
          Object.fromEntries(schedules.map((s) => [s.id, s])),
          channels?.map((c) => c.id),
        );
        editor.open(version.document, flowVersion);
        editor.setSimulation({ path: call.path, activeNodeId: null, ports: takenPorts(call.steps) });
        setState({ status: 'ready', flow: version.document });
      },
      () => current && setState({ status: 'gone' }),
    );
    return () => {
      current = false;
    };
  }, [flowId, flowVersion, call.path, call.steps]);

  // The editor store is shared with the flow page: leave it empty for whoever opens a flow next.
  useEffect(() => () => useEditor.getState().close(), []);

  if (!flowId || flowVersion === null) return <p className="muted">{t('detail.noFlow')}</p>;
  if (state.status === 'gone') return <p className="muted">{t('detail.flowGone')}</p>;
  return (
    <div className="history-canvas" data-testid="call-path-canvas">
      {state.status === 'ready' ? <FlowCanvas readOnly /> : <p className="loading">{t('detail.path')}…</p>}
    </div>
  );
}
