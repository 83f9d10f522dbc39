/**
 * A call's summary for the call log, computed once it ended (and again when a transcript
 * arrives): outcome and reason (call-outcome.ts over the whole trace), length, how long staff took
 * to answer a transfer, what the caller pressed, chose and said, who it was, the heatmap cell,
 * and the text a search should find the call by. Pure: the history worker reads the call, its
 * trace, its flow version and the contact, and stores what this returns.
 */
import type { FlowDocument, Node } from '../../schema/generated/flow.ts';
import { saveBaseOf } from '../../schema/kinds.ts';
import { localParts } from '../engine/local-time.ts';
import type { TraceEntry } from '../engine/types.ts';
import type { CallRecord, CallSummary, MenuChoice } from '../store/types.ts';
import { callOutcome } from './call-outcome.ts';

/** The dashboard's heatmap is drawn in Japanese time, whatever zone a flow runs in. */
export const heatmapTimeZone = 'Asia/Tokyo';

export interface SummaryInput {
  call: CallRecord;
  /** Every trace entry of the call, in order. */
  trace: readonly TraceEntry[];
  /** The flow version the call ran, when it still exists (labels, the order of the steps). */
  flow?: FlowDocument | undefined;
  /** The contact book's 「会社 名前」 for the caller, when known. */
  contactName?: string | undefined;
}

const seconds = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

/**
 * Seconds from entering a transfer step to staff answering it (the last answered one): what the
 * caller waited, the step's 「おつなぎします」 included.
 */
export function timeToAnswer(trace: readonly TraceEntry[]): number | null {
  const entered = new Map<string, { at: string; kind: string }>();
  let answered: number | null = null;
  for (const entry of trace) {
    if (entry.type === 'enter') entered.set(entry.nodeId, { at: entry.at, kind: entry.kind });
    else if (entry.type === 'port' && entry.port === 'answered') {
      const start = entered.get(entry.nodeId);
      if (start?.kind === 'transfer') answered = seconds(start.at, entry.at);
    }
  }
  return answered;
}

/** The steps of the path, first visits in order (a menu entered twice is asked about once). */
function visitedNodes(flow: FlowDocument, path: readonly string[]): Node[] {
  const byId = new Map(flow.nodes.map((node) => [node.id, node]));
  const seen = new Set<string>();
  const nodes: Node[] = [];
  for (const id of path) {
    const node = byId.get(id);
    if (node && !seen.has(id)) {
      seen.add(id);
      nodes.push(node);
    }
  }
  return nodes;
}

interface CallerInputs {
  digits: string[];
  menuChoices: MenuChoice[];
  transcripts: string[];
  /** Words said to a menu's speech recognition. */
  speech: string[];
}

/** What the caller entered and said, from the variables the steps saved. */
function callerInputs(
  vars: Record<string, string>,
  flow: FlowDocument | undefined,
  path: string[],
): CallerInputs {
  const inputs: CallerInputs = { digits: [], menuChoices: [], transcripts: [], speech: [] };
  if (!flow) {
    // The flow version is gone: the variables still say it, by their field names.
    for (const [name, value] of Object.entries(vars)) {
      const [nodeId, field] = [name.slice(0, name.lastIndexOf('.')), name.slice(name.lastIndexOf('.') + 1)];
      if (field === 'digits' && value) inputs.digits.push(value);
      else if (field === 'choice' && value) inputs.menuChoices.push({ nodeId, key: value });
      else if (field === 'transcript' && value) inputs.transcripts.push(value);
      else if (field === 'heard' && value) inputs.speech.push(value);
    }
    return inputs;
  }
  for (const node of visitedNodes(flow, path)) {
    const base = saveBaseOf(node);
    if (node.kind === 'input') {
      const digits = vars[`${base}.digits`];
      if (digits) inputs.digits.push(digits);
    } else if (node.kind === 'menu') {
      const key = vars[`${base}.choice`];
      const heard = vars[`${base}.heard`];
      if (heard) inputs.speech.push(heard);
      if (key) {
        const label = node.params.options.find((o) => o.key === key)?.label;
        inputs.menuChoices.push({
          nodeId: node.id,
          key,
          ...(label ? { label } : {}),
          ...(heard ? { heard } : {}),
        });
      }
    } else if (node.kind === 'record') {
      const transcript = vars[`${base}.transcript`];
      if (transcript) inputs.transcripts.push(transcript);
    }
  }
  return inputs;
}

/** weekday × 24 + hour of an instant in Japanese time. */
export function heatmapSlot(iso: string): number | null {
  const local = localParts(iso, heatmapTimeZone);
  return local ? local.weekday * 24 + Math.floor(local.minutes / 60) : null;
}

export function summarizeCall(input: SummaryInput): CallSummary {
  const { call, trace, flow } = input;
  const { outcome, reason } = callOutcome({
    status: call.status,
    result: call.result,
    missedReason: call.missedReason,
    trace,
  });
  const inputs = callerInputs(call.state?.vars ?? {}, flow, call.state?.path ?? []);
  const contactName = input.contactName ?? null;
  return {
    outcome,
    reason: reason ?? null,
    durationSeconds: call.endedAt === null ? null : seconds(call.startedAt, call.endedAt),
    answerSeconds: outcome === 'transferred' ? timeToAnswer(trace) : null,
    digits: inputs.digits,
    menuChoices: inputs.menuChoices,
    transcript: inputs.transcripts.join('\n'),
    contactName,
    localSlot: heatmapSlot(call.startedAt),
    searchText: [...inputs.transcripts, ...inputs.digits, ...inputs.speech, contactName ?? '']
      .join('\n')
      .trim(),
  };
}
