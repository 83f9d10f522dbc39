/**
 * A flow with saveUnknownCallers: an incoming call from a number the book does not know leaves a
 * contact behind (after the answer), a known or withheld caller does not, and a flow without the
 * setting saves nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoNumber, type TestApp, testApp } from '../testing/test-app.ts';

let app: TestApp;
beforeEach(async () => {
  app = await testApp({ at: '2026-11-24T12:00:00+09:00' });
});
afterEach(() => app.close());

async function saveUnknownCallers(on: boolean) {
  const flow = await app.store.flows.get('restaurant');
  if (!flow) throw new Error('the restaurant example is not seeded');
  await app.store.flows.saveDraft({ ...flow.draft, saveUnknownCallers: on });
  await app.store.flows.publish('restaurant', on ? '不明な発信者を保存' : '保存しない');
}

const answer = async (uuid: string, from: string) => {
  const response = await app.request(
    `/vonage/answer?to=${demoNumber}&from=${from}&uuid=${uuid}&conversation_uuid=C-${uuid}`,
  );
  expect(((await response.json()) as Array<{ action: string }>).length).toBeGreaterThan(0);
};

/** The save runs after the answer; give it its turns of the event loop. */
async function settled(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('saving unknown callers', () => {
  it('turns an unknown caller into a contact named after the number and tagged 自動登録', async () => {
    await saveUnknownCallers(true);
    await answer('u1', '819011112222');
    await settled();
    const contact = await app.store.contacts.findByNumber('+819011112222');
    expect(contact).toMatchObject({
      name: '不明な発信者 090-1111-2222',
      numbers: ['+819011112222'],
      tags: ['自動登録'],
      notes: expect.stringContaining('和食処'),
    });
    // The same caller again: still one contact.
    await answer('u2', '819011112222');
    await settled();
    expect(await app.store.contacts.count()).toBe(1);
  });

  it('leaves known callers as they are and never saves a withheld number', async () => {
    await saveUnknownCallers(true);
    const known = await app.store.contacts.put({ name: '山田 太郎', numbers: ['+819012345678'] });
    await answer('k1', '819012345678');
    await answer('a1', 'Unknown');
    await settled();
    expect((await app.store.contacts.list()).map((c) => c.id)).toEqual([known.id]);
  });

  it('saves nothing when the flow does not ask for it', async () => {
    await saveUnknownCallers(false);
    await answer('n1', '819011112222');
    await settled();
    expect(await app.store.contacts.count()).toBe(0);
  });

  it('logs a failure to save instead of disturbing the call', async () => {
    await saveUnknownCallers(true);
    // The caller is saved in the book of the number's workspace (the demo number's: default).
    app.store.scoped('default').contacts.put = async () => {
      throw new Error('disk full');
    };
    await answer('f1', '819011112222');
    await settled();
    expect(app.logger.entries).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'could not save an unknown caller' }),
    );
  });
});
