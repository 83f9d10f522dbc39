/** record: a voicemail (name and request) with its recording reference and transcript. */
import { saveBaseOf } from '../../../schema/kinds.ts';
import type { KindHandler } from '../outcome.ts';
import { say, setVar } from '../turn.ts';

export const recordNode: KindHandler<'record'> = {
  enter(node, ctx) {
    const p = node.params;
    say(ctx, node.id, p.prompt);
    ctx.actions.push({
      type: 'record',
      nodeId: node.id,
      beep: p.beep ?? true,
      maxSeconds: p.maxSeconds ?? 120,
      ...(p.endOnSilenceSeconds ? { endOnSilenceSeconds: p.endOnSilenceSeconds } : {}),
      endOnKey: p.endOnKey ?? '#',
      transcribe: p.transcribe ?? true,
      language: ctx.flow.language,
    });
    return { wait: { nodeId: node.id, kind: 'record', attempt: 0 } };
  },
  onEvent(node, ctx, event) {
    const base = saveBaseOf(node);
    if (event.type === 'timeout') {
      setVar(ctx, `${base}.seconds`, '0');
      return { port: 'done' };
    }
    if (event.type !== 'recorded') return undefined;
    setVar(ctx, `${base}.recordingUrl`, event.recordingUrl);
    setVar(ctx, `${base}.seconds`, String(event.seconds ?? 0));
    if (event.transcript !== undefined) setVar(ctx, `${base}.transcript`, event.transcript);
    return { port: 'done' };
  },
};
