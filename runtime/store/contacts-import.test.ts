import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryStore, testClock } from './test-helpers.ts';
import type { Store } from './types.ts';

describe('contacts.importMany', () => {
  let store: Store;
  const clock = testClock('2026-04-01T01:00:00.000Z');
  beforeEach(async () => {
    store = await memoryStore(clock);
  });
  afterEach(() => store.close());

  it('merge: updates the contact a number or id names, adds the rest, keeps the others', async () => {
    const kept = await store.contacts.put({ name: '残る人', numbers: ['+819000000001'] });
    const old = await store.contacts.put({
      name: '山田',
      company: '旧社名',
      numbers: ['+819012345678'],
      notes: '古いメモ',
      tags: ['取引先'],
    });
    const byId = await store.contacts.put({ name: 'ID で更新', numbers: [] });
    clock.advance(1000);
    const counts = await store.contacts.importMany(
      [
        { name: '', company: 'さくら商事', numbers: ['+819012345678', '+81312345678'], tags: ['VIP'] },
        { id: byId.id, name: 'ID で更新 (新)', numbers: ['+818011112222'] },
        { name: '新しい人', numbers: ['+817011112222'] },
      ],
      'merge',
    );
    expect(counts).toEqual({ imported: 1, updated: 2, unchanged: 0, merged: 0, rejected: [] });
    expect(await store.contacts.get(old.id)).toMatchObject({
      name: '山田',
      company: 'さくら商事',
      notes: '古いメモ',
      numbers: ['+819012345678', '+81312345678'],
      tags: ['取引先', 'VIP'],
      createdAt: old.createdAt,
      updatedAt: '2026-04-01T01:00:01.000Z',
    });
    expect((await store.contacts.findByNumber('+81312345678'))?.id).toBe(old.id);
    expect((await store.contacts.findByNumber('+818011112222'))?.name).toBe('ID で更新 (新)');
    expect((await store.contacts.findByNumber('+817011112222'))?.name).toBe('新しい人');
    expect(await store.contacts.get(kept.id)).toEqual(kept);
    expect(await store.contacts.count()).toBe(4);
  });

  it('merge: the same file twice changes nothing the second time', async () => {
    const rows = [
      { name: '山田', numbers: ['+819012345678'], tags: ['a'] },
      { name: '鈴木', numbers: ['+818012345678'] },
    ];
    expect(await store.contacts.importMany(rows, 'merge')).toMatchObject({ imported: 2, updated: 0 });
    expect(await store.contacts.importMany(rows, 'merge')).toMatchObject({
      imported: 0,
      updated: 0,
      unchanged: 2,
    });
    expect(await store.contacts.count()).toBe(2);
  });

  it('folds a number repeated in the file into the first row that had it', async () => {
    const counts = await store.contacts.importMany(
      [
        { name: '山田', numbers: ['+819012345678'] },
        { name: '', company: 'さくら商事', numbers: ['+819012345678', '+81312345678'] },
      ],
      'replace',
    );
    expect(counts).toMatchObject({ imported: 1, merged: 1 });
    expect(await store.contacts.findByNumber('+81312345678')).toMatchObject({
      name: '山田',
      company: 'さくら商事',
    });
  });

  it('rejects an input whose numbers belong to two different contacts, writing nothing of it', async () => {
    const a = await store.contacts.put({ name: 'A', numbers: ['+819000000001'] });
    await store.contacts.put({ name: 'B', numbers: ['+819000000002'] });
    const counts = await store.contacts.importMany(
      [
        { name: 'C', numbers: ['+819000000002', '+819000000001'] },
        { name: 'D', numbers: ['+819000000003'] },
      ],
      'merge',
    );
    expect(counts.rejected).toEqual([{ index: 0, number: '+819000000001', ownerId: a.id, ownerName: 'A' }]);
    expect(counts.imported).toBe(1);
    expect((await store.contacts.findByNumber('+819000000002'))?.name).toBe('B');
  });

  it('replace: the book becomes exactly the input, ids from the input kept', async () => {
    await store.contacts.put({ name: '消える人', numbers: ['+819000000001'] });
    const counts = await store.contacts.importMany(
      [{ id: 'kept-id', name: '残る人', numbers: ['+819000000001'] }],
      'replace',
    );
    expect(counts).toMatchObject({ imported: 1, updated: 0 });
    expect((await store.contacts.list()).map((c) => [c.id, c.name])).toEqual([['kept-id', '残る人']]);
  });

  it('writes nothing when one input is not a valid contact (all or nothing)', async () => {
    await store.contacts.put({ name: '元の人', numbers: [] });
    await expect(
      store.contacts.importMany(
        [
          { name: 'ok', numbers: [] },
          { name: 'bad', numbers: ['0901234'] },
        ],
        'replace',
      ),
    ).rejects.toThrow(RangeError);
    expect((await store.contacts.list()).map((c) => c.name)).toEqual(['元の人']);
  });

  it('imports thousands of contacts in well under a second', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      name: `顧客 ${i}`,
      numbers: [`+8190${String(10_000_000 + i)}`],
      tags: ['一括'],
    }));
    const started = performance.now();
    expect(await store.contacts.importMany(many, 'merge')).toMatchObject({ imported: 5000 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await store.contacts.findByNumber('+819010004999'))?.name).toBe('顧客 4999');
  });
});
