/**
 * Pure edits the inspector makes (old document in, new document out, like model/flow-edits.ts):
 * one param, a menu option, a transfer destination, a renamed step. Menu edits keep ports and
 * options in step: an option's key is its port, so changing or removing it moves or drops the
 * connection instead of leaving a dangling `next` entry.
 */

import { templateFields } from '../../schema/checks/variable-flow.ts';
import type { FlowDocument, MenuOption, Node, TransferDestination } from '../../schema/generated/flow.ts';
import { renameNode } from './flow-edits.ts';

type Next = Record<string, string>;

function updateNode(flow: FlowDocument, id: string, edit: (node: Node) => Node): FlowDocument {
  let changed = false;
  const nodes = flow.nodes.map((node) => {
    if (node.id !== id) return node;
    const next = edit(node);
    changed ||= next !== node;
    return next;
  });
  return changed ? { ...flow, nodes: nodes as FlowDocument['nodes'] } : flow;
}

function withKey<T extends object>(record: T, key: string, value: unknown): T {
  const copy = { ...record } as Record<string, unknown>;
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy as T;
}

/** Sets one param (undefined removes an optional one). */
export function setParam(flow: FlowDocument, id: string, name: string, value: unknown): FlowDocument {
  return updateNode(flow, id, (node) => {
    const params = (node.params ?? {}) as Record<string, unknown>;
    if (params[name] === value) return node;
    return { ...node, params: withKey(params, name, value) } as Node;
  });
}

/** Sets a node's label or note; an empty text removes it. */
export function setNodeText(
  flow: FlowDocument,
  id: string,
  name: 'label' | 'note',
  value: string,
): FlowDocument {
  return updateNode(flow, id, (node) =>
    (node[name] ?? '') === value ? node : (withKey(node, name, value === '' ? undefined : value) as Node),
  );
}

/** Sets a flow setting (name, language, …); an empty optional description is removed. */
export function setFlowField(flow: FlowDocument, name: string, value: string): FlowDocument {
  if ((flow as unknown as Record<string, unknown>)[name] === value) return flow;
  return withKey(flow, name, name === 'description' && value === '' ? undefined : value);
}

/** Keys in the order a new menu option takes them: what callers expect after 1, 2, 3. */
export const menuKeys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'] as const;

export function unusedKeys(options: readonly MenuOption[]): string[] {
  const used = new Set(options.map((o) => o.key));
  return menuKeys.filter((key) => !used.has(key));
}

function updateMenu(
  flow: FlowDocument,
  id: string,
  edit: (options: MenuOption[], next: Next) => { options: MenuOption[]; next: Next } | undefined,
): FlowDocument {
  return updateNode(flow, id, (node) => {
    if (node.kind !== 'menu') return node;
    const result = edit([...(node.params?.options ?? [])], { ...((node.next as Next | undefined) ?? {}) });
    if (!result) return node;
    return { ...node, params: { ...node.params, options: result.options }, next: result.next };
  });
}

/** Adds an option with the first free key; its port appears on the canvas unconnected. */
export function addOption(flow: FlowDocument, id: string, label: string): FlowDocument {
  return updateMenu(flow, id, (options, next) => {
    const key = unusedKeys(options)[0];
    if (key === undefined || options.length >= menuKeys.length) return undefined;
    return { options: [...options, { key, label }], next };
  });
}

/** Removes an option and the connection of its port (unless another option keeps the key). */
export function removeOption(flow: FlowDocument, id: string, index: number): FlowDocument {
  return updateMenu(flow, id, (options, next) => {
    const [gone] = options.splice(index, 1);
    if (!gone) return undefined;
    if (!options.some((o) => o.key === gone.key)) delete next[gone.key];
    return { options, next };
  });
}

export function moveOption(flow: FlowDocument, id: string, index: number, delta: -1 | 1): FlowDocument {
  return updateMenu(flow, id, (options, next) => {
    const to = index + delta;
    if (to < 0 || to >= options.length || index < 0 || index >= options.length) return undefined;
    [options[index], options[to]] = [options[to]!, options[index]!];
    return { options, next };
  });
}

/** Changes an option's key; its connection moves to the new key with it. */
export function setOptionKey(flow: FlowDocument, id: string, index: number, key: string): FlowDocument {
  return updateMenu(flow, id, (options, next) => {
    const option = options[index];
    if (!option || option.key === key) return undefined;
    const old = option.key;
    options[index] = { ...option, key };
    const target = next[old];
    if (!options.some((o) => o.key === old)) delete next[old];
    if (target !== undefined) next[key] = target;
    return { options, next };
  });
}

export function setOptionField(
  flow: FlowDocument,
  id: string,
  index: number,
  name: 'label' | 'keywords',
  value: string | string[] | undefined,
): FlowDocument {
  return updateMenu(flow, id, (options, next) => {
    const option = options[index];
    if (!option) return undefined;
    const empty = value === undefined || (Array.isArray(value) && value.length === 0);
    if (JSON.stringify(option[name]) === JSON.stringify(empty ? undefined : value)) return undefined;
    options[index] = withKey(option, name, empty ? undefined : value);
    return { options, next };
  });
}

/** Spoken keywords as typed: separated by commas or Japanese 「、」. */
export function parseKeywords(text: string): string[] {
  return text
    .split(/[,、，]/)
    .map((word) => word.trim())
    .filter((word) => word !== '');
}

function updateDestinations(
  flow: FlowDocument,
  id: string,
  edit: (list: TransferDestination[]) => TransferDestination[] | undefined,
): FlowDocument {
  return updateNode(flow, id, (node) => {
    if (node.kind !== 'transfer') return node;
    const list = edit([...(node.params?.destinations ?? [])]);
    return list ? { ...node, params: { ...node.params, destinations: list } } : node;
  });
}

export function addDestination(flow: FlowDocument, id: string): FlowDocument {
  return updateDestinations(flow, id, (list) => (list.length >= 5 ? undefined : [...list, { number: '' }]));
}

export function removeDestination(flow: FlowDocument, id: string, index: number): FlowDocument {
  return updateDestinations(flow, id, (list) =>
    list.length <= 1 || !list[index] ? undefined : list.filter((_, i) => i !== index),
  );
}

export function setDestination(
  flow: FlowDocument,
  id: string,
  index: number,
  name: 'number' | 'label',
  value: string,
): FlowDocument {
  return updateDestinations(flow, id, (list) => {
    const item = list[index];
    if (!item || (item[name] ?? '') === value) return undefined;
    list[index] = name === 'label' && value === '' ? { number: item.number } : { ...item, [name]: value };
    return list;
  });
}

/**
 * Renames a step: edges and the start follow (renameNode), and so do `{{old.field}}` references
 * when the step saves its variables under its id, so the rename does not break templates.
 */
export function renameStep(flow: FlowDocument, from: string, to: string): FlowDocument {
  const renamed = renameNode(flow, from, to);
  if (renamed === flow) return flow;
  const node = flow.nodes.find((n) => n.id === from);
  if ((node?.params as { saveAs?: string } | undefined)?.saveAs !== undefined) return renamed;
  const escaped = from.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  const reference = new RegExp(`(\\{\\{\\s*)${escaped}\\.`, 'g');
  const nodes = renamed.nodes.map((n) => {
    const params = (n.params ?? {}) as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const field of templateFields[n.kind]) {
      const text = params[field];
      if (typeof text !== 'string' || !reference.test(text)) continue;
      reference.lastIndex = 0;
      copy ??= { ...params };
      copy[field] = text.replace(reference, `$1${to}.`);
    }
    return copy ? ({ ...n, params: copy } as Node) : n;
  });
  return { ...renamed, nodes: nodes as FlowDocument['nodes'] };
}
