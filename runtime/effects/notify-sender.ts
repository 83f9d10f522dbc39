/**
 * The outbox sender for staff notifications: `notify` items (a notify step during the call) and
 * `summary` items (the flow's after-call summary). The message is built from the call record
 * when it is sent, the channel's secrets are opened only here, and every attempt updates the
 * channel's health. Errors are stripped of the channel's secrets before they go anywhere (the
 * outbox row, the worker's log line, the channel's last error, an API answer): a webhook URL in
 * an error message is as good as the secret itself.
 */
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { parsePhone } from '../../schema/phone.ts';
import type { Store } from '../store/types.ts';
import { defaultWorkspaceId } from '../store/workspace-scope.ts';
import { redact, secretValuesOf } from './channels/secrets.ts';
import type { Channel, ChannelSend, ChannelType, NotificationMessage } from './channels/types.ts';
import { errorMessage, PermanentError } from './errors.ts';
import {
  japaneseDateTime,
  type LookupContact,
  type NotificationKind,
  notificationContent,
  type RecordingLink,
} from './notification-content.ts';
import type { OutboxSender } from './outbox-worker.ts';

/** What is wrong with a channel's settings, one entry per field (empty = usable). */
export type ValidateChannelSettings = (
  type: ChannelType,
  settings: unknown,
) => Array<{ path: string; message: string }>;

export interface ChannelDelivery {
  store: Store;
  send: ChannelSend;
  validate?: ValidateChannelSettings;
  clock: () => Date;
}

export interface NotifySenderDeps extends ChannelDelivery {
  /** The caller in the contact book of the call's workspace. */
  lookupContact?: (e164: string, workspaceId: string) => ReturnType<LookupContact>;
  recordingLink?: RecordingLink;
}

/**
 * Sends one message to a channel and records the attempt in its health. Throws an error whose
 * message holds no secret; a PermanentError stays one (the outbox gives up on it).
 */
export async function deliverToChannel(
  deps: ChannelDelivery,
  channel: Channel,
  message: NotificationMessage,
): Promise<{ providerId?: string }> {
  const at = () => deps.clock().toISOString();
  try {
    const problems = deps.validate?.(channel.type, channel.settings) ?? [];
    // Retryable: a placeholder channel set up within the retry window still gets the message.
    if (problems.length > 0) {
      throw new Error(
        `channel "${channel.id}" is not set up: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
      );
    }
    const result = await deps.send(channel, message);
    await deps.store.channels.recordAttempt(channel.id, { ok: true }, at());
    return result.providerId ? { providerId: result.providerId } : {};
  } catch (error) {
    const message = redact(errorMessage(error), secretValuesOf(channel));
    await deps.store.channels.recordAttempt(channel.id, { ok: false, error: message }, at());
    throw error instanceof PermanentError ? new PermanentError(message) : new Error(message);
  }
}

/** A short message proving a channel works (the channels page's test button). */
export function testMessage(channel: { name: string }, at: Date): NotificationMessage {
  return {
    title: 'flowcall テスト通知',
    text: `通知先「${channel.name}」へのテスト通知です。このメッセージが届いていれば、設定は正しく動いています。`,
    fields: [
      { label: '通知先', value: channel.name },
      { label: '送信日時', value: japaneseDateTime(at.toISOString(), 'Asia/Tokyo') },
    ],
    test: true,
  };
}

async function flowOf(store: Store, flowId: string | null, version: number | null) {
  if (flowId === null || version === null) return undefined;
  return (await store.flows.version(flowId, version))?.document as FlowDocument | undefined;
}

/** The outbox sender for `notify` and `summary` items. */
export function notifySender(deps: NotifySenderDeps): OutboxSender {
  return async (item) => {
    const kind: NotificationKind = item.kind === 'summary' ? 'summary' : 'notify';
    const { channel: channelId, message: text } = item.payload as { channel?: unknown; message?: unknown };
    if (typeof channelId !== 'string') throw new PermanentError(`${kind} item without a channel`);
    const call = item.callId ? await deps.store.calls.get(item.callId) : undefined;
    if (!call) throw new PermanentError(`${kind} item for an unknown call`);
    // Only a channel of the call's own workspace: a flow naming another workspace's channel id
    // must not send through that workspace's webhook. A deleted channel cannot come back with
    // its settings: nothing to retry against.
    const workspaceId = call.workspaceId ?? defaultWorkspaceId;
    const channel = await deps.store.scoped(workspaceId).channels.reveal(channelId);
    if (!channel) throw new PermanentError(`no channel "${channelId}"`);

    const caller = parsePhone(call.from)?.e164;
    const contact = caller && deps.lookupContact ? await deps.lookupContact(caller, workspaceId) : undefined;
    const message = notificationContent({
      kind,
      call,
      flow: await flowOf(deps.store, call.flowId, call.flowVersion),
      contact,
      ...(typeof text === 'string' ? { text } : {}),
      recordingLink: deps.recordingLink,
    });
    const sent = await deliverToChannel(deps, channel, message);
    return { channel: channel.id, ...sent };
  };
}
