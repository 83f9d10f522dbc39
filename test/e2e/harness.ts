/**
 * Browser-test harness: the real server (in-process, in-memory SQLite seeded with the examples,
 * the editor built by build-editor.ts) and Debian's Chromium driven by playwright-core.
 * Collects console errors and warnings so every test can insist there are none.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { memoryLogger } from '../../runtime/http/logger.ts';
import { type RunningServer, startServer } from '../../runtime/main.ts';

export const chromiumPath = '/usr/bin/chromium';
/** The owner the server creates on start (FLOWCALL_OWNER_*); the browser tests log in as it. */
export const e2eOwner = { email: 'owner@flowcall.test', password: 'e2e-owner-password' };
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface Harness {
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** Console errors/warnings and page errors seen so far. */
  consoleProblems: string[];
  close(): Promise<void>;
}

export async function openHarness(
  options: {
    language?: 'ja' | 'en';
    viewport?: { width: number; height: number };
    /** More server settings (e.g. Vonage credentials so the outbox fetches transcripts). */
    env?: Record<string, string>;
  } = {},
): Promise<Harness> {
  const editorDir = process.env.FLOWCALL_E2E_EDITOR_DIR;
  if (!editorDir) throw new Error('the editor was not built (test/e2e/build-editor.ts is the global setup)');
  if (!existsSync(chromiumPath))
    throw new Error(`${chromiumPath} is missing: apt-get install -y chromium (.ci/run does)`);
  const server = await startServer(
    {
      FLOWCALL_PORT: '0',
      DATABASE_URL: ':memory:',
      FLOWCALL_EDITOR_DIR: editorDir,
      FLOWCALL_SEED_EXAMPLES: 'true',
      FLOWCALL_OWNER_EMAIL: e2eOwner.email,
      FLOWCALL_OWNER_PASSWORD: e2eOwner.password,
      FLOWCALL_OWNER_NAME: 'テスト オーナー',
      ...options.env,
    },
    memoryLogger(),
  );
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  if (options.language === 'en')
    await context.addInitScript(() => localStorage.setItem('flowcall.language', 'en'));
  const page = await context.newPage();
  const consoleProblems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      consoleProblems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleProblems.push(`pageerror: ${error.message}`));
  return {
    server,
    browser,
    page,
    consoleProblems,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
