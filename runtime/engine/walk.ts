/**
 * Runs a turn until the call waits or ends: follow ports node by node, apply each handler's
 * outcome, and stop a loop that never waits at the step limit.
 */
import type { Node } from '../../schema/generated/flow.ts';
import { kindInfo, type NodeKind, type NodeOf, targetOf } from '../../schema/kinds.ts';
import { handlers } from './handlers.ts';
import type { KindHandler, Outcome } from './outcome.ts';
import { defaultPrompts } from './prompts.ts';
import { say, type TurnContext } from './turn.ts';
import type { CallResult, EndReason, FailureCode, Waiting } from './types.ts';

const defaultStepLimit = 100;

function handlerFor<K extends NodeKind>(node: NodeOf<K>): KindHandler<K> {
  return handlers[node.kind] as unknown as KindHandler<K>;
}

export function enterNode(ctx: TurnContext, node: Node): Outcome {
  return handlerFor(node).enter(node, ctx);
}

/** Applies an outcome of the node `nodeId`, then keeps walking until a wait or the end. */
export function applyOutcome(ctx: TurnContext, nodeId: string, first: Outcome): void {
  let fromId = nodeId;
  let outcome = first;
  const limit = ctx.env.stepLimit ?? defaultStepLimit;
  for (;;) {
    if ('wait' in outcome) {
      waitFor(ctx, outcome.wait);
      return;
    }
    if ('end' in outcome) {
      endCall(ctx, outcome.end, fromId);
      return;
    }
    const from = ctx.nodes.get(fromId);
    const target = from ? targetOf(from, outcome.port) : undefined;
    ctx.trace.push({
      type: 'port',
      at: ctx.at,
      seq: ctx.state.seq,
      nodeId: fromId,
      port: outcome.port,
      target: target ?? null,
    });
    if (target === undefined) {
      if (outcome.gaveUp) say(ctx, fromId, defaultPrompts.gaveUp);
      // Never end on silence: a turn that said nothing (e.g. a failed transfer leading nowhere)
      // closes with a goodbye instead of a bare hang-up.
      else if (!ctx.actions.some((a) => a.type === 'say' || a.type === 'play'))
        say(ctx, fromId, defaultPrompts.goodbye);
      endCall(ctx, 'flow-end', fromId);
      return;
    }
    const node = ctx.nodes.get(target);
    if (!node) {
      fail(ctx, 'unknown-node', `port ${fromId}:${outcome.port} leads to missing node "${target}"`);
      return;
    }
    ctx.steps += 1;
    if (ctx.steps > limit) {
      fail(ctx, 'step-limit', `more than ${limit} steps without waiting for the caller (a loop?)`);
      return;
    }
    ctx.state.path.push(node.id);
    ctx.trace.push({ type: 'enter', at: ctx.at, seq: ctx.state.seq, nodeId: node.id, kind: node.kind });
    // Nobody is listening any more: a step that would wait for the caller ends the walk.
    if (ctx.mode !== 'normal' && kindInfo[node.kind].waits) {
      endCall(ctx, 'flow-end', node.id);
      return;
    }
    fromId = node.id;
    outcome = enterNode(ctx, node);
  }
}

/** Starts the walk at a node (call start). */
export function walkFrom(ctx: TurnContext, nodeId: string): void {
  const node = ctx.nodes.get(nodeId);
  if (!node) {
    fail(ctx, 'unknown-node', `the flow has no node "${nodeId}"`);
    return;
  }
  ctx.steps += 1;
  ctx.state.path.push(node.id);
  ctx.trace.push({ type: 'enter', at: ctx.at, seq: ctx.state.seq, nodeId: node.id, kind: node.kind });
  applyOutcome(ctx, node.id, enterNode(ctx, node));
}

function waitFor(ctx: TurnContext, waiting: Waiting): void {
  ctx.state.status = 'waiting';
  ctx.state.waiting = waiting;
}

function resultFor(ctx: TurnContext, reason: EndReason): CallResult {
  if (reason === 'failed') return 'failed';
  if (ctx.mode === 'bridged' || reason === 'transfer-ended') return 'transferred';
  if (reason === 'caller-hangup') return 'caller-hangup';
  return 'completed';
}

export function endCall(ctx: TurnContext, reason: EndReason, nodeId?: string, code?: FailureCode): void {
  // After an answered transfer the bridge is still up: the call ends when the staff call does.
  if (
    ctx.mode === 'bridged' &&
    reason !== 'transfer-ended' &&
    reason !== 'caller-hangup' &&
    reason !== 'failed'
  ) {
    const transferId = ctx.state.waiting?.nodeId ?? nodeId ?? '';
    waitFor(ctx, { nodeId: transferId, kind: 'bridge', attempt: 0 });
    return;
  }
  const result = resultFor(ctx, reason);
  ctx.state.status = 'ended';
  ctx.state.waiting = null;
  ctx.state.endedAt = ctx.at;
  ctx.state.result = result;
  if (ctx.mode === 'normal' && reason !== 'caller-hangup') {
    ctx.actions.push(nodeId ? { type: 'hangup', nodeId, reason } : { type: 'hangup', reason });
  }
  ctx.trace.push({ type: 'end', at: ctx.at, seq: ctx.state.seq, result, reason, ...(code ? { code } : {}) });
}

/** A failure the caller must not hear as silence: apologise, then hang up. */
export function fail(ctx: TurnContext, code: FailureCode, message: string): void {
  ctx.state.failure = { code, message };
  if (ctx.mode === 'bridged') {
    // The caller is talking to staff: a broken side-effect chain must not cut that call.
    endCall(ctx, 'flow-end');
    return;
  }
  if (ctx.mode === 'normal') say(ctx, '', defaultPrompts.failure);
  endCall(ctx, 'failed', undefined, code);
}
