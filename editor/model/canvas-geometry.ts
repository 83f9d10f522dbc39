/**
 * The size of a step on the canvas, shared by the node component (which is given exactly this
 * size) and the auto-layout (which must know it without a browser). Width grows with the port
 * chips along the bottom edge so every port keeps a readable, clickable label; height is fixed
 * per shape because the summary is clamped to two lines.
 */
import type { Node } from '../../schema/generated/flow.ts';
import { portsOf } from '../../schema/kinds.ts';
import { portNames } from './kind-meta.ts';

export const nodeMinWidth = 224;
/** Height of a step with ports; the port chips hang `portOverhang` px below it. */
export const nodeHeight = 112;
/** A hang-up has no port row. */
export const nodeHeightWithoutPorts = 92;
export const portOverhang = 11;
export const chipMaxWidth = 128;
const chipPadding = 16;
const chipGap = 6;
const sidePadding = 16;

export interface PortView {
  /** The port id (handle id): a menu key or a fixed port name. */
  id: string;
  /** Short text on the chip. */
  text: string;
  /** Accessible name: 「1: ご予約」 or 「営業中」. */
  name: string;
}

export type Lang = 'ja' | 'en';

/** The ports of a node as chips, in display order (menu keys first). */
export function portViews(node: Node, lang: Lang): PortView[] {
  const options = node.kind === 'menu' ? node.params.options : [];
  return portsOf(node).map((port) => {
    const option = options.find((o) => o.key === port);
    if (option) return { id: port, text: `${port} ${option.label}`, name: `${port}: ${option.label}` };
    const name = portNames[port]?.[lang] ?? port;
    return { id: port, text: name, name };
  });
}

/** Rough rendered width of 12px text: full-width (CJK) glyphs are about twice as wide. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 12 : 7.2;
  return width;
}

function chipWidth(texts: readonly string[]): number {
  const widest = Math.max(...texts.map(textWidth));
  return Math.min(chipMaxWidth, Math.ceil(chipPadding + widest));
}

/**
 * The node's size in flow coordinates. Port names are measured in both languages so switching
 * the language never changes the layout.
 */
export function nodeSize(node: Node): { width: number; height: number } {
  const ja = portViews(node, 'ja');
  const en = portViews(node, 'en');
  if (ja.length === 0) return { width: nodeMinWidth, height: nodeHeightWithoutPorts };
  const chips = ja.reduce((sum, port, i) => sum + chipWidth([port.text, en[i]?.text ?? '']), 0);
  const width = Math.max(nodeMinWidth, sidePadding + chips + chipGap * (ja.length - 1));
  return { width: Math.ceil(width), height: nodeHeight };
}

/**
 * A position near `wanted` that no other step starts at, so adding several steps at the same
 * spot (the centre of the view, from the keyboard) fans them out instead of stacking them.
 */
export function freeSpot(
  taken: ReadonlyArray<{ x: number; y: number }>,
  wanted: { x: number; y: number },
): { x: number; y: number } {
  const near = (p: { x: number; y: number }, q: { x: number; y: number }) =>
    Math.abs(p.x - q.x) < 16 && Math.abs(p.y - q.y) < 16;
  let spot = { x: Math.round(wanted.x), y: Math.round(wanted.y) };
  for (let i = 0; i < 50 && taken.some((p) => near(p, spot)); i += 1)
    spot = { x: spot.x + 32, y: spot.y + 32 };
  return spot;
}

/** A handle's box relative to its step (flow units): xyflow's `NodeHandle` without the enum. */
export interface HandleBox {
  id: string | null;
  type: 'source' | 'target';
  x: number;
  y: number;
  width: number;
  height: number;
}

// canvas.css: the step's top border, the target dot, the port chips (1.5 px border each side).
const borderTop = 4;
const borderBottom = 1;
const targetSize = 12;
const chipHeight = 22;
const chipBorders = 3;
const spaceWidth = 3.3;

/**
 * Where the handles of a step are before the canvas has drawn it: the target dot centred on the
 * top edge, the port chips centred in a row hanging `portOverhang` below the bottom edge. xyflow
 * takes these so that it need not draw every step once just to measure it (a 300-step flow would
 * be drawn whole before it could be virtualised); the drawn step is measured again
 * (canvas/use-measure-handles.ts), so an estimate a pixel off is corrected once it is in view.
 */
export function handleBoxes(node: Node, lang: Lang, size = nodeSize(node)): HandleBox[] {
  const handles: HandleBox[] = [
    {
      id: null,
      type: 'target',
      x: size.width / 2 - targetSize / 2,
      y: borderTop - targetSize / 2,
      width: targetSize,
      height: targetSize,
    },
  ];
  const ports = portViews(node, lang);
  // textWidth counts a space as wide as a letter (node sizes stay generous); the chips' centres
  // need the narrow space it is.
  const widths = ports.map((port) => {
    const spaces = port.text.split(' ').length - 1;
    const text = textWidth(port.text) - spaces * (7.2 - spaceWidth);
    return Math.min(chipMaxWidth, Math.ceil(chipPadding + chipBorders + text));
  });
  const total = widths.reduce((sum, w) => sum + w, 0) + chipGap * Math.max(0, ports.length - 1);
  const y = size.height - borderBottom + portOverhang - chipHeight;
  let x = (size.width - total) / 2;
  for (const [i, port] of ports.entries()) {
    const width = widths[i]!;
    handles.push({ id: port.id, type: 'source', x, y, width, height: chipHeight });
    x += width + chipGap;
  }
  return handles;
}
