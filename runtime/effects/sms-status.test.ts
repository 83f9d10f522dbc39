import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryStore, t0 } from '../store/test-helpers.ts';
import type { Store } from '../store/types.ts';
import { parseSmsStatus, recordSmsStatus } from './sms-status.ts';

const now = () => new Date(t0);

/** A Messages API v1 status webhook body, as Vonage documents it. */
const delivered = {
  message_uuid: 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab',
  to: '819012345678',
  from: 'FLOWCALL',
  timestamp: '2026-04-01T01:00:07.000Z',
  status: 'delivered',
  client_ref: 'CALL-1:3:sms',
  channel: 'sms',
  usage: { currency: 'EUR', price: '0.0735' },
  destination: { network_code: '44010' },
  sms: { count_total: '2' },
};

describe('parseSmsStatus', () => {
  it('reads a v1 receipt', () => {
    expect(parseSmsStatus(delivered, now)).toEqual({
      messageUuid: delivered.message_uuid,
      status: 'delivered',
      at: '2026-04-01T01:00:07.000Z',
      clientRef: 'CALL-1:3:sms',
      error: null,
    });
  });

  it('reads the error of a failed delivery, v1 and v0.1 style', () => {
    const v1 = {
      ...delivered,
      status: 'rejected',
      error: { type: 'https://…#1320', title: 'Invalid sender', detail: 'The from field is invalid' },
    };
    expect(parseSmsStatus(v1, now)?.error).toBe('Invalid sender: The from field is invalid');
    const v01 = {
      message_uuid: 'm',
      status: 'undeliverable',
      error: { code: 1300, reason: 'Not part of the provider network' },
    };
    expect(parseSmsStatus(v01, now)).toMatchObject({
      status: 'undeliverable',
      error: '1300: Not part of the provider network',
    });
  });

  it('tolerates missing and odd fields', () => {
    expect(parseSmsStatus({ message_uuid: 'm' }, now)).toEqual({
      messageUuid: 'm',
      status: 'unknown',
      at: t0,
      clientRef: null,
      error: null,
    });
    expect(parseSmsStatus({ message_uuid: 'm', status: 'SUBMITTED', timestamp: 'soon' }, now)).toMatchObject({
      status: 'submitted',
      at: t0,
    });
    expect(parseSmsStatus(JSON.stringify(delivered), now)?.status).toBe('delivered');
    expect(parseSmsStatus({ status: 'delivered' }, now)).toBeUndefined();
    expect(parseSmsStatus('not json', now)).toBeUndefined();
    expect(parseSmsStatus(null, now)).toBeUndefined();
    expect(parseSmsStatus([delivered], now)).toBeUndefined();
  });
});

describe('recordSmsStatus', () => {
  let store: Store;
  beforeEach(async () => {
    store = await memoryStore();
  });
  afterEach(() => store.close());

  it('stores each status once, however often Vonage retries it', async () => {
    await recordSmsStatus(
      store,
      { ...delivered, status: 'submitted', timestamp: '2026-04-01T01:00:01Z' },
      now,
    );
    await recordSmsStatus(store, delivered, now);
    await recordSmsStatus(store, delivered, now);
    expect(await store.smsStatuses.forMessage(delivered.message_uuid)).toEqual([
      { status: 'submitted', at: '2026-04-01T01:00:01.000Z' },
      { status: 'delivered', at: '2026-04-01T01:00:07.000Z' },
    ]);
  });

  it('records nothing for a body without a message uuid', async () => {
    expect(await recordSmsStatus(store, { status: 'delivered' }, now)).toBeUndefined();
  });
});
