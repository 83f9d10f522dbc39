/**
 * The scripted caller of `flowcall simulate`, from the command line: --press, --say, --record,
 * --transfer, --silence and --hangup in the order they were typed (parseArgs tokens keep it).
 */
import type { TransferOutcome } from '../engine/types.ts';
import type { ScriptStep } from '../simulator/types.ts';
import { UsageError } from './io.ts';

const outcomes: readonly TransferOutcome[] = ['answered', 'busy', 'no-answer', 'failed'];

export const stepOptionNames = ['press', 'say', 'record', 'transfer', 'silence', 'hangup'] as const;

export interface OptionToken {
  kind: string;
  name?: string;
  value?: string | undefined;
}

export function scriptFromTokens(tokens: readonly OptionToken[]): ScriptStep[] {
  const script: ScriptStep[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined) continue;
    const step = stepFromOption(token.name, token.value);
    if (step) script.push(step);
  }
  return script;
}

function stepFromOption(name: string, value: string | undefined): ScriptStep | undefined {
  switch (name) {
    case 'press':
      if (!value || !/^[0-9*#]+$/.test(value))
        throw new UsageError(`--press takes phone keys (0-9, * and #), e.g. --press 1; got "${value ?? ''}"`);
      return { press: value };
    case 'say':
      if (!value) throw new UsageError('--say takes the words the caller says, e.g. --say 予約');
      return { say: value };
    case 'record':
      return { record: value ?? '' };
    case 'transfer':
      if (!outcomes.includes(value as TransferOutcome))
        throw new UsageError(`--transfer takes one of ${outcomes.join(', ')}; got "${value ?? ''}"`);
      return { transfer: value as TransferOutcome };
    case 'silence':
      return { silence: true };
    case 'hangup':
      return { hangup: true };
    default:
      return undefined;
  }
}

/**
 * One line typed in interactive mode: `1`, `press 1`, `say 予約`, `silence`, `record …`,
 * `transfer busy` (or just `busy`), `hangup`; `quit` and `help` are commands, not steps.
 */
export function stepFromLine(line: string): ScriptStep | 'quit' | 'help' | { error: string } {
  const text = line.trim();
  if (text === '') return 'help';
  if (/^[0-9*#]+$/.test(text)) return { press: text };
  const [word = '', ...rest] = text.split(/\s+/);
  const argument = text.slice(word.length).trim();
  const lower = word.toLowerCase();
  if (lower === 'quit' || lower === 'exit' || lower === 'q') return 'quit';
  if (lower === 'help' || lower === '?') return 'help';
  if (outcomes.includes(lower as TransferOutcome) && rest.length === 0)
    return { transfer: lower as TransferOutcome };
  if (lower === 'silence' || lower === 'wait') return { silence: true };
  if (lower === 'hangup' || lower === 'hang-up') return { hangup: true };
  try {
    const step = stepFromOption(lower, argument === '' ? undefined : argument);
    if (step) return step;
  } catch (error) {
    return { error: (error as Error).message.replace(/--/g, '') };
  }
  return { error: `"${text}" is not something a caller can do` };
}
