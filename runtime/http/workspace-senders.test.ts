/**
 * The outbox worker runs on the installation's store but must act for the workspace of each
 * call: the call log's contact name and a notification's caller come from that workspace's
 * book (two companies may know the same caller under different names), and a notification
 * goes only through a channel of that workspace (a flow naming another company's channel id
 * must not use its webhook).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, NotificationMessage } from '../effects/channels/types.ts';
import { notifySender } from '../effects/notify-sender.ts';
import { historySender } from '../history/history-sender.ts';
import { callOf, memoryStore, t0, testClock } from '../store/test-helpers.ts';
import type { OutboxItem, Store } from '../store/types.ts';

const caller = '+819011112222';

const item = (kind: OutboxItem['kind'], callId: string, payload: Record<string, unknown>): OutboxItem => ({
  id: 1,
  kind,
  idempotencyKey: `${callId}:${kind}`,
  callId,
  payload,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: t0,
  lastError: null,
  result: null,
  createdAt: t0,
  updatedAt: t0,
});

describe("the worker acts for the call's workspace", () => {
  let store: Store;
  beforeEach(async () => {
    store = await memoryStore();
    await store.scoped('ws-a').contacts.put({ name: 'A が知る名前', numbers: [caller] });
    await store.scoped('ws-b').contacts.put({ name: 'B が知る名前', numbers: [caller] });
    await store.scoped('ws-a').channels.put({ id: 'a-staff', name: 'A', type: 'webhook', settings: {} });
    await store.calls.insertMissed(
      callOf('b-call', { from: caller.slice(1), workspaceId: 'ws-b', status: 'ended', endedAt: t0 }),
    );
  });
  afterEach(() => store.close());

  it("names the caller from the call's own workspace's book in the call log", async () => {
    await historySender({ store, clock: testClock() })(item('history', 'b-call', {}));
    expect((await store.scoped('ws-b').history.get('b-call'))?.contactName).toBe('B が知る名前');
  });

  it("sends only through the call's workspace's channels, with that workspace's contact", async () => {
    const sent: Array<{ channel: Channel; message: NotificationMessage }> = [];
    const lookups: string[] = [];
    const send = notifySender({
      store,
      clock: testClock(),
      send: async (channel, message) => {
        sent.push({ channel, message });
        return {};
      },
      lookupContact: async (e164, workspaceId) => {
        lookups.push(workspaceId);
        return (await store.scoped(workspaceId).contacts.findByNumber(e164)) ?? undefined;
      },
    });
    await expect(send(item('notify', 'b-call', { channel: 'a-staff', message: 'x' }))).rejects.toThrow(
      'no channel "a-staff"',
    );
    expect(sent).toEqual([]);

    await store.scoped('ws-b').channels.put({ id: 'b-staff', name: 'B', type: 'webhook', settings: {} });
    await send(item('notify', 'b-call', { channel: 'b-staff', message: 'x' }));
    expect(sent.map((s) => s.channel.id)).toEqual(['b-staff']);
    expect(lookups).toEqual(['ws-b']);
    expect(JSON.stringify(sent[0]?.message)).toContain('B が知る名前');
  });
});
