import { type Kysely, Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { createStore } from './create-store.ts';
import { type Database, openDatabase } from './database.ts';
import { migrateToLatest, migrations } from './migrations/index.ts';
import { callOf, memoryStore, sampleFlow, t0, testClock } from './test-helpers.ts';
import type { Store } from './types.ts';
import { isWorkspaceConflict } from './workspace-scope.ts';

const schedule = (id: string): ScheduleDocument => ({
  schemaVersion: 1,
  id,
  name: id,
  weekly: { mon: [{ from: '09:00', to: '18:00' }] },
  closedOnPublicHolidays: true,
});

const number = (e164: string) => ({
  number: e164,
  label: e164,
  flowId: null,
  lines: 2,
  smsSenderId: null,
  fallbackNumber: null,
});

/** The error a write under another workspace's id throws (for `rejects.toSatisfy`). */
const conflict = (error: unknown) => isWorkspaceConflict(error);

describe("a workspace's store", () => {
  let store: Store;
  let a: Store;
  let b: Store;
  beforeEach(async () => {
    store = await memoryStore();
    a = store.scoped('ws-a');
    b = store.scoped('ws-b');
  });
  afterEach(() => store.close());

  it("sees only its own flows, versions, schedules, numbers and channels; another's look absent", async () => {
    await b.flows.saveDraft(sampleFlow('b-flow'));
    await b.flows.publish('b-flow', 'first');
    await b.schedules.put(schedule('b-hours'));
    await b.numbers.put(number('+815099990001'));
    await b.channels.put({ id: 'b-chat', name: 'B', type: 'webhook', settings: {} });

    expect(await a.flows.list()).toEqual([]);
    expect(await a.flows.get('b-flow')).toBeUndefined();
    expect(await a.flows.versions('b-flow')).toEqual([]);
    expect(await a.flows.version('b-flow', 1)).toBeUndefined();
    expect(await a.flows.published('b-flow')).toBeUndefined();
    expect(await a.schedules.all()).toEqual({});
    expect(await a.numbers.get('+815099990001')).toBeUndefined();
    expect(await a.channels.list()).toEqual([]);
    expect(await a.channels.reveal('b-chat')).toBeUndefined();
    // Deletes find nothing, publishing and rolling back find no flow.
    expect(await a.flows.delete('b-flow')).toBe(false);
    expect(await a.schedules.delete('b-hours')).toBe(false);
    expect(await a.numbers.delete('+815099990001')).toBe(false);
    expect(await a.channels.delete('b-chat')).toBe(false);
    await expect(a.flows.publish('b-flow', 'x')).rejects.toThrow(/does not exist/);
    await expect(a.flows.rollback('b-flow', 1, 'x')).rejects.toThrow(/no version 1/);

    expect((await b.flows.versions('b-flow')).map((v) => v.version)).toEqual([1]);
    expect(await b.numbers.get('+815099990001')).toMatchObject({ workspaceId: 'ws-b' });
    // The installation's store sees both workspaces.
    expect((await store.flows.list()).map((f) => f.id)).toContain('b-flow');
  });

  it('refuses to write under an id or a number another workspace owns, and changes nothing of it', async () => {
    await b.flows.saveDraft(sampleFlow('shared', 'B の挨拶'));
    await b.schedules.put(schedule('hours'));
    await b.numbers.put(number('+815099990001'));
    await b.channels.put({ id: 'chat', name: 'B', type: 'webhook', settings: {} });
    const { id: contactId } = await b.contacts.put({ name: 'B の顧客', numbers: ['+819011112222'] });

    await expect(a.flows.saveDraft(sampleFlow('shared', 'A'))).rejects.toSatisfy(conflict);
    await expect(a.schedules.put({ ...schedule('hours'), name: 'A' })).rejects.toSatisfy(conflict);
    await expect(a.numbers.put({ ...number('+815099990001'), label: 'A' })).rejects.toSatisfy(conflict);
    await expect(a.channels.put({ id: 'chat', name: 'A', type: 'webhook', settings: {} })).rejects.toSatisfy(
      conflict,
    );
    await expect(a.contacts.put({ id: contactId, name: 'A', numbers: [] })).rejects.toSatisfy(conflict);

    expect((await b.flows.get('shared'))?.draft.nodes[0]).toMatchObject({ params: { text: 'B の挨拶' } });
    expect((await b.schedules.get('hours'))?.name).toBe('hours');
    expect((await b.numbers.get('+815099990001'))?.label).toBe('+815099990001');
    expect((await b.channels.get('chat'))?.name).toBe('B');
    expect(await b.contacts.get(contactId)).toMatchObject({ name: 'B の顧客', numbers: ['+819011112222'] });
  });

  it('keeps a contact book per workspace: the same caller may be known to both', async () => {
    await a.contacts.put({ name: 'A の山田', numbers: ['+819011112222'] });
    await b.contacts.put({ name: 'B の山田', company: 'B 社', numbers: ['+819011112222'] });
    expect((await a.contacts.findByNumber('+819011112222'))?.name).toBe('A の山田');
    expect((await b.contacts.findByNumber('+819011112222'))?.name).toBe('B の山田');
    expect(await a.contacts.count()).toBe(1);
    expect(await a.contacts.tags()).toEqual([]);
    // Within one workspace a number still has one contact.
    await expect(a.contacts.put({ name: '別人', numbers: ['+819011112222'] })).rejects.toThrow(
      /already belongs/,
    );

    // Replacing A's book by an import leaves B's alone; an id B uses becomes a new contact of A.
    const bContact = await b.contacts.findByNumber('+819011112222');
    const counts = await a.contacts.importMany(
      [{ id: bContact?.id, name: 'A の新しい顧客', numbers: ['+819033334444'] }],
      'replace',
    );
    expect(counts).toMatchObject({ imported: 1, rejected: [] });
    expect((await a.contacts.list()).map((c) => c.name)).toEqual(['A の新しい顧客']);
    expect((await a.contacts.list())[0]?.id).not.toBe(bContact?.id);
    expect(await b.contacts.get(bContact?.id ?? '')).toMatchObject({ name: 'B の山田' });
  });

  it('reads, lists and changes only its own calls, and its own retention period', async () => {
    await store.calls.admit(callOf('b-call', { workspaceId: 'ws-b' }), 5, {
      response: [{ action: 'talk' }],
      events: [{ kind: 'trace', name: 'turn 1', payload: [] }],
      outbox: [{ kind: 'sms', idempotencyKey: 'b-call:sms', callId: 'b-call', payload: {} }],
    });
    await a.calls.admit(callOf('a-call', { workspaceId: 'ws-b' }), 5);

    expect((await a.calls.get('a-call'))?.workspaceId).toBe('ws-a');
    expect(await a.calls.get('b-call')).toBeUndefined();
    expect((await a.calls.list()).map((c) => c.id)).toEqual(['a-call']);
    expect(await a.calls.events('b-call')).toEqual([]);
    expect(await a.calls.turns('b-call')).toEqual([]);
    expect(await a.calls.turnResponse('b-call', 0)).toBeUndefined();
    expect(await a.outbox.list({ callId: 'b-call' })).toEqual([]);
    expect(await a.history.get('b-call')).toBeUndefined();
    expect((await a.history.page()).rows.map((r) => r.id)).toEqual(['a-call']);
    await a.calls.end('b-call', 'completed', t0);
    await a.calls.addEvent('b-call', 'webhook', 'x', {}, t0);
    expect(await a.history.deleteCall('b-call')).toBe('missing');
    expect(await store.calls.get('b-call')).toMatchObject({ status: 'live', workspaceId: 'ws-b' });
    expect(await store.calls.events('b-call')).toHaveLength(1);
    expect(await b.outbox.list({ callId: 'b-call' })).toHaveLength(1);

    await a.history.setRetentionMonths(1, t0);
    expect(await a.history.retentionMonths()).toBe(1);
    expect(await b.history.retentionMonths()).toBe(6);
  });

  it("searches only its own calls, oldest to newest, however many other workspaces' calls match", async () => {
    const summarised = async (workspaceId: string, id: string, startedAt: string) => {
      await store.calls.insertMissed(
        callOf(id, { workspaceId, startedAt, lastEventAt: startedAt, status: 'ended' }),
      );
      const summary = {
        outcome: 'voicemail' as const,
        reason: null,
        durationSeconds: 10,
        answerSeconds: null,
        digits: [],
        menuChoices: [],
        transcript: '予約の件です',
        contactName: null,
        localSlot: 0,
        searchText: '予約の件です',
      };
      await store.history.saveSummary(id, summary, startedAt);
    };
    await summarised('ws-a', 'a-old', '2026-01-05T01:00:00.000Z');
    await summarised('ws-b', 'b-mid', '2026-03-05T01:00:00.000Z');
    await summarised('ws-a', 'a-new', '2026-06-05T01:00:00.000Z');
    await summarised('ws-b', 'b-late', '2026-09-05T01:00:00.000Z');
    expect((await a.history.page({ q: '予約' })).rows.map((r) => r.id)).toEqual(['a-new', 'a-old']);
    expect((await b.history.page({ q: '予約', limit: 1 })).rows.map((r) => r.id)).toEqual(['b-late']);
    const second = await b.history.page({ q: '予約', limit: 1 });
    expect(
      (await b.history.page({ q: '予約', limit: 1, cursor: second.next ?? '' })).rows.map((r) => r.id),
    ).toEqual(['b-mid']);
    expect((await store.scoped('ws-quiet').history.page({ q: '予約' })).rows).toEqual([]);
  });

  it('cannot be turned into another workspace', () => {
    expect(a.scoped('ws-a')).toBe(a);
    expect(() => a.scoped('ws-b')).toThrow(/cannot open workspace ws-b/);
  });
});

describe('migration 0006 on a database from before workspaces', () => {
  let db: Kysely<Database>;
  afterEach(() => db.destroy());

  it('gives every existing row to the default workspace and keeps the contact numbers and settings', async () => {
    db = await openDatabase(':memory:', { migrate: false });
    const before = Object.fromEntries(Object.entries(migrations('sqlite')).filter(([name]) => name < '0006'));
    const { error } = await new Migrator({
      db,
      provider: { getMigrations: async () => before },
    }).migrateToLatest();
    expect(error).toBeUndefined();
    const legacy = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await legacy
      .insertInto('contacts')
      .values({
        id: 'c1',
        name: '山田',
        company: '',
        numbers: '["+819011112222"]',
        notes: '',
        tags: '[]',
        search_text: '山田',
        sort_key: '山田',
        created_at: t0,
        updated_at: t0,
      })
      .execute();
    await legacy.insertInto('contact_numbers').values({ e164: '+819011112222', contact_id: 'c1' }).execute();
    await legacy
      .insertInto('settings')
      .values({ key: 'history.retentionMonths', value: '3', updated_at: t0 })
      .execute();

    expect(await migrateToLatest(db, 'sqlite')).toEqual(['0006-workspace-data']);
    const store = createStore(db, { clock: testClock() });
    const home = store.scoped('default');
    expect((await home.contacts.findByNumber('+819011112222'))?.id).toBe('c1');
    expect(await home.history.retentionMonths()).toBe(3);
    expect(await store.scoped('other').contacts.findByNumber('+819011112222')).toBeUndefined();
  });
});
