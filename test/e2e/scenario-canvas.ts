/**
 * Mouse gestures on the flow canvas for the browser scenario, done the way a person does them:
 * drag a palette item onto the diagram, drag a step by its body, drag from a port chip to the
 * entry dot of another step. Each helper waits for what the user would see happen.
 */
import type { Locator, Page } from 'playwright-core';

export interface Point {
  x: number;
  y: number;
}

export async function centreOf(locator: Locator): Promise<Point> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A point of the canvas given as fractions of its width and height (0..1). */
export async function canvasPoint(page: Page, fx: number, fy: number): Promise<Point> {
  const box = await page.getByTestId('flow-canvas').boundingBox();
  if (!box) throw new Error('the canvas is not visible');
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

/** Presses the mouse at `from`, moves in small steps to `to` and releases it there. */
export async function mouseDrag(page: Page, from: Point, to: Point): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // A few intermediate moves: xyflow starts a drag only after the pointer has travelled, and
  // HTML5 drag-and-drop needs dragover events on the way to the drop target.
  await page.mouse.move(from.x + 6, from.y + 6, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/**
 * Drags the palette item of `kind` onto the canvas at `at` and returns the id of the new step
 * (the step that appeared; the editor selects it, so its form is open in the inspector).
 */
export async function dropStep(page: Page, kind: string, at: Point): Promise<string> {
  const steps = page.locator('.react-flow__node');
  const before = new Set(await steps.evaluateAll((els) => els.map((el) => el.getAttribute('data-id'))));
  await mouseDrag(page, await centreOf(page.getByTestId(`palette-${kind}`)), at);
  const added = page.locator(`.react-flow__node.selected:has(.fc-kind-${kind})`);
  await added.waitFor();
  const id = await added.getAttribute('data-id');
  if (!id || before.has(id)) throw new Error(`dropping ${kind} added no step`);
  return id;
}

/** Drags a step by its title to `to` (the point where its title ends up). */
export async function moveStep(page: Page, id: string, to: Point): Promise<void> {
  await mouseDrag(page, await centreOf(page.getByTestId(`node-${id}`).locator('.fc-node-title')), to);
}

/** Drags from the port chip of `from` to the entry of `to`; waits for the connection to be drawn. */
export async function connectPort(page: Page, from: string, port: string, to: string): Promise<void> {
  const source = await centreOf(page.getByTestId(`handle-${from}-${port}`));
  const target = await centreOf(page.getByTestId(`target-${to}`));
  await mouseDrag(page, source, target);
  await page.getByTestId(`edge-${from}-${port}`).waitFor({ state: 'attached' });
}

/** The simulation mark of a step on the canvas: 'active', 'path', 'dim' or null. */
export async function stepMark(page: Page, id: string): Promise<string | null> {
  const className = await page.getByTestId(`node-${id}`).locator('.fc-node').getAttribute('class');
  return /\bfc-sim-(\w+)/.exec(className ?? '')?.[1] ?? null;
}

/** The simulation mark of a connection: 'path', 'dim' or null. */
export async function edgeMark(page: Page, from: string, port: string): Promise<string | null> {
  const className = await page.getByTestId(`edge-${from}-${port}`).getAttribute('class');
  return /\bfc-edge-(\w+)/.exec(className ?? '')?.[1] ?? null;
}
