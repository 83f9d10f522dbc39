/**
 * Renders engine actions and script steps as transcript lines: what the caller hears (system),
 * what the caller does (caller), and what happens out of earshot (notes: SMS, notifications,
 * transfers, recordings, the end of the call).
 */
import type { Action, EndReason } from '../engine/types.ts';
import type { ScriptStep, TranscriptLine } from './types.ts';

const endReasons: Record<EndReason, string> = {
  'flow-end': 'the flow ended',
  'hangup-node': 'hang-up step',
  'transfer-ended': 'the transferred call ended',
  'caller-hangup': 'the caller hung up',
  failed: 'the call failed',
};

export function linesForActions(actions: readonly Action[], at: string): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  for (const action of actions) {
    const line = lineForAction(action, at);
    if (line) lines.push(line);
  }
  return lines;
}

function lineForAction(action: Action, at: string): TranscriptLine | undefined {
  const times = (repeat: number | undefined) => (repeat && repeat > 1 ? ` (×${repeat})` : '');
  switch (action.type) {
    case 'say':
      return { at, who: 'system', nodeId: action.nodeId, text: `${action.text}${times(action.repeat)}` };
    case 'play':
      return { at, who: 'system', nodeId: action.nodeId, text: `♪ ${action.url}${times(action.repeat)}` };
    case 'collect':
      // Waiting is visible from the next caller line; a line per collect would be noise.
      return undefined;
    case 'record':
      return {
        at,
        who: 'note',
        text: `recording at '${action.nodeId}'${action.beep ? ' after a beep' : ''}, up to ${action.maxSeconds} s`,
      };
    case 'transfer': {
      const attempt = action.attempt > 1 ? ` (attempt ${action.attempt})` : '';
      return {
        at,
        who: 'note',
        text: `transfer from '${action.nodeId}': ringing ${action.to.join(', ')} for up to ${action.ringSeconds} s${attempt}`,
      };
    }
    case 'send-sms':
      return {
        at,
        who: 'note',
        text: `SMS to ${action.to} (${action.segments} part${action.segments === 1 ? '' : 's'}): ${action.text}`,
      };
    case 'notify':
      return { at, who: 'note', text: `notification to ${action.channel}: ${action.message}` };
    case 'hangup':
      return { at, who: 'note', text: `call ended: ${endReasons[action.reason]}` };
  }
}

export function lineForStep(step: ScriptStep, at: string): TranscriptLine {
  if ('press' in step) return { at, who: 'caller', text: `presses ${step.press}` };
  if ('say' in step) return { at, who: 'caller', text: `says 「${step.say}」` };
  if ('silence' in step) return { at, who: 'caller', text: '(stays silent)' };
  if ('record' in step) return { at, who: 'caller', text: `leaves a message 「${step.record}」` };
  if ('transfer' in step) return { at, who: 'note', text: `the transfer is ${transferWords[step.transfer]}` };
  return { at, who: 'caller', text: 'hangs up' };
}

const transferWords = {
  answered: 'answered',
  busy: 'busy',
  'no-answer': 'not answered',
  failed: 'failed',
} as const;
