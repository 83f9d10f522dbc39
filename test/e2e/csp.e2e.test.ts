/**
 * The Content-Security-Policy (runtime/http/hardening.ts) does not break the editor: the flow
 * page (React Flow's inline styles) and the JSON view (Monaco's injected styles, its codicon
 * font and its two workers, which must start from /assets under worker-src 'self') run with no
 * 'securitypolicyviolation' event and no console error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, openHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  await h.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      ),
    );
  });
});
afterAll(() => h.close());

const violations = () =>
  h.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describe('the security headers and the editor', () => {
  it('serve the editor under the policy, and the flow page and the Monaco JSON view break none of it', async () => {
    const { page } = h;
    const response = await page.goto(`${h.server.url}/#/flows/restaurant`);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("script-src 'self';");
    expect(headers['content-security-policy']).toContain("worker-src 'self';");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('no-referrer');
    // Served over http on localhost: browsers must not be told to insist on https.
    expect(headers['strict-transport-security']).toBeUndefined();

    await page.locator('.react-flow__node').first().waitFor();
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    const editor = page.locator('.json-view .monaco-editor');
    await editor.waitFor();
    await expect
      .poll(() => page.getByTestId('json-status').textContent())
      .toContain('キャンバスと同じ内容です');

    // Schema diagnostics come from Monaco's JSON worker: a squiggle proves the worker started.
    await page.locator('.json-view .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' trailing');
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 15_000 });

    expect(await violations()).toEqual([]);
    expect(h.consoleProblems).toEqual([]);
  });
});
