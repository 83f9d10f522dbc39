/**
 * Loads a flow into the editor store with what validation needs around it: the schedules (by
 * id, so hours steps can be checked) and the configured notification channels. The context is
 * set before the flow is opened, so the first validation already knows them.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { ApiError, api, type FlowRecord } from '../api/client.ts';
import { type ChannelChoice, channelChoices } from '../model/pages-channels.ts';
import { useEditor } from '../state/editor-store.ts';

export type LoadState =
  | { status: 'loading' }
  | { status: 'ready' }
  | { status: 'error'; notFound: boolean; message: string };

export interface LoadedFlow {
  flow: FlowRecord;
  schedules: Record<string, ScheduleDocument>;
  channels: string[] | undefined;
  channelChoices: Record<string, ChannelChoice>;
}

/** Reads the flow and its context from the server. Also used after a rollback. */
export async function fetchFlow(flowId: string): Promise<LoadedFlow> {
  const [flow, schedules, channels] = await Promise.all([
    api.flow(flowId),
    api.schedules(),
    // Without channels validation simply does not check channel ids: better than no editor.
    api.channels().catch(() => undefined),
  ]);
  return {
    flow,
    schedules: Object.fromEntries(schedules.map((s) => [s.id, s])),
    channels: channels?.map((c) => c.id),
    channelChoices: channelChoices(channels ?? []),
  };
}

/** Opens a loaded flow in the editor (history cleared). */
export function openInEditor(loaded: LoadedFlow): void {
  const editor = useEditor.getState();
  editor.setContext(loaded.schedules, loaded.channels);
  editor.setChannelChoices(loaded.channelChoices);
  editor.open(loaded.flow.draft, loaded.flow.publishedVersion);
}

export function useFlowLoader(flowId: string) {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    // `attempt` re-runs the load when the user asks to retry.
    void attempt;
    // Only the latest load of a mounted page may open its flow: a slow answer for a page the
    // user already left must not replace the flow they are looking at now.
    fetchFlow(flowId).then(
      (loaded) => {
        if (!current) return;
        openInEditor(loaded);
        setState({ status: 'ready' });
      },
      (error: unknown) => {
        if (!current) return;
        const notFound = error instanceof ApiError && error.status === 404;
        setState({
          status: 'error',
          notFound,
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
    return () => {
      current = false;
    };
  }, [flowId, attempt]);

  // The next page must not find this flow (or its highlighted call) still open.
  useEffect(() => () => useEditor.getState().close(), []);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
