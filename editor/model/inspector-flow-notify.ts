/**
 * Pure edits of a flow's notification settings (old document in, new document out, like
 * inspector-edits.ts): the after-call summary — present means "send one", absent means none —
 * and saving unknown callers. Optional fields left empty are removed, which means the runtime's
 * default (wait 300 seconds, the standard summary text; do not save callers).
 */
import type { FlowDocument } from '../../schema/generated/flow.ts';

export type AfterCallSummary = NonNullable<FlowDocument['afterCallSummary']>;
export type SummaryField = keyof AfterCallSummary;

/** Turns the summary on (with a channel, empty until one is picked) or off (removed). */
export function setSummaryEnabled(flow: FlowDocument, on: boolean, channel = ''): FlowDocument {
  if (on === (flow.afterCallSummary !== undefined)) return flow;
  if (on) return { ...flow, afterCallSummary: { channel } };
  const { afterCallSummary: _, ...rest } = flow;
  return rest;
}

/** Sets one field of the summary; undefined or '' removes an optional one. No summary: no change. */
export function setSummaryField(
  flow: FlowDocument,
  name: SummaryField,
  value: string | number | undefined,
): FlowDocument {
  const summary = flow.afterCallSummary;
  if (!summary || summary[name] === value) return flow;
  const next: Record<string, unknown> = { ...summary };
  if (name !== 'channel' && (value === undefined || value === '')) delete next[name];
  else next[name] = value ?? '';
  return { ...flow, afterCallSummary: next as AfterCallSummary };
}

/** Saving unknown callers on, or off (left out: the default). */
export function setSaveUnknownCallers(flow: FlowDocument, on: boolean): FlowDocument {
  if ((flow.saveUnknownCallers ?? false) === on) return flow;
  if (on) return { ...flow, saveUnknownCallers: true };
  const { saveUnknownCallers: _, ...rest } = flow;
  return rest;
}
