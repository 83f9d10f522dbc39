/**
 * Side effects of a turn go to the outbox, never inline: a webhook must answer fast, and a dead
 * SMS or chat endpoint must be retried later, not lost.
 */
import type { Action } from '../../engine/types.ts';
import type { NewOutboxItem, NumberRecord } from '../../store/types.ts';

/** The outbox items for a turn's actions (queued in the turn's own transaction). */
export function effectsOf(
  callId: string,
  actions: readonly Action[],
  number: NumberRecord | undefined,
  defaultSender: string,
): NewOutboxItem[] {
  return actions.flatMap((action): NewOutboxItem[] => {
    if (action.type === 'send-sms') {
      const payload = {
        to: action.to,
        text: action.text,
        from: number?.smsSenderId ?? defaultSender,
        segments: action.segments,
        encoding: action.encoding,
        idempotencyKey: action.idempotencyKey,
        nodeId: action.nodeId,
      };
      return [{ kind: 'sms', idempotencyKey: action.idempotencyKey, callId, payload }];
    }
    if (action.type === 'notify') {
      const payload = {
        channel: action.channel,
        message: action.message,
        nodeId: action.nodeId,
        idempotencyKey: action.idempotencyKey,
      };
      return [{ kind: 'notify', idempotencyKey: action.idempotencyKey, callId, payload }];
    }
    return [];
  });
}
