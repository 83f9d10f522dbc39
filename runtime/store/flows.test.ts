import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreNotFoundError } from './errors.ts';
import { memoryStore, sampleFlow, type TestClock, t0, testClock } from './test-helpers.ts';
import type { Store } from './types.ts';

describe('flows repository', () => {
  let clock: TestClock;
  let store: Store;
  beforeEach(async () => {
    clock = testClock();
    store = await memoryStore(clock);
  });
  afterEach(() => store.close());

  it('saves a draft, then replaces it keeping the creation time', async () => {
    const created = await store.flows.saveDraft(sampleFlow('demo', 'はじめまして'));
    expect(created).toMatchObject({
      id: 'demo',
      name: 'デモ demo',
      publishedVersion: null,
      createdAt: t0,
      updatedAt: t0,
    });
    clock.advance(60_000);
    const updated = await store.flows.saveDraft({ ...sampleFlow('demo', 'こんにちは'), name: '改名' });
    expect(updated.name).toBe('改名');
    expect(updated.createdAt).toBe(t0);
    expect(updated.updatedAt).toBe('2026-04-01T01:01:00.000Z');
    expect(updated.draft.nodes[0]).toMatchObject({ params: { text: 'こんにちは' } });
    expect(await store.flows.get('demo')).toEqual(updated);
    expect(await store.flows.get('nope')).toBeUndefined();
  });

  it('lists flows by id', async () => {
    await store.flows.saveDraft(sampleFlow('b'));
    await store.flows.saveDraft(sampleFlow('a'));
    expect((await store.flows.list()).map((f) => f.id)).toEqual(['a', 'b']);
  });

  it('publishes versions 1, 2, 3… that later draft edits do not change', async () => {
    await store.flows.saveDraft(sampleFlow('demo', 'v1'));
    const v1 = await store.flows.publish('demo', 'first');
    expect(v1).toMatchObject({ flowId: 'demo', version: 1, comment: 'first', createdAt: t0 });
    await store.flows.saveDraft(sampleFlow('demo', 'v2'));
    expect((await store.flows.published('demo'))?.version).toBe(1);
    const v2 = await store.flows.publish('demo', 'second');
    await store.flows.saveDraft(sampleFlow('demo', 'draft only'));
    const v3 = await store.flows.publish('demo', '');
    expect([v1.version, v2.version, v3.version]).toEqual([1, 2, 3]);
    expect((await store.flows.version('demo', 1))?.document.nodes[0]).toMatchObject({
      params: { text: 'v1' },
    });
    expect((await store.flows.version('demo', 2))?.document.nodes[0]).toMatchObject({
      params: { text: 'v2' },
    });
    expect((await store.flows.versions('demo')).map((v) => v.version)).toEqual([1, 2, 3]);
    expect((await store.flows.published('demo'))?.version).toBe(3);
    expect((await store.flows.get('demo'))?.publishedVersion).toBe(3);
    expect(await store.flows.version('demo', 9)).toBeUndefined();
    expect(await store.flows.published('nope')).toBeUndefined();
  });

  it('refuses to publish a flow that does not exist', async () => {
    await expect(store.flows.publish('ghost', 'x')).rejects.toBeInstanceOf(StoreNotFoundError);
  });

  it('rolls back by publishing a copy of the old version as the newest, and making it the draft', async () => {
    await store.flows.saveDraft({ ...sampleFlow('demo', 'old'), name: '旧' });
    await store.flows.publish('demo', 'v1');
    await store.flows.saveDraft({ ...sampleFlow('demo', 'new'), name: '新' });
    await store.flows.publish('demo', 'v2');
    await store.flows.saveDraft({ ...sampleFlow('demo', 'unpublished work'), name: '作業中' });

    const rolled = await store.flows.rollback('demo', 1, 'back to v1');
    expect(rolled).toMatchObject({ version: 3, comment: 'back to v1' });
    expect(rolled.document).toEqual((await store.flows.version('demo', 1))?.document);
    const flow = await store.flows.get('demo');
    expect(flow?.publishedVersion).toBe(3);
    expect(flow?.name).toBe('旧');
    expect(flow?.draft.nodes[0]).toMatchObject({ params: { text: 'old' } });
    // Version 2 is untouched: history is append-only.
    expect((await store.flows.version('demo', 2))?.document.nodes[0]).toMatchObject({
      params: { text: 'new' },
    });
    await expect(store.flows.rollback('demo', 7, 'x')).rejects.toBeInstanceOf(StoreNotFoundError);
  });

  it('deletes a flow with its versions and unlinks numbers that used it', async () => {
    await store.flows.saveDraft(sampleFlow('demo'));
    await store.flows.publish('demo', 'v1');
    await store.numbers.put({
      number: '+815012345678',
      label: 'x',
      flowId: 'demo',
      lines: 1,
      smsSenderId: null,
      fallbackNumber: null,
    });
    expect(await store.flows.delete('demo')).toBe(true);
    expect(await store.flows.get('demo')).toBeUndefined();
    expect(await store.flows.versions('demo')).toEqual([]);
    expect((await store.numbers.get('+815012345678'))?.flowId).toBeNull();
    expect(await store.flows.delete('demo')).toBe(false);
  });
});
