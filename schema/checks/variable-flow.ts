/**
 * `{{variable}}` references. A name is fine when it is built in, or when some path from the start
 * passes a step that sets it before reaching the step that uses it (a "may" analysis: the caller
 * could have gone that way). Variables only grow along a path, so availability is a union over
 * predecessors; on the condensation of strongly connected components this is one pass in
 * topological order, with bit sets over the referenced names only.
 *
 * Steps the start cannot reach are not checked for variables: they already get a warning, and
 * whether a name is set there depends on how they will be connected.
 */
import type { Node } from '../generated/flow.ts';
import type { Issue } from '../issue.ts';
import { type NodeKind, variablesSetBy } from '../kinds.ts';
import { builtInVariables, malformedPlaceholders, templateRefs } from '../template.ts';
import { type FlowGraph, isReachable, nodeIssue, stepName } from './flow-graph.ts';
import { isCyclic } from './scc.ts';

const builtIns: ReadonlySet<string> = new Set(builtInVariables);

/**
 * Which params of each kind are templates. Keyed by kind, so adding a kind is a type error here
 * until someone decides which of its texts may use variables.
 */
export const templateFields = {
  say: ['text'],
  menu: ['prompt', 'invalidPrompt', 'timeoutPrompt'],
  input: ['prompt', 'invalidPrompt'],
  hours: [],
  sms: ['text'],
  record: ['prompt'],
  transfer: ['announcement'],
  notify: ['message'],
  hangup: ['text'],
} as const satisfies Record<NodeKind, readonly string[]>;

export interface TemplateField {
  field: string;
  text: string;
}

/** The template texts a node has, with their param names. */
export function templatesOf(node: Node): TemplateField[] {
  const params = (node.params ?? {}) as Record<string, unknown>;
  const found: TemplateField[] = [];
  for (const field of templateFields[node.kind]) {
    const text = params[field];
    if (typeof text === 'string') found.push({ field, text });
  }
  return found;
}

interface Reference {
  node: number;
  field: string;
  name: string;
}

export function variableIssues(graph: FlowGraph): Issue[] {
  const { nodes } = graph;
  const issues: Issue[] = [];
  const references: Reference[] = [];
  const bitOf = new Map<string, number>();

  nodes.forEach((node, index) => {
    for (const { field, text } of templatesOf(node)) {
      for (const bad of new Set(malformedPlaceholders(text))) {
        issues.push(
          nodeIssue(
            nodes,
            index,
            'bad-template',
            ['params', field],
            `"${excerpt(bad)}" is not a valid placeholder: write a variable as {{name}}, e.g. {{caller.number}}`,
          ),
        );
      }
      if (!isReachable(graph, index)) continue;
      const seen = new Set<string>();
      for (const { name } of templateRefs(text)) {
        if (builtIns.has(name) || seen.has(name)) continue;
        seen.add(name);
        if (!bitOf.has(name)) bitOf.set(name, bitOf.size);
        references.push({ node: index, field, name });
      }
    }
  });
  if (references.length === 0) return issues;

  const available = availableBefore(graph, bitOf);
  const words = wordsFor(bitOf.size);
  const setters = setterNames(graph, bitOf);
  for (const ref of references) {
    const bit = bitOf.get(ref.name)!;
    const component = graph.reached.componentOf[ref.node]!;
    if (hasBit(available, component * words, bit)) continue;
    issues.push(
      nodeIssue(
        nodes,
        ref.node,
        'unknown-variable',
        ['params', ref.field],
        unsetMessage(graph, ref, setters),
      ),
    );
  }
  return issues;
}

function unsetMessage(graph: FlowGraph, ref: Reference, setters: ReadonlyMap<string, number>): string {
  const what = `{{${ref.name}}} in "${ref.field}" of ${stepName(graph.nodes[ref.node]!)}`;
  if (variablesSetBy(graph.nodes[ref.node]!).includes(ref.name))
    return `${what} is only set once this step is done, so it cannot be used here`;
  const setter = setters.get(ref.name);
  if (setter === undefined) return `${what} is not a built-in variable and no step sets it`;
  const by = stepName(graph.nodes[setter]!);
  return `${what} is not set on any path before it (${by} sets it, but no call passes there first)`;
}

/**
 * For each reached component, the bit set of referenced names that may be set when a call enters
 * any of its steps. Inside a cycle every step runs before every other, so its own names count.
 */
function availableBefore(graph: FlowGraph, bitOf: ReadonlyMap<string, number>): Uint32Array {
  const { nodes, successors } = graph;
  const { components, componentOf } = graph.reached;
  const words = wordsFor(bitOf.size);
  const incoming = new Uint32Array(components.length * words);
  const available = new Uint32Array(components.length * words);
  const out = new Uint32Array(words);
  // Tarjan closes a component after everything it reaches: walking backwards is topological.
  for (let c = components.length - 1; c >= 0; c--) {
    const component = components[c]!;
    const base = c * words;
    out.set(incoming.subarray(base, base + words));
    for (const index of component) {
      for (const name of variablesSetBy(nodes[index]!)) {
        const bit = bitOf.get(name);
        if (bit !== undefined) out[bit >>> 5]! |= 1 << (bit & 31);
      }
    }
    available.set(isCyclic(component, successors) ? out : incoming.subarray(base, base + words), base);
    for (const index of component) {
      for (const target of successors[index]!) {
        const d = componentOf[target]!;
        if (d === c) continue;
        const targetBase = d * words;
        for (let w = 0; w < words; w++) incoming[targetBase + w]! |= out[w]!;
      }
    }
  }
  return available;
}

/** The first step that sets each referenced name, to point at it in the message. */
function setterNames(graph: FlowGraph, bitOf: ReadonlyMap<string, number>): Map<string, number> {
  const setters = new Map<string, number>();
  graph.nodes.forEach((node, index) => {
    for (const name of variablesSetBy(node)) {
      if (bitOf.has(name) && !setters.has(name)) setters.set(name, index);
    }
  });
  return setters;
}

/** An unclosed `{{` runs to the end of the text; quote only its start. */
function excerpt(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

function wordsFor(bits: number): number {
  return Math.max(1, Math.ceil(bits / 32));
}

function hasBit(set: Uint32Array, base: number, bit: number): boolean {
  return ((set[base + (bit >>> 5)]! >>> (bit & 31)) & 1) === 1;
}
