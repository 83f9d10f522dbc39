/**
 * The history dialog's pure parts: dates in Japanese time, newest version first, and a readable
 * outline of a version (what a receptionist recognises: the steps and where each one leads),
 * with what changed compared with the flow being edited.
 */
import type { FlowDocument, Node } from '../../schema/generated/flow.ts';

export interface VersionLike {
  version: number;
  comment: string;
  createdAt: string;
}

export function newestFirst<T extends VersionLike>(versions: readonly T[]): T[] {
  return [...versions].sort((a, b) => b.version - a.version);
}

/** "2026/11/23 12:05" in Tokyo time (the server stores UTC). Empty for an unreadable date. */
export function formatVersionDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ja-JP', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

export interface OutlineRow {
  id: string;
  kind: Node['kind'];
  label: string;
  /** The main thing the step says or does, shortened. */
  summary: string;
  /** port → label (or id) of the step it leads to. */
  next: Array<{ port: string; target: string }>;
  start: boolean;
}

const summaryLength = 60;

function summaryOf(node: Node): string {
  const params = node.params as Record<string, unknown>;
  const text = [params.text, params.prompt, params.announcement, params.message, params.schedule].find(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  if (!text) return '';
  return text.length > summaryLength ? `${text.slice(0, summaryLength)}…` : text;
}

/** The steps in document order, the start first. */
export function outlineFlow(flow: FlowDocument): OutlineRow[] {
  const labels = new Map(flow.nodes.map((n) => [n.id, n.label ?? n.id]));
  const rows = flow.nodes.map((node) => ({
    id: node.id,
    kind: node.kind,
    label: node.label ?? node.id,
    summary: summaryOf(node),
    next: Object.entries((node as { next?: Record<string, string> }).next ?? {}).map(([port, target]) => ({
      port,
      target: labels.get(target) ?? target,
    })),
    start: node.id === flow.start,
  }));
  return [...rows.filter((r) => r.start), ...rows.filter((r) => !r.start)];
}

export interface FlowDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

/** Node ids only in `to`, only in `from`, and in both but different (position changes ignored). */
export function diffFlows(from: FlowDocument, to: FlowDocument): FlowDiff {
  const strip = (n: Node) => JSON.stringify({ ...n, ui: undefined });
  const before = new Map(from.nodes.map((n) => [n.id, strip(n)]));
  const after = new Map(to.nodes.map((n) => [n.id, strip(n)]));
  return {
    added: [...after.keys()].filter((id) => !before.has(id)),
    removed: [...before.keys()].filter((id) => !after.has(id)),
    changed: [...after.keys()].filter((id) => before.has(id) && before.get(id) !== after.get(id)),
  };
}
