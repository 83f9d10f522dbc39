/**
 * `npm run screenshots`: the pictures of the main screens in README.md, taken in Japanese at
 * 1440×900 from a production build of the editor against the real server (in-memory database
 * seeded with the examples), in Debian's Chromium. The browser's clock is fixed to a Tuesday
 * lunchtime so the hours shown and the simulated call are the same on every run.
 *
 * Japanese text needs a CJK font (fonts-noto-cjk on Debian). Exit 1 when a page logged errors.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import buildEditor from '../test/e2e/build-editor.ts';
import { type Harness, openHarness } from '../test/e2e/harness.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'screenshots');
/** 2026-12-08 is a Tuesday; at 12:30 the restaurant example is open. */
const now = new Date('2026-12-08T12:30:00+09:00');

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate('document.fonts.ready');
  // Let transitions (hover shadows, highlight fades) finish.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

const zoomOf = (page: Page) =>
  page.evaluate(
    "new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a",
  ) as Promise<number>;

/**
 * Shows the canvas at `zoom` with step `nodeId` centred horizontally and `top` px below the
 * canvas' top edge, as a user would: the mouse wheel, then the empty background dragged. (The editor opens a small flow fitted whole, which in a picture is too small to read.)
 */
async function frame(page: Page, nodeId: string, zoom: number, top: number): Promise<void> {
  const node = page.getByTestId(`node-${nodeId}`);
  const canvas = (await page.getByTestId('flow-canvas').boundingBox())!;
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  // d3-zoom: a wheel step of deltaY scales by 2^(-deltaY × 0.002).
  await page.mouse.wheel(0, -Math.log2(zoom / (await zoomOf(page))) / 0.002);
  await page.waitForTimeout(300);
  const box = (await node.boundingBox())!;
  const dx = canvas.x + canvas.width / 2 - (box.x + box.width / 2);
  const dy = canvas.y + top - box.y;
  // Grab the background where nothing is drawn.
  const grab = (await page.evaluate(`(() => {
    const c = ${JSON.stringify(canvas)};
    for (let y = c.y + 20; y < c.y + c.height - 20; y += 20)
      for (const x of [c.x + 20, c.x + c.width - 20])
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
    return null;
  })()`)) as { x: number; y: number } | null;
  if (!grab) throw new Error('no empty background to drag');
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + dx, grab.y + dy, { steps: 10 });
  await page.mouse.up();
  await page.waitForTimeout(300);
}

async function flowsList(page: Page, origin: string): Promise<void> {
  // The examples were stored moments ago by the real clock; show them as stored at `now`, so a
  // picture taken again only differs when the screen does.
  await page.route('**/api/flows', async (route) => {
    const flows = (await (await route.fetch()).json()) as Array<Record<string, unknown>>;
    await route.fulfill({ json: flows.map((flow) => ({ ...flow, updatedAt: now.toISOString() })) });
  });
  await page.goto(`${origin}/#/flows`);
  await page.getByTestId('flow-row-restaurant').waitFor();
  await shoot(page, 'flows');
  await page.unroute('**/api/flows');
}

async function flowPage(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/#/flows/restaurant`);
  await frame(page, 'welcome', 0.75, 40);
  await page.getByTestId('node-open-menu').locator('.fc-node-title').click();
  await page.getByTestId('inspector').getByRole('form').waitFor();
  await shoot(page, 'flow');
}

async function simulator(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'シミュレーター' }).click();
  await page.getByLabel('日時（日本時間）').fill('2026-12-08T12:30');
  await page.getByTestId('sim-start').click();
  await page.getByTestId('key-1').click();
  await page.locator('[data-testid="sim-result"][data-result="completed"]').waitFor();
  // The path taken lights up from the greeting down.
  await frame(page, 'welcome', 0.75, 40);
  await page.locator('.side-tab-panel:not([hidden])').evaluate((panel) => panel.scrollTo(0, 0));
  await shoot(page, 'simulator');
  await page.getByTestId('sim-clear').click();
  await page.getByRole('tab', { name: '設定' }).click();
}

async function jsonView(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'JSON' }).click();
  await page.locator('.monaco-editor .view-lines').waitFor();
  await page.getByTestId('json-status').waitFor();
  await shoot(page, 'json');
}

async function hours(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/#/hours/restaurant-hours`);
  await page.getByTestId('calendar').waitFor();
  await shoot(page, 'hours');
}

async function numbers(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/#/numbers`);
  await page.getByTestId('number-row-+815012345678').waitFor();
  await shoot(page, 'numbers');
}

process.chdir(root);
let h: Harness | undefined;
let removeBuild: (() => void) | undefined;
let exitCode = 0;
try {
  const fonts = execFileSync('fc-list', [':lang=ja'], { encoding: 'utf8' });
  if (!fonts.trim()) throw new Error('no Japanese font: apt-get install -y fonts-noto-cjk');
  mkdirSync(out, { recursive: true });
  removeBuild = buildEditor();
  h = await openHarness({ viewport: { width: 1440, height: 900 } });
  await h.page.clock.setFixedTime(now);
  const origin = h.server.url;
  await flowsList(h.page, origin);
  await flowPage(h.page, origin);
  await simulator(h.page);
  await jsonView(h.page);
  await hours(h.page, origin);
  await numbers(h.page, origin);
  if (h.consoleProblems.length > 0) {
    console.error(`the pages logged errors:\n${h.consoleProblems.join('\n')}`);
    exitCode = 1;
  }
} catch (error) {
  console.error('the screenshots could not be taken:', error);
  exitCode = 2;
} finally {
  await h?.close();
  removeBuild?.();
}
process.exit(exitCode);
