/**
 * transfer: ring staff phones. Sequential ringing tries one destination per attempt; the call
 * takes `failed` only when every destination was busy, unanswered or failed.
 */
import type { TransferNode } from '../../../schema/generated/flow.ts';
import { saveBaseOf } from '../../../schema/kinds.ts';
import { parsePhone } from '../../../schema/phone.ts';
import type { KindHandler } from '../outcome.ts';
import { say, setVar, type TurnContext } from '../turn.ts';

const e164 = (number: string) => parsePhone(number)?.e164 ?? number;

function ring(node: TransferNode, ctx: TurnContext, destination: number): void {
  const p = node.params;
  const simultaneous = p.ringing === 'simultaneous';
  const numbers = simultaneous
    ? p.destinations.map((d) => d.number)
    : [p.destinations[destination]?.number ?? ''];
  const callerId =
    !p.callerId || p.callerId === 'called-number' ? (ctx.state.vars['call.to'] ?? '') : p.callerId;
  ctx.actions.push({
    type: 'transfer',
    nodeId: node.id,
    to: numbers.map(e164),
    ringSeconds: p.ringSeconds ?? 25,
    from: e164(callerId),
    attempt: destination + 1,
  });
}

export const transferNode: KindHandler<'transfer'> = {
  enter(node, ctx) {
    say(ctx, node.id, node.params.announcement);
    ring(node, ctx, 0);
    return { wait: { nodeId: node.id, kind: 'transfer', attempt: 0, destination: 0 } };
  },
  onEvent(node, ctx, event, waiting) {
    if (event.type !== 'transfer-ended') return undefined;
    const base = saveBaseOf(node);
    if (event.outcome === 'answered') {
      setVar(ctx, `${base}.outcome`, 'answered');
      ctx.mode = 'bridged';
      return { port: 'answered' };
    }
    const next = (waiting.destination ?? 0) + 1;
    if (node.params.ringing !== 'simultaneous' && next < node.params.destinations.length) {
      ring(node, ctx, next);
      return { wait: { ...waiting, destination: next } };
    }
    setVar(ctx, `${base}.outcome`, event.outcome);
    return { port: 'failed' };
  },
};
