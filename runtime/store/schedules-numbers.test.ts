import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { memoryStore } from './test-helpers.ts';
import type { NumberRecord, Store } from './types.ts';

const schedule = (id: string, name = '営業時間'): ScheduleDocument => ({
  schemaVersion: 1,
  id,
  name,
  weekly: { mon: [{ from: '09:00', to: '18:00' }] },
  closedOnPublicHolidays: true,
});

const number = (overrides: Partial<NumberRecord> = {}): NumberRecord => ({
  number: '+815012345678',
  label: 'デモ番号 (050)',
  flowId: 'restaurant',
  lines: 2,
  smsSenderId: 'FLOWCALL',
  fallbackNumber: null,
  // The installation's store puts new numbers in the default workspace.
  workspaceId: 'default',
  ...overrides,
});

describe('schedules repository', () => {
  let store: Store;
  beforeEach(async () => {
    store = await memoryStore();
  });
  afterEach(() => store.close());

  it('puts, replaces, lists, maps by id and deletes schedules', async () => {
    await store.schedules.put(schedule('shop'));
    await store.schedules.put(schedule('clinic'));
    await store.schedules.put(schedule('shop', '新しい営業時間'));
    expect((await store.schedules.list()).map((s) => s.id)).toEqual(['clinic', 'shop']);
    expect((await store.schedules.get('shop'))?.name).toBe('新しい営業時間');
    expect(await store.schedules.get('none')).toBeUndefined();
    expect(Object.keys(await store.schedules.all()).sort()).toEqual(['clinic', 'shop']);
    expect((await store.schedules.all()).clinic).toEqual(schedule('clinic'));
    expect(await store.schedules.delete('clinic')).toBe(true);
    expect(await store.schedules.delete('clinic')).toBe(false);
    expect(await store.schedules.all()).toEqual({ shop: schedule('shop', '新しい営業時間') });
  });
});

describe('numbers repository', () => {
  let store: Store;
  beforeEach(async () => {
    store = await memoryStore();
  });
  afterEach(() => store.close());

  it('puts, replaces, lists and deletes numbers with every field', async () => {
    await store.numbers.put(number());
    await store.numbers.put(number({ number: '+81312345678', label: '03', flowId: null, smsSenderId: null }));
    expect(await store.numbers.get('+815012345678')).toEqual(number());
    await store.numbers.put(number({ lines: 5, fallbackNumber: '+819012345678' }));
    expect(await store.numbers.get('+815012345678')).toEqual(
      number({ lines: 5, fallbackNumber: '+819012345678' }),
    );
    expect((await store.numbers.list()).map((n) => n.number)).toEqual(['+81312345678', '+815012345678']);
    expect(await store.numbers.delete('+81312345678')).toBe(true);
    expect(await store.numbers.delete('+81312345678')).toBe(false);
    expect(await store.numbers.get('+81312345678')).toBeUndefined();
  });

  it('refuses a line count that is not a whole number', async () => {
    await expect(store.numbers.put(number({ lines: 1.5 }))).rejects.toThrow(/lines/);
    await expect(store.numbers.put(number({ lines: -1 }))).rejects.toThrow(/lines/);
  });
});
