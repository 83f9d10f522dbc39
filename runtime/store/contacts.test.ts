import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactInput } from './contact-types.ts';
import { isNumberTaken } from './contacts-errors.ts';
import { memoryStore, testClock } from './test-helpers.ts';
import type { Store } from './types.ts';

const yamada: ContactInput = {
  name: '山田 太郎',
  company: 'さくら商事',
  numbers: ['+819012345678', '+81312345678'],
  notes: '毎週月曜に配達',
  tags: ['取引先', 'VIP'],
};

describe('contacts repository', () => {
  let store: Store;
  const clock = testClock('2026-04-01T01:00:00.000Z');
  beforeEach(async () => {
    store = await memoryStore(clock);
  });
  afterEach(() => store.close());

  it('stores a contact with several numbers and finds it by any of them', async () => {
    const saved = await store.contacts.put(yamada);
    expect(saved).toMatchObject({ ...yamada, createdAt: '2026-04-01T01:00:00.000Z' });
    expect(await store.contacts.get(saved.id)).toEqual(saved);
    expect((await store.contacts.findByNumber('+81312345678'))?.name).toBe('山田 太郎');
    expect((await store.contacts.findByNumber('+819012345678'))?.id).toBe(saved.id);
    expect(await store.contacts.findByNumber('+819099999999')).toBeUndefined();
  });

  it('replaces a contact in place: its old numbers stop matching, its creation time stays', async () => {
    const saved = await store.contacts.put(yamada);
    clock.advance(60_000);
    const edited = await store.contacts.put({ ...yamada, id: saved.id, numbers: ['+818011112222'] });
    expect(edited.createdAt).toBe(saved.createdAt);
    expect(edited.updatedAt).not.toBe(saved.updatedAt);
    expect(await store.contacts.findByNumber('+819012345678')).toBeUndefined();
    expect((await store.contacts.findByNumber('+818011112222'))?.id).toBe(saved.id);
    expect(await store.contacts.count()).toBe(1);
  });

  it('refuses a number that already belongs to someone else, naming the owner', async () => {
    const saved = await store.contacts.put(yamada);
    const error = await store.contacts.put({ name: '鈴木', numbers: ['+81312345678'] }).catch((e) => e);
    expect(isNumberTaken(error)).toBe(true);
    expect(error).toMatchObject({ number: '+81312345678', ownerId: saved.id, ownerName: '山田 太郎' });
    expect(await store.contacts.count()).toBe(1);
  });

  it('refuses contacts no caller should send: no name nor company, a number not in E.164', async () => {
    await expect(store.contacts.put({ name: ' ', numbers: [] })).rejects.toThrow(/name or a company/);
    await expect(store.contacts.put({ name: 'x', numbers: ['090-1234-5678'] })).rejects.toThrow(/E\.164/);
  });

  it('deletes a contact together with its numbers', async () => {
    const saved = await store.contacts.put(yamada);
    expect(await store.contacts.delete(saved.id)).toBe(true);
    expect(await store.contacts.delete(saved.id)).toBe(false);
    expect(await store.contacts.findByNumber('+819012345678')).toBeUndefined();
    // The number is free again.
    await store.contacts.put({ name: '鈴木', numbers: ['+819012345678'] });
  });

  it('searches names, companies, notes, tags and numbers in any written form, and pages by name', async () => {
    await store.contacts.put(yamada);
    await store.contacts.put({ name: 'Ｓｕｚｕｋｉ Hanako', numbers: ['+818055556666'], tags: ['患者'] });
    await store.contacts.put({ name: '', company: 'ABC 100% Foods', numbers: [] });
    const names = async (search: string, tag?: string) =>
      (await store.contacts.list({ search, ...(tag ? { tag } : {}) })).map((c) => c.name || c.company);
    expect(await names('さくら')).toEqual(['山田 太郎']);
    expect(await names('配達')).toEqual(['山田 太郎']);
    expect(await names('suzuki')).toEqual(['Ｓｕｚｕｋｉ Hanako']);
    expect(await names('ＨＡＮＡＫＯ')).toEqual(['Ｓｕｚｕｋｉ Hanako']);
    expect(await names('090-1234')).toEqual(['山田 太郎']);
    expect(await names('+81 3 1234')).toEqual(['山田 太郎']);
    expect(await names('(03) 1234-5678')).toEqual(['山田 太郎']);
    expect(await names('0312345678')).toEqual(['山田 太郎']);
    expect(await names('+81312345678')).toEqual(['山田 太郎']);
    expect(await names('100%')).toEqual(['ABC 100% Foods']);
    expect(await names('1_0')).toEqual([]);
    expect(await names('山田 VIP')).toEqual(['山田 太郎']);
    expect(await names('', '患者')).toEqual(['Ｓｕｚｕｋｉ Hanako']);
    expect(await names('', 'VI')).toEqual([]);
    expect(await store.contacts.count({ search: '080' })).toBe(1);
    expect(await store.contacts.count({ search: '1' })).toBe(3);
    const all = await store.contacts.list();
    expect(all.map((c) => c.name || c.company)).toEqual([
      'ABC 100% Foods',
      'Ｓｕｚｕｋｉ Hanako',
      '山田 太郎',
    ]);
    expect((await store.contacts.list({ limit: 1, offset: 1 })).map((c) => c.name)).toEqual([
      'Ｓｕｚｕｋｉ Hanako',
    ]);
  });

  it('counts tags in use', async () => {
    await store.contacts.put(yamada);
    await store.contacts.put({ name: '佐藤', numbers: [], tags: ['取引先'] });
    expect(await store.contacts.tags()).toEqual([
      { tag: 'VIP', count: 1 },
      { tag: '取引先', count: 2 },
    ]);
  });
});
