/**
 * Test-only setup for the notification tests: a store on a SQLite file with a secret key, a
 * published flow with a menu and a voicemail, a call that ran it, and a signed-webhook channel
 * pointed at a loopback server (the real channel sender delivers to it).
 */
import { randomBytes } from 'node:crypto';
import type { FlowDocument } from '../../../schema/generated/flow.ts';
import { openStore } from '../../store/create-store.ts';
import { callOf, stateOf, type TestClock } from '../../store/test-helpers.ts';
import type { NewOutboxItem, Store } from '../../store/types.ts';
import { createSecretBox } from '../secret-box.ts';

/** 16+ characters, as the webhook channel requires; tests search every output for it. */
export const webhookSecret = 'wh-SECRET-4f9a2c7e1b';

export const notifyFlow: FlowDocument = {
  schemaVersion: 1,
  id: 'clinic',
  name: 'さくら歯科 代表',
  language: 'ja-JP',
  timezone: 'Asia/Tokyo',
  start: 'menu',
  nodes: [
    {
      id: 'menu',
      kind: 'menu',
      params: { prompt: 'ご予約は1を押してください。', options: [{ key: '1', label: 'ご予約' }] },
      next: { '1': 'vm' },
    },
    { id: 'vm', kind: 'record', params: { prompt: 'ご用件をどうぞ。' }, next: { done: 'tell' } },
    { id: 'tell', kind: 'notify', params: { channel: 'staff', message: '留守番電話が入りました' }, next: {} },
  ],
} as FlowDocument;

/** The same store file may be opened again (a restart) with the same key. */
export function notifyStoreOpener(file: string, clock: TestClock): () => Promise<Store> {
  const key = randomBytes(32);
  return () => openStore(file, { clock, secretBox: createSecretBox(key) });
}

/** Publishes the flow and records call CALL-1 (from 090-1234-5678) that pressed 1 and left a message. */
export async function seedCall(store: Store): Promise<void> {
  await store.flows.saveDraft(notifyFlow);
  await store.flows.publish(notifyFlow.id, 'test');
  await store.calls.admit(
    callOf('CALL-1', {
      from: '819012345678',
      flowId: 'clinic',
      state: stateOf('CALL-1', 3, {
        flowId: 'clinic',
        status: 'ended',
        waiting: null,
        path: ['menu', 'vm', 'tell'],
        vars: {
          'menu.choice': '1',
          'vm.recordingUrl': 'https://api.nexmo.com/v1/files/rec-1',
          'vm.transcript': '予約をお願いします',
        },
      }),
    }),
    5,
  );
}

export async function putWebhookChannel(store: Store, url: string, id = 'staff'): Promise<void> {
  await store.channels.put({
    id,
    name: 'スタッフ',
    type: 'webhook',
    settings: { url, secret: webhookSecret },
  });
}

export const notifyItem = (key = 'CALL-1:3:tell'): NewOutboxItem => ({
  kind: 'notify',
  idempotencyKey: key,
  callId: 'CALL-1',
  payload: { channel: 'staff', message: '留守番電話が入りました', nodeId: 'tell', idempotencyKey: key },
});

/** A flow whose first step notifies `channel` ({{caller.national}} から着信), then thanks the caller. */
export function notifyDemoFlow(channel: string): FlowDocument {
  return {
    schemaVersion: 1,
    id: 'notify-demo',
    name: '通知デモ',
    language: 'ja-JP',
    timezone: 'Asia/Tokyo',
    start: 'tell',
    nodes: [
      {
        id: 'tell',
        kind: 'notify',
        params: { channel, message: '{{caller.national}} から着信' },
        next: { next: 'bye' },
      },
      { id: 'bye', kind: 'say', params: { text: 'お電話ありがとうございました。' }, next: {} },
    ],
  } as FlowDocument;
}
