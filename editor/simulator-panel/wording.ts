/**
 * Words for what happened on a simulated call, in the receptionist's language: phone numbers
 * in domestic form (090-1234-5678, not +8190…), steps by their labels, no English from the
 * simulator's CLI transcript.
 */
import type { TFunction } from 'i18next';
import type { ScriptStep } from '../../runtime/simulator/types.ts';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { parsePhone } from '../../schema/phone.ts';
import type { SimNote } from '../model/sim-transcript.ts';

export function nationalNumber(number: string): string {
  return parsePhone(number)?.national ?? number;
}

export function nodeName(flow: FlowDocument, nodeId: string): string {
  return flow.nodes.find((n) => n.id === nodeId)?.label ?? nodeId;
}

export function stepText(t: TFunction, step: ScriptStep): string {
  if ('press' in step) return t('step.press', { keys: step.press });
  if ('say' in step) return t('step.say', { text: step.say });
  if ('silence' in step) return t('step.silence');
  if ('record' in step) return step.record ? t('step.record', { text: step.record }) : t('step.recordEmpty');
  if ('transfer' in step) return t('note.outcome', { outcome: t(`outcome.${step.transfer}`) });
  return t('step.hangup');
}

/** The headline of a note and, for SMS and notifications, the text that would be sent. */
export function noteText(t: TFunction, note: SimNote): { text: string; body?: string } {
  switch (note.kind) {
    case 'record':
      return { text: t(note.beep ? 'note.recordBeep' : 'note.record', { max: note.maxSeconds }) };
    case 'transfer': {
      const to = note.to.map(nationalNumber).join('、');
      return note.attempt > 1
        ? { text: t('note.transferAttempt', { to, ring: note.ringSeconds, attempt: note.attempt }) }
        : { text: t('note.transfer', { to, ring: note.ringSeconds }) };
    }
    case 'transfer-outcome':
      return { text: t('note.outcome', { outcome: t(`outcome.${note.outcome}`) }) };
    case 'sms':
      return {
        text: t('note.sms', { to: nationalNumber(note.to), segments: note.segments }),
        body: note.text,
      };
    case 'notify':
      return { text: t('note.notify', { channel: note.channel }), body: note.message };
    case 'end':
      return { text: t(`note.end.${note.reason}`) };
    case 'bridge-ended':
      return { text: t('note.bridgeEnded') };
    case 'recording-ended':
      return { text: t('note.recordingEnded') };
    case 'other':
      return { text: note.text };
  }
}

/** "12:00:05" from an ISO instant written in the call's own offset. */
export function clockTime(iso: string): string {
  return iso.slice(11, 19);
}
