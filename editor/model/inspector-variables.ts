/**
 * Variables for the inspector: what the variable picker offers (the built-ins every call has and
 * what this flow's steps save), inserting `{{name}}` where the cursor is, and sample values so
 * the 「試聴」 button reads a prompt the way a caller would hear it.
 */
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { variablesSetBy } from '../../schema/kinds.ts';
import { builtInVariables, renderTemplate } from '../../schema/template.ts';

export interface VariableChoice {
  /** Full name, e.g. `caller.number` or `menu.choice`. */
  name: string;
  /** `call` for built-ins, `step` for what a step of this flow saves. */
  group: 'call' | 'step';
  /** For step variables: the step that saves it and which of its fields it is. */
  nodeId?: string;
  field?: string;
}

export function variableChoices(flow: FlowDocument): VariableChoice[] {
  const choices: VariableChoice[] = builtInVariables.map((name) => ({ name, group: 'call' as const }));
  const seen = new Set<string>(builtInVariables);
  for (const node of flow.nodes) {
    for (const name of variablesSetBy(node)) {
      if (seen.has(name)) continue;
      seen.add(name);
      choices.push({ name, group: 'step', nodeId: node.id, field: name.slice(name.lastIndexOf('.') + 1) });
    }
  }
  return choices;
}

/** Replaces the selection [start, end) with `insertion`; the cursor lands after it. */
export function insertAt(
  text: string,
  start: number,
  end: number,
  insertion: string,
): { text: string; cursor: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insertion + text.slice(to), cursor: from + insertion.length };
}

/** What a step's saved fields hold in a typical call, for listening to a prompt. */
const sampleFields: Record<string, string> = {
  choice: '1',
  heard: '予約',
  digits: '09012345678',
  status: 'queued',
  recordingUrl: '',
  transcript: '予約の変更をお願いします',
  seconds: '15',
  outcome: 'answered',
};

/** Sample values for every variable of a flow, at the given instant (date and time as the engine gives them). */
export function sampleValues(flow: FlowDocument, now: Date): Record<string, string> {
  const pad = (n: number) => String(n).padStart(2, '0');
  const values: Record<string, string> = {
    'caller.number': '090-1234-5678',
    'caller.national': '090-1234-5678',
    'caller.name': '山田 花子',
    'call.id': 'sample-call',
    'call.to': '03-1234-5678',
    'call.startedAt': now.toISOString(),
    'call.date': `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    'call.time': `${pad(now.getHours())}:${pad(now.getMinutes())}`,
    'flow.name': flow.name,
  };
  for (const choice of variableChoices(flow)) {
    if (choice.field !== undefined) values[choice.name] = sampleFields[choice.field] ?? '';
  }
  return values;
}

/** The text a caller would hear, with sample values in place of the variables. */
export function listenText(text: string, flow: FlowDocument, now: Date): string {
  return renderTemplate(text, sampleValues(flow, now)).trim();
}
