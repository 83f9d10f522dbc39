/**
 * Save, publish and roll back, with what the toolbar shows while they run and after. The
 * document sent is the store's at the moment of the click; `markSaved` records exactly that
 * document, so edits made while the request was on its way still count as unsaved.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../schema/issue.ts';
import { ApiError, api } from '../api/client.ts';
import { hasUnsavedFlow } from '../model/page-status.ts';
import { useEditor } from '../state/editor-store.ts';
import { fetchFlow, openInEditor } from './use-flow-loader.ts';

export interface Notice {
  tone: 'ok' | 'error';
  text: string;
  /** Issues the server refused the flow for (422), each clickable to its step. */
  issues?: Issue[];
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useFlowActions(flowId: string) {
  const { t } = useTranslation('flowPage');
  const [busy, setBusy] = useState<'save' | 'publish' | 'rollback' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const refusal = useCallback(
    (error: unknown, failed: string): Notice =>
      error instanceof ApiError && error.status === 422 && error.issues.length > 0
        ? { tone: 'error', text: t('saveRefused'), issues: error.issues }
        : { tone: 'error', text: t(failed, { message: messageOf(error) }) },
    [t],
  );

  /** Saves the draft; true when the server has it. */
  const save = useCallback(async (): Promise<boolean> => {
    const { flow, markSaved, issues } = useEditor.getState();
    if (!flow) return false;
    // The server refuses a draft with errors (422) using the same validation: say so at once,
    // without a request the browser would log as a failed load.
    const errors = issues.filter((i) => i.severity === 'error');
    if (errors.length > 0) {
      setNotice({ tone: 'error', text: t('saveRefused'), issues: errors });
      return false;
    }
    setBusy('save');
    try {
      await api.saveFlow(flow);
      markSaved(flow);
      setNotice({ tone: 'ok', text: t('saved') });
      return true;
    } catch (error) {
      setNotice(refusal(error, 'saveFailed'));
      return false;
    } finally {
      setBusy(null);
    }
  }, [refusal, t]);

  /** Saves when needed, then publishes the draft; the new version number, or null. */
  const publish = useCallback(
    async (comment: string): Promise<number | null> => {
      const state = useEditor.getState();
      const flow = state.flow;
      // The dialog refuses too; this keeps a keyboard shortcut or a race from slipping through.
      if (!flow || state.issues.some((i) => i.severity === 'error')) return null;
      setBusy('publish');
      try {
        if (hasUnsavedFlow(state)) {
          await api.saveFlow(flow);
          state.markSaved(flow);
        }
        const version = await api.publish(flow.id, comment);
        useEditor.getState().markSaved(flow, version.version);
        setNotice({ tone: 'ok', text: t('publishDialog.done', { version: version.version }) });
        return version.version;
      } catch (error) {
        setNotice(refusal(error, 'publishDialog.failed'));
        return null;
      } finally {
        setBusy(null);
      }
    },
    [refusal, t],
  );

  /** Publishes an old version again and reloads the flow (its draft is that version now). */
  const rollback = useCallback(
    async (version: number): Promise<boolean> => {
      setBusy('rollback');
      try {
        const published = await api.rollback(
          flowId,
          version,
          t('historyDialog.rollbackComment', { version }),
        );
        openInEditor(await fetchFlow(flowId));
        setNotice({
          tone: 'ok',
          text: t('historyDialog.rolledBack', { from: version, version: published.version }),
        });
        return true;
      } catch (error) {
        setNotice({ tone: 'error', text: t('historyDialog.rollbackFailed', { message: messageOf(error) }) });
        return false;
      } finally {
        setBusy(null);
      }
    },
    [flowId, t],
  );

  const dismiss = useCallback(() => setNotice(null), []);

  return { busy, notice, dismiss, save, publish, rollback };
}
