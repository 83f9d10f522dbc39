/**
 * The call engine: pure and total. `startCall` answers a new call, `step` applies one event.
 * Neither reads a clock nor throws for anything a caller or Vonage can do: unexpected events
 * come back as the unchanged state plus an `ignored` trace entry.
 */
import type { Flow } from '../../schema/kinds.ts';
import { saveBaseOf } from '../../schema/kinds.ts';
import { parsePhone } from '../../schema/phone.ts';
import { handlers } from './handlers.ts';
import { localParts } from './local-time.ts';
import type { KindHandler } from './outcome.ts';
import { nodeIndex, setVar, type TurnContext, type TurnMode } from './turn.ts';
import type { CallEvent, CallStart, CallState, EngineEnv, Turn } from './types.ts';
import { applyOutcome, endCall, fail, walkFrom } from './walk.ts';

function builtIns(flow: Flow, call: CallStart): Record<string, string> {
  const caller = call.from && call.from !== 'anonymous' ? parsePhone(call.from) : undefined;
  const local = localParts(call.at, flow.timezone);
  return {
    'caller.number': caller?.e164 ?? (call.from || 'anonymous'),
    // Staff read notifications: a hidden or unparseable number shows as 「非通知」 rather than nothing.
    'caller.national': caller?.national ?? (call.from && call.from !== 'anonymous' ? call.from : '非通知'),
    'caller.name': call.callerName ?? '',
    'call.id': call.callId,
    'call.to': parsePhone(call.to)?.e164 ?? call.to,
    'call.startedAt': call.at,
    'call.date': local?.date ?? '',
    'call.time': local?.time ?? '',
    'flow.name': flow.name,
  };
}

function context(flow: Flow, state: CallState, at: string, env: EngineEnv, mode: TurnMode): TurnContext {
  return { flow, nodes: nodeIndex(flow), env, state, actions: [], trace: [], at, mode, steps: 0 };
}

export function startCall(flow: Flow, call: CallStart, env: EngineEnv = {}): Turn {
  const state: CallState = {
    v: 1,
    callId: call.callId,
    flowId: flow.id,
    ...(call.flowVersion !== undefined ? { flowVersion: call.flowVersion } : {}),
    status: 'waiting',
    seq: 1,
    waiting: null,
    vars: builtIns(flow, call),
    path: [],
    startedAt: call.at,
  };
  const ctx = context(flow, state, call.at, env, 'normal');
  walkFrom(ctx, flow.start);
  return { state: ctx.state, actions: ctx.actions, trace: ctx.trace };
}

function copyState(state: CallState): CallState {
  return { ...state, vars: { ...state.vars }, path: [...state.path] };
}

function ignored(state: CallState, event: CallEvent, reason: string): Turn {
  return {
    state,
    actions: [],
    trace: [{ type: 'ignored', at: event.at, seq: state.seq, event: event.type, reason }],
  };
}

export function step(flow: Flow, state: CallState, event: CallEvent, env: EngineEnv = {}): Turn {
  if (state.flowId !== flow.id)
    return ignored(state, event, `call runs flow "${state.flowId}", not "${flow.id}"`);
  if (event.type === 'transcribed') return transcribed(flow, state, event, env);
  if (state.status === 'ended') return ignored(state, event, 'the call has ended');
  const waiting = state.waiting;
  if (!waiting) return ignored(state, event, 'the call is not waiting');
  if (event.type !== 'hangup' && event.seq !== undefined && event.seq !== state.seq) {
    return ignored(state, event, `event for turn ${event.seq}, the call is at turn ${state.seq} (a retry?)`);
  }
  const mode: TurnMode = waiting.kind === 'bridge' ? 'bridged' : state.callerGone ? 'caller-gone' : 'normal';
  const ctx = context(flow, copyState(state), event.at, env, mode);

  if (event.type === 'hangup' || (event.type === 'bridge-ended' && waiting.kind === 'bridge')) {
    return hangup(ctx, event);
  }
  const node = ctx.nodes.get(waiting.nodeId);
  if (!node || node.kind !== waitingKindOf(waiting.kind, node.kind)) {
    ctx.state.seq += 1;
    fail(ctx, 'bad-state', `the call waits at "${waiting.nodeId}", which is not a waiting step of this flow`);
    return { state: ctx.state, actions: ctx.actions, trace: ctx.trace };
  }
  const handler = handlers[node.kind] as KindHandler<typeof node.kind>;
  const outcome = handler.onEvent?.(node as never, ctx, event, waiting);
  if (!outcome) return ignored(state, event, `a ${waiting.kind} step does not take "${event.type}" events`);
  ctx.state.seq += 1;
  for (const entry of ctx.trace) entry.seq = ctx.state.seq;
  applyOutcome(ctx, node.id, outcome);
  return { state: ctx.state, actions: ctx.actions, trace: ctx.trace };
}

/** Waiting kinds match node kinds except the bridge, which waits at its transfer node. */
function waitingKindOf(kind: string, nodeKind: string): string {
  return kind === 'bridge' ? nodeKind : kind;
}

function hangup(ctx: TurnContext, event: CallEvent): Turn {
  const waiting = ctx.state.waiting;
  if (waiting?.kind === 'record' && event.type === 'hangup') {
    // Voicemail callers hang up to finish: the recording event that follows (same turn, so the
    // sequence number stays) completes the walk.
    ctx.state.callerGone = true;
    ctx.trace.push({
      type: 'ignored',
      at: ctx.at,
      seq: ctx.state.seq,
      event: 'hangup',
      reason: 'caller hung up while recording; waiting for the recording',
    });
    return { state: ctx.state, actions: ctx.actions, trace: ctx.trace };
  }
  ctx.state.seq += 1;
  endCall(ctx, waiting?.kind === 'bridge' ? 'transfer-ended' : 'caller-hangup');
  return { state: ctx.state, actions: ctx.actions, trace: ctx.trace };
}

function transcribed(
  flow: Flow,
  state: CallState,
  event: Extract<CallEvent, { type: 'transcribed' }>,
  env: EngineEnv,
): Turn {
  const node = nodeIndex(flow).get(event.nodeId);
  if (node?.kind !== 'record') return ignored(state, event, `"${event.nodeId}" is not a recording step`);
  const ctx = context(flow, copyState(state), event.at, env, 'caller-gone');
  const base = saveBaseOf(node);
  if (event.transcript !== undefined) setVar(ctx, `${base}.transcript`, event.transcript);
  if (event.recordingUrl !== undefined) setVar(ctx, `${base}.recordingUrl`, event.recordingUrl);
  if (event.seconds !== undefined) setVar(ctx, `${base}.seconds`, String(event.seconds));
  return { state: ctx.state, actions: [], trace: ctx.trace };
}
