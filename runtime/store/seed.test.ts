import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedExamples } from './seed.ts';
import { memoryStore, sampleFlow, tempDir } from './test-helpers.ts';
import type { Store } from './types.ts';

const examplesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../examples');

describe('seedExamples', () => {
  let store: Store;
  beforeEach(async () => {
    store = await memoryStore();
  });
  afterEach(() => store.close());

  it('loads every example flow as version 1 with its schedules, and the demo numbers', async () => {
    const result = await seedExamples(store, examplesDir);
    expect(result.skipped).toEqual([]);
    expect(result.seeded).toBe(true);
    expect(result.flows).toEqual([
      'clinic-after-hours',
      'forwarding-050',
      'freedial-0120',
      'restaurant',
      'support-desk',
    ]);
    for (const id of result.flows) {
      const published = await store.flows.published(id);
      expect(published).toMatchObject({ version: 1, comment: 'example' });
      expect((await store.flows.get(id))?.draft).toEqual(published?.document);
    }
    expect(result.schedules).toContain('clinic-hours');
    expect(Object.keys(await store.schedules.all()).sort()).toEqual([...result.schedules].sort());

    expect(await store.numbers.get('+815012345678')).toEqual({
      number: '+815012345678',
      label: 'デモ番号 (050)',
      flowId: 'restaurant',
      lines: 2,
      smsSenderId: 'FLOWCALL',
      fallbackNumber: null,
      workspaceId: 'default',
    });
    const tokyo = (await store.numbers.list()).filter((n) => n.number.startsWith('+813'));
    expect(tokyo).toEqual([expect.objectContaining({ flowId: 'clinic-after-hours' })]);
  });

  it('does nothing the second time', async () => {
    await seedExamples(store, examplesDir);
    await store.numbers.put({
      number: '+815012345678',
      label: '本番',
      flowId: 'restaurant',
      lines: 5,
      smsSenderId: null,
      fallbackNumber: null,
    });
    const second = await seedExamples(store, examplesDir);
    expect(second).toEqual({
      seeded: false,
      flows: [],
      schedules: [],
      numbers: [],
      channels: [],
      skipped: [],
    });
    expect((await store.flows.versions('restaurant')).length).toBe(1);
    expect((await store.numbers.get('+815012345678'))?.label).toBe('本番');
  });

  it('does nothing when the customer already has flows', async () => {
    await store.flows.saveDraft(sampleFlow('mine'));
    expect((await seedExamples(store, examplesDir)).seeded).toBe(false);
    expect(await store.numbers.list()).toEqual([]);
  });

  it('skips a broken example with a reason and loads the rest', async () => {
    const temp = tempDir();
    try {
      const good = join(temp.dir, 'good');
      mkdirSync(good);
      writeFileSync(join(good, 'flow.json'), JSON.stringify(sampleFlow('good')));
      mkdirSync(join(temp.dir, 'broken'));
      writeFileSync(join(temp.dir, 'broken', 'flow.json'), '{ not json');
      mkdirSync(join(temp.dir, 'invalid'));
      writeFileSync(
        join(temp.dir, 'invalid', 'flow.json'),
        JSON.stringify({ ...sampleFlow('invalid'), start: 'nowhere' }),
      );
      const result = await seedExamples(store, temp.dir);
      expect(result.flows).toEqual(['good']);
      expect(result.numbers).toEqual([]);
      expect(result.skipped).toHaveLength(2);
      expect(result.skipped[0]).toMatch(/broken[/\\]flow\.json: /);
      expect(result.skipped[1]).toMatch(/invalid[/\\]flow\.json\/start: .*\[unknown-start\]/);
    } finally {
      temp.cleanup();
    }
  });
});
