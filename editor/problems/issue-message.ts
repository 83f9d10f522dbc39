/**
 * One way to say an issue, shared by the problems list, the inspector and the JSON view: the
 * message for its code with the details found in the document, or the English message when a
 * detail is missing (a new code, a message the details could not be read from).
 */
import type { TFunction } from 'i18next';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { Issue } from '../../schema/issue.ts';
import { issueText, type Lang } from '../model/inspector-issue-text.ts';
import { useEditor } from '../state/editor-store.ts';

export function formatIssue(issue: Issue, flow: FlowDocument | null, lang: Lang, t: TFunction): string {
  const text = flow ? issueText(issue, flow, lang) : undefined;
  if (!text) return issue.message;
  return t(`codes.${text.key}`, { ...text.values, defaultValue: issue.message, ns: 'problems', lng: lang });
}

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'ja';
}

/** `(issue) => message` in the current language, for the open flow. */
export function useIssueMessage(flowOverride?: FlowDocument | null): (issue: Issue) => string {
  const { t } = useTranslation('problems');
  const lang = useLang();
  const stored = useEditor((s) => s.flow);
  const flow = flowOverride === undefined ? stored : flowOverride;
  return useCallback((issue: Issue) => formatIssue(issue, flow, lang, t), [flow, lang, t]);
}

/**
 * The store's issues — all (undefined), the flow's own (null) or one node's — as the same array
 * while their content does not change. Validation runs on every edit, also while a step is only
 * dragged; views that list issues need not redraw for that.
 */
export function useStableIssues(nodeId?: string | null): Issue[] {
  const issues = useEditor((s) => s.issues);
  const last = useRef<{ key: string; list: Issue[] }>({ key: '', list: [] });
  return useMemo(() => {
    const list =
      nodeId === undefined
        ? issues
        : issues.filter((i) => (nodeId === null ? i.nodeId === undefined : i.nodeId === nodeId));
    const key = JSON.stringify(list);
    if (key !== last.current.key) last.current = { key, list };
    return last.current.list;
  }, [issues, nodeId]);
}
