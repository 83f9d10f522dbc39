/**
 * Script steps: how a step is described to people, and which engine event it becomes for what
 * the call is waiting for. A step that does not fit (keys while a transfer rings) is a mistake in
 * the script, reported in words the tester recognises, never an exception.
 */
import type { Action, CallEvent, Waiting } from '../engine/types.ts';
import type { ScriptStep } from './types.ts';

/** Seconds to press keys once the prompt ended. */
const pressSeconds = 2;
/** Seconds to say a few words to speech recognition. */
const speechSeconds = 2;
/** Seconds a transfer rings before someone answers, or the line reports busy or failure. */
export const ringSeconds = 20;
/** Silence before a recording ends when the flow does not say. */
const recordSilenceSeconds = 5;

/** `press 1`, `say 予約`, `silence`… as a tester would write it. */
export function describeStep(step: ScriptStep): string {
  if ('press' in step) return `press ${step.press}`;
  if ('say' in step) return `say ${step.say}`;
  if ('silence' in step) return 'silence';
  if ('record' in step) return `record ${step.record}`;
  if ('transfer' in step) return `transfer ${step.transfer}`;
  return 'hangup';
}

/** "step 3 (press 1)": 1-based, because testers count that way. */
export function stepLabel(index: number, step: ScriptStep): string {
  return `step ${index + 1} (${describeStep(step)})`;
}

const waitingFor: Record<Exclude<Waiting['kind'], 'bridge'>, string> = {
  menu: 'a menu choice',
  input: 'digits',
  record: 'a recording',
  transfer: 'the transfer outcome',
};

function stepNoun(step: ScriptStep): string {
  if ('press' in step) return 'keys';
  if ('say' in step) return 'speech';
  if ('silence' in step) return 'silence';
  if ('record' in step) return 'a recording';
  if ('transfer' in step) return 'a transfer outcome';
  return 'a hang-up';
}

export type StepEvent = { ok: true; event: CallEvent; waitSeconds: number } | { ok: false; reason: string };

/**
 * The event a step becomes while the call waits as described. `turnActions` are the actions of
 * the turn that started the wait: they say whether a menu listens for speech and how long the
 * timeouts are.
 */
export function eventForStep(
  step: ScriptStep,
  waiting: Waiting,
  turnActions: readonly Action[],
  ids: { callId: string },
): StepEvent {
  const at = ''; // filled in by the session once the wait is known
  if ('hangup' in step) return { ok: true, event: { type: 'hangup', at }, waitSeconds: 1 };
  const kind = waiting.kind;
  const wrong = (): StepEvent => ({
    ok: false,
    reason:
      kind === 'bridge'
        ? `the call is connected to staff at '${waiting.nodeId}', not waiting for ${stepNoun(step)}`
        : `the call is waiting for ${waitingFor[kind]} at '${waiting.nodeId}', not for ${stepNoun(step)}`,
  });
  const collect = lastOf(turnActions, 'collect', waiting.nodeId);
  if (kind === 'menu' || kind === 'input') {
    if ('press' in step)
      return { ok: true, event: { type: 'digits', at, digits: step.press }, waitSeconds: pressSeconds };
    if ('silence' in step)
      return { ok: true, event: { type: 'timeout', at }, waitSeconds: collect?.timeoutSeconds ?? 5 };
    if ('say' in step) {
      if (!collect?.speech) {
        const what = kind === 'menu' ? 'menu' : 'number entry';
        return {
          ok: false,
          reason: `the ${what} at '${waiting.nodeId}' listens for keys only, not for speech`,
        };
      }
      return { ok: true, event: { type: 'speech', at, text: step.say }, waitSeconds: speechSeconds };
    }
    return wrong();
  }
  if (kind === 'record') {
    const record = lastOf(turnActions, 'record', waiting.nodeId);
    if ('silence' in step)
      return {
        ok: true,
        event: { type: 'timeout', at },
        waitSeconds: record?.endOnSilenceSeconds ?? recordSilenceSeconds,
      };
    if ('record' in step) {
      const seconds = step.seconds ?? Math.max(1, Math.ceil(step.record.length * 0.15));
      const event: CallEvent = {
        type: 'recorded',
        at,
        recordingUrl: recordingUrl(ids.callId, waiting.nodeId),
        seconds,
      };
      if (step.record !== '') event.transcript = step.record;
      return { ok: true, event, waitSeconds: seconds };
    }
    return wrong();
  }
  if (kind === 'transfer' && 'transfer' in step) {
    const action = lastOf(turnActions, 'transfer', waiting.nodeId);
    // Nobody answering takes the whole ring time; answered, busy and errors come sooner.
    const wait = step.transfer === 'no-answer' ? (action?.ringSeconds ?? ringSeconds) : ringSeconds;
    return { ok: true, event: { type: 'transfer-ended', at, outcome: step.transfer }, waitSeconds: wait };
  }
  return wrong();
}

export function recordingUrl(callId: string, nodeId: string): string {
  return `sim://recording/${callId}/${nodeId}`;
}

function lastOf<T extends Action['type']>(
  actions: readonly Action[],
  type: T,
  nodeId: string,
): Extract<Action, { type: T }> | undefined {
  for (let i = actions.length - 1; i >= 0; i--) {
    const action = actions[i];
    if (action?.type === type && action.nodeId === nodeId) return action as Extract<Action, { type: T }>;
  }
  return undefined;
}
