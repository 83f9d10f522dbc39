/** say: speak a text or play an audio file, then go on. */
import type { KindHandler } from '../outcome.ts';
import { say } from '../turn.ts';

export const sayNode: KindHandler<'say'> = {
  enter(node, ctx) {
    const { audioUrl, text, repeat } = node.params;
    if (audioUrl && ctx.mode === 'normal') {
      ctx.actions.push(
        repeat && repeat > 1
          ? { type: 'play', nodeId: node.id, url: audioUrl, repeat }
          : { type: 'play', nodeId: node.id, url: audioUrl },
      );
    } else {
      say(ctx, node.id, text, repeat);
    }
    return { port: 'next' };
  },
};
