/** hangup: an optional goodbye, then the end of the call. */
import type { KindHandler } from '../outcome.ts';
import { say } from '../turn.ts';

export const hangupNode: KindHandler<'hangup'> = {
  enter(node, ctx) {
    say(ctx, node.id, node.params?.text);
    return { end: 'hangup-node' };
  },
};
