/**
 * What the editor bench does inside Chromium. The probes are plain JavaScript strings (they run
 * in the page, where the bench's TypeScript helpers do not exist).
 *
 * Opening a flow: a probe installed before the page's own scripts checks on every animation
 * frame whether the canvas shows what it must: every step whose box meets the visible part of
 * the canvas (read from xyflow's viewport transform, so virtualisation is allowed to skip the
 * rest) is in the DOM with its size, and every connection between two such steps has its path.
 * The frame after that is "drawn". The bench then clicks the start step with the real mouse;
 * "interactive" is the frame after the step shows as selected and the inspector shows its form.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { logIn } from '../test/e2e/harness.ts';
import type { FlowBoxes } from './editor-flow.ts';

const openProbe = (boxes: FlowBoxes) => `(() => {
  const boxes = ${JSON.stringify(boxes)};
  const state = { drawn: null, target: null, visible: 0, edges: 0, pointerDown: null, responded: null, frames: 0 };
  window.__bench = state;
  addEventListener('pointerdown', (event) => { if (state.pointerDown === null) state.pointerDown = event.timeStamp; }, true);
  const drawnNow = () => {
    const canvas = document.querySelector('[data-testid="flow-canvas"]');
    const viewport = canvas && canvas.querySelector('.react-flow__viewport');
    if (!viewport) return false;
    const rect = canvas.getBoundingClientRect();
    const m = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
    const zoom = m.a;
    if (!(zoom > 0) || rect.width === 0) return false;
    const left = -m.e / zoom, top = -m.f / zoom;
    const right = left + rect.width / zoom, bottom = top + rect.height / zoom;
    const visible = boxes.nodes.filter((n) => n.x < right && n.x + n.width > left && n.y < bottom && n.y + n.height > top);
    if (visible.length === 0) return false;
    for (const n of visible) {
      const el = canvas.querySelector('.react-flow__node[data-id="' + CSS.escape(n.id) + '"]');
      if (!el || el.offsetWidth === 0 || getComputedStyle(el).visibility !== 'visible') return false;
    }
    const ids = new Set(visible.map((n) => n.id));
    const edges = boxes.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
    for (const e of edges) {
      const path = canvas.querySelector('[data-testid="edge-' + CSS.escape(e.source + '-' + e.port) + '"] path');
      if (!path || !path.getAttribute('d')) return false;
    }
    const title = canvas.querySelector('.react-flow__node[data-id="' + CSS.escape(boxes.start) + '"] .fc-node-title');
    if (!title) return false;
    const t = title.getBoundingClientRect();
    state.target = { x: t.left + t.width / 2, y: t.top + t.height / 2 };
    state.visible = visible.length;
    state.edges = edges.length;
    return true;
  };
  const respondedNow = () => {
    const node = document.querySelector('.react-flow__node[data-id="' + CSS.escape(boxes.start) + '"]');
    const form = document.getElementById('insp-title-' + boxes.start);
    return !!node && node.classList.contains('selected') && !!form;
  };
  let drawnSeen = false, respondedSeen = false;
  const frame = () => {
    state.frames += 1;
    // The frame after the one whose DOM passed the check: that frame has been produced.
    if (drawnSeen && state.drawn === null) state.drawn = performance.now();
    if (respondedSeen && state.responded === null) state.responded = performance.now();
    if (!drawnSeen) drawnSeen = drawnNow();
    else if (state.pointerDown !== null && !respondedSeen) respondedSeen = respondedNow();
    if (state.responded === null && performance.now() < 60000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

export interface OpenResult {
  /** ms from navigation start until the visible steps and their connections were drawn. */
  drawn: number;
  /** ms from navigation start until a click on the start step was answered on screen. */
  interactive: number;
  /** ms from the click reaching the page until its answer was on screen. */
  clickToResponse: number;
  visibleSteps: number;
  visibleEdges: number;
  scripts: ScriptFile[];
}

export interface ScriptFile {
  name: string;
  bytes: number;
  gzip: number;
}

export const contextOptions = {
  viewport: { width: 1440, height: 900 },
  locale: 'ja-JP',
  timezoneId: 'Asia/Tokyo',
} as const;

/**
 * Opens `#/flows/<id>` in a fresh browser context (empty HTTP cache, new renderer, like a first
 * visit) and measures it. Also returns every script the page loaded on the way.
 */
export async function measureOpen(
  browser: Browser,
  origin: string,
  flowId: string,
  boxes: FlowBoxes,
  problems: string[],
): Promise<OpenResult> {
  const context = await browser.newContext(contextOptions);
  try {
    // Logged in as staff are (the cookie only: the HTTP cache stays empty, as on a first visit).
    await logIn(context, origin);
    await context.addInitScript(openProbe(boxes));
    const page = await context.newPage();
    watchConsole(page, problems);
    const scripts: Promise<ScriptFile>[] = [];
    page.on('response', (response: Response) => {
      if (new URL(response.url()).pathname.endsWith('.js')) scripts.push(scriptFile(response));
    });
    await page.goto(`${origin}/#/flows/${encodeURIComponent(flowId)}`, { waitUntil: 'commit' });
    const target =
      (await // Functions, not strings: the editor's CSP has no 'unsafe-eval', and Playwright evaluates a
      // string predicate with new Function in the page.
      (
        await page.waitForFunction(
          () => {
            const bench = (globalThis as { __bench?: { drawn: number | null; target: unknown } }).__bench;
            return bench && bench.drawn !== null && bench.target;
          },
          null,
          {
            timeout: 60_000,
            polling: 'raf',
          },
        )
      ).jsonValue()) as { x: number; y: number };
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction(
      () => (globalThis as { __bench?: { responded: number | null } }).__bench?.responded != null,
      null,
      {
        timeout: 60_000,
        polling: 'raf',
      },
    );
    const state = (await page.evaluate('window.__bench')) as {
      drawn: number;
      responded: number;
      pointerDown: number;
      visible: number;
      edges: number;
    };
    return {
      drawn: state.drawn,
      interactive: state.responded,
      clickToResponse: state.responded - state.pointerDown,
      visibleSteps: state.visible,
      visibleEdges: state.edges,
      scripts: await Promise.all(scripts),
    };
  } finally {
    await context.close();
  }
}

async function scriptFile(response: Response): Promise<ScriptFile> {
  const body = await response.body();
  const name = new URL(response.url()).pathname.split('/').pop() ?? response.url();
  if (body.includes('MonacoEnvironment'))
    throw new Error(`${name} (Monaco) was loaded before the JSON view opened`);
  return { name, bytes: body.length, gzip: gzipSync(body).length };
}

export function watchConsole(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
}

/** Records every animation frame and whether the watched element was somewhere new in it. */
const frameRecorder = (selector: string) => `(() => {
  const element = document.querySelector(${JSON.stringify(selector)});
  const at = () => new DOMMatrixReadOnly(element.style.transform || 'none');
  const frames = [];
  let last = element.style.transform;
  let point = at();
  let travelled = 0;
  let running = true;
  const frame = (t) => {
    const now = element.style.transform;
    frames.push([t, now !== last]);
    if (now !== last) {
      const next = at();
      travelled += Math.hypot(next.e - point.e, next.f - point.f);
      point = next;
    }
    last = now;
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  window.__frames = { stop: () => { running = false; return { frames, travelled }; } };
})()`;

export interface DragResult {
  /** Frames a second in which the dragged element was drawn somewhere new. */
  fps: number;
  /** All animation frames a second, moving or not. */
  frameRate: number;
  /** 95th percentile and longest time between two frames that moved the element, ms. */
  p95Gap: number;
  longestGap: number;
  moves: number;
  /** How far the element travelled on screen while measured (proof the drag happened), px. */
  moved: number;
}

/**
 * Drags the element `selector` names, grabbed at `from`, with the real mouse (CDP input events,
 * each sent once the page has taken the last, as a mouse reporting at up to the display rate)
 * along a circle of `radius` px around `centre` for `seconds`, and counts the animation frames
 * that drew it somewhere new — a frame that merely repeats the last position does not count.
 */
export async function measureDrag(
  page: Page,
  selector: string,
  from: { x: number; y: number },
  centre: { x: number; y: number },
  seconds = 3,
  radius = 140,
): Promise<DragResult> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // Past xyflow's drag threshold and over to the circle, before the clock starts.
  const steps = 20;
  for (let i = 1; i <= steps; i += 1) {
    await page.mouse.move(
      from.x + ((centre.x + radius - from.x) * i) / steps,
      from.y + ((centre.y - from.y) * i) / steps,
    );
  }
  await page.evaluate(frameRecorder(selector));
  const started = performance.now();
  let moves = 0;
  while (performance.now() - started < seconds * 1000) {
    const angle = (moves / 90) * 2 * Math.PI;
    await page.mouse.move(centre.x + radius * Math.cos(angle), centre.y + radius * Math.sin(angle));
    moves += 1;
  }
  const { frames, travelled } = (await page.evaluate('window.__frames.stop()')) as {
    frames: Array<[number, boolean]>;
    travelled: number;
  };
  await page.mouse.up();
  const moving = frames.filter(([, changed]) => changed).map(([t]) => t);
  const gaps = moving.slice(1).map((t, i) => t - moving[i]!);
  gaps.sort((a, b) => a - b);
  const span = (frames.at(-1)?.[0] ?? 0) - (frames[0]?.[0] ?? 0);
  return {
    fps: span > 0 ? (moving.length / span) * 1000 : 0,
    frameRate: span > 0 ? ((frames.length - 1) / span) * 1000 : 0,
    p95Gap: gaps[Math.floor(gaps.length * 0.95)] ?? 0,
    longestGap: gaps.at(-1) ?? 0,
    moves,
    moved: travelled,
  };
}

/** A page that only moves a box with the pointer: the frame rate this machine gives at best. */
export async function measureBaselineDrag(context: BrowserContext): Promise<DragResult> {
  const page = await context.newPage();
  await page.setContent(`<!doctype html><body style="margin:0">
    <div id="box" style="position:absolute;width:120px;height:60px;background:#2f6fde"></div>
    <script>
      let drag = false;
      addEventListener('pointerdown', () => { drag = true; });
      addEventListener('pointerup', () => { drag = false; });
      addEventListener('pointermove', (e) => {
        if (drag) box.style.transform = 'translate(' + (e.clientX - 60) + 'px,' + (e.clientY - 30) + 'px)';
      });
    </script></body>`);
  const result = await measureDrag(page, '#box', { x: 60, y: 30 }, { x: 720, y: 450 });
  await page.close();
  return result;
}
