/**
 * Browser-test harness: the real server (in-process, in-memory SQLite seeded with the examples,
 * the editor built by build-editor.ts) and Debian's Chromium driven by playwright-core.
 * Collects console errors and warnings so every test can insist there are none.
 *
 * Every test runs logged in as the owner the server creates from FLOWCALL_OWNER_*: the harness
 * logs in once per file through POST /api/auth/login from the page's own browser context, so
 * the HttpOnly session cookie lands in that context exactly as the login screen would get it.
 * Not through the screen itself: auth.e2e.test.ts drives the login screen (keyboard, errors,
 * returning to the page asked for), and the other files test their own pages — a broken login
 * screen then fails one file that names it, not every file at its first step. `h.api` calls the
 * API with the same session (and its CSRF token) to prepare data.
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
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
  /** Console errors/warnings and page errors seen so far (of every page the harness opened). */
  consoleProblems: string[];
  /** The logged-in session's CSRF token (undefined with `login: false`). */
  csrfToken: string | undefined;
  /** JSON over /api with the page's session cookie and CSRF token; throws on an error status. */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** A page in a browser context of its own (no cookies): another person at another computer. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Logs `context` in by the API (the session cookie goes into its cookie jar); returns the CSRF token. */
export async function logIn(
  context: BrowserContext,
  baseUrl: string,
  credentials: { email: string; password: string } = e2eOwner,
): Promise<string> {
  const response = await context.request.post(`${baseUrl}/api/auth/login`, { data: credentials });
  if (!response.ok())
    throw new Error(`logging in as ${credentials.email}: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

export async function openHarness(
  options: {
    language?: 'ja' | 'en';
    viewport?: { width: number; height: number };
    /** More server settings (e.g. Vonage credentials so the outbox fetches transcripts). */
    env?: Record<string, string>;
    /** Log in as the owner before the test (default true; the login screen's own test does not). */
    login?: boolean;
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
  const consoleProblems: string[] = [];
  const openPage = async () => {
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1440, height: 900 },
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
    });
    if (options.language === 'en')
      await context.addInitScript(() => localStorage.setItem('flowcall.language', 'en'));
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        consoleProblems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleProblems.push(`pageerror: ${error.message}`));
    return page;
  };
  const page = await openPage();
  const csrfToken = options.login === false ? undefined : await logIn(page.context(), server.url);
  return {
    server,
    browser,
    page,
    consoleProblems,
    csrfToken,
    async api<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await page.request.fetch(`${server.url}/api${path}`, {
        method,
        headers: csrfToken ? { 'x-csrf-token': csrfToken } : {},
        ...(body === undefined ? {} : { data: body }),
      });
      const text = await response.text();
      if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    newPage: openPage,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
