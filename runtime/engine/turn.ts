/**
 * One turn of the engine: a mutable working copy of the call state plus the actions and trace it
 * produces. Node handlers read and write it through these helpers only.
 */
import type { Node } from '../../schema/generated/flow.ts';
import type { Flow } from '../../schema/kinds.ts';
import { renderTemplate } from '../../schema/template.ts';
import type { Action, CallState, EngineEnv, TraceEntry } from './types.ts';

/**
 * `normal`: the caller is listening. `bridged`: a transfer was answered; `caller-gone`: the caller
 * hung up during a recording. In the last two the walk runs side effects only (silent mode).
 */
export type TurnMode = 'normal' | 'bridged' | 'caller-gone';

export interface TurnContext {
  flow: Flow;
  nodes: ReadonlyMap<string, Node>;
  env: EngineEnv;
  state: CallState;
  actions: Action[];
  trace: TraceEntry[];
  at: string;
  mode: TurnMode;
  /** Nodes entered in this turn, against the step limit. */
  steps: number;
}

const indexCache = new WeakMap<Flow, Map<string, Node>>();

/** Node id → node, built once per flow object. */
export function nodeIndex(flow: Flow): ReadonlyMap<string, Node> {
  let index = indexCache.get(flow);
  if (!index) {
    index = new Map();
    for (const node of flow.nodes) if (!index.has(node.id)) index.set(node.id, node);
    indexCache.set(flow, index);
  }
  return index;
}

export function setVar(ctx: TurnContext, name: string, value: string): void {
  ctx.state.vars[name] = value;
  ctx.trace.push({ type: 'var', at: ctx.at, seq: ctx.state.seq, name, value });
}

export function render(ctx: TurnContext, text: string): string {
  return renderTemplate(text, ctx.state.vars);
}

/** Queues speech unless the caller cannot hear it (silent mode). */
export function say(ctx: TurnContext, nodeId: string, text: string | undefined, repeat?: number): void {
  if (!text || ctx.mode !== 'normal') return;
  const action: Action = { type: 'say', nodeId, text: render(ctx, text), language: ctx.flow.language };
  if (repeat && repeat > 1) action.repeat = repeat;
  ctx.actions.push(action);
}

/** Stable per call, turn and node, so a retried webhook cannot send an SMS twice. */
export function idempotencyKey(ctx: TurnContext, nodeId: string): string {
  return `${ctx.state.callId}:${ctx.state.seq}:${nodeId}`;
}
