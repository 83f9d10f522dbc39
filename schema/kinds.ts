/**
 * The typed registry of node kinds: which ports each kind has, which must be connected, and
 * whether the kind waits for the caller. Pure data + tiny helpers, safe for the engine and the
 * browser. Adding a kind is a type error here until it is described.
 */
import type { FlowDocument, Node } from './generated/flow.ts';

export type NodeKind = Node['kind'];
export type NodeOf<K extends NodeKind> = Extract<Node, { kind: K }>;
export type Flow = FlowDocument;

interface KindInfo {
  /** Fixed ports of the kind (a menu adds one port per option key). */
  ports: readonly string[];
  /** Ports that must lead somewhere: without them the caller would be dropped without a choice. */
  requiredPorts: readonly string[];
  /** Whether the kind ends a turn and waits for the caller or the network. */
  waits: boolean;
  /** The variable fields it saves under its base name (`saveAs`, default the node id). */
  saves: readonly string[];
}

export const kindInfo = {
  say: { ports: ['next'], requiredPorts: [], waits: false, saves: [] },
  menu: { ports: ['timeout', 'invalid'], requiredPorts: [], waits: true, saves: ['choice', 'heard'] },
  input: { ports: ['done', 'invalid'], requiredPorts: ['done'], waits: true, saves: ['digits'] },
  hours: { ports: ['open', 'closed'], requiredPorts: ['open', 'closed'], waits: false, saves: [] },
  sms: { ports: ['sent', 'failed'], requiredPorts: [], waits: false, saves: ['status'] },
  record: {
    ports: ['done'],
    requiredPorts: [],
    waits: true,
    saves: ['recordingUrl', 'transcript', 'seconds'],
  },
  transfer: { ports: ['answered', 'failed'], requiredPorts: ['failed'], waits: true, saves: ['outcome'] },
  notify: { ports: ['next'], requiredPorts: [], waits: false, saves: [] },
  hangup: { ports: [], requiredPorts: [], waits: false, saves: [] },
} as const satisfies Record<NodeKind, KindInfo>;

export const nodeKinds = Object.keys(kindInfo) as NodeKind[];

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && Object.hasOwn(kindInfo, value);
}

/** Every port of a node, in display order: a menu's option keys first, then its fixed ports. */
export function portsOf(node: Node): string[] {
  const fixed = kindInfo[node.kind].ports;
  if (node.kind === 'menu') return [...node.params.options.map((o) => o.key), ...fixed];
  return [...fixed];
}

/** Ports that must be connected for the flow to be valid. */
export function requiredPortsOf(node: Node): string[] {
  const fixed = kindInfo[node.kind].requiredPorts;
  if (node.kind === 'menu') return [...node.params.options.map((o) => o.key), ...fixed];
  return [...fixed];
}

/** Where a port leads, or undefined when it is not connected. */
export function targetOf(node: Node, port: string): string | undefined {
  const next = node.next as Record<string, string> | undefined;
  return next && Object.hasOwn(next, port) ? next[port] : undefined;
}

/** The base name a node saves its variables under. */
export function saveBaseOf(node: Node): string {
  const params = node.params as { saveAs?: string } | undefined;
  return params?.saveAs ?? node.id;
}

/** The full variable names a node sets, e.g. `menu.choice`. */
export function variablesSetBy(node: Node): string[] {
  const base = saveBaseOf(node);
  return kindInfo[node.kind].saves.map((field) => `${base}.${field}`);
}
