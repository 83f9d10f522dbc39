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
