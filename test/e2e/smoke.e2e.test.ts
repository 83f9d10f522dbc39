import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, openHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

describe('the editor', () => {
  it('opens in Japanese, switches to English, without console errors', async () => {
    await h.page.goto(`${h.server.url}/`);
    await h.page.getByRole('link', { name: '通話フロー' }).waitFor();
    await h.page.getByRole('button', { name: '表示言語' }).click();
    await h.page.getByRole('link', { name: 'Call flows' }).waitFor();
    expect(h.consoleProblems).toEqual([]);
  });
});
