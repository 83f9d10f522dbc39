/** sms: a text message to a Japanese mobile (070/080/090); anything else takes `failed`. */
import { saveBaseOf } from '../../../schema/kinds.ts';
import { isJapaneseMobile, parsePhone } from '../../../schema/phone.ts';
import { maxSmsCharacters, smsLength } from '../../../schema/sms-text.ts';
import type { KindHandler } from '../outcome.ts';
import { idempotencyKey, render, setVar } from '../turn.ts';

export const smsNode: KindHandler<'sms'> = {
  enter(node, ctx) {
    const base = saveBaseOf(node);
    const raw = node.params.to === 'caller' ? (ctx.state.vars['caller.number'] ?? '') : node.params.to;
    const text = render(ctx, node.params.text);
    const length = smsLength(text);
    const phone = parsePhone(raw);
    if (!phone || !isJapaneseMobile(raw) || text.length === 0 || length.units > maxSmsCharacters) {
      setVar(ctx, `${base}.status`, 'failed');
      return { port: 'failed' };
    }
    ctx.actions.push({
      type: 'send-sms',
      nodeId: node.id,
      to: phone.e164,
      text,
      encoding: length.encoding,
      segments: length.segments,
      idempotencyKey: idempotencyKey(ctx, node.id),
    });
    setVar(ctx, `${base}.status`, 'queued');
    return { port: 'sent' };
  },
};
