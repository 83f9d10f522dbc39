/** notify: a staff notification as data; the outbox sends it, the caller never waits. */
import type { KindHandler } from '../outcome.ts';
import { idempotencyKey, render } from '../turn.ts';

export const notifyNode: KindHandler<'notify'> = {
  enter(node, ctx) {
    ctx.actions.push({
      type: 'notify',
      nodeId: node.id,
      channel: node.params.channel,
      message: render(ctx, node.params.message),
      idempotencyKey: idempotencyKey(ctx, node.id),
    });
    return { port: 'next' };
  },
};
