/** input: collect digits (phone number, member number, date) into `<base>.digits`. */
import type { InputNode } from '../../../schema/generated/flow.ts';
import { saveBaseOf } from '../../../schema/kinds.ts';
import { isJapaneseMobile, parsePhone } from '../../../schema/phone.ts';
import type { KindHandler } from '../outcome.ts';
import { defaultPrompts, readBackText } from '../prompts.ts';
import { say, setVar, type TurnContext } from '../turn.ts';
import { retryOrGiveUp } from './retry.ts';

type Shape = NonNullable<InputNode['params']['shape']>;
const defaultMaxDigits: Record<Shape, number> = { any: 20, 'jp-phone': 11, 'jp-mobile': 11, date: 8 };

function limits(node: InputNode) {
  const shape = node.params.shape ?? 'any';
  return {
    shape,
    min: node.params.minDigits ?? 1,
    max: node.params.maxDigits ?? defaultMaxDigits[shape],
  };
}

function isRealDate(digits: string): boolean {
  if (!/^\d{8}$/.test(digits)) return false;
  const y = Number(digits.slice(0, 4));
  const m = Number(digits.slice(4, 6));
  const d = Number(digits.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const shapeChecks: Record<Shape, (digits: string) => boolean> = {
  any: () => true,
  'jp-phone': (digits) => parsePhone(digits)?.country === 'JP',
  'jp-mobile': (digits) => isJapaneseMobile(digits),
  date: isRealDate,
};

export function acceptsDigits(node: InputNode, digits: string): boolean {
  const { shape, min, max } = limits(node);
  return (
    /^[0-9*]+$/.test(digits) && digits.length >= min && digits.length <= max && shapeChecks[shape](digits)
  );
}

function ask(node: InputNode, ctx: TurnContext): void {
  say(ctx, node.id, node.params.prompt);
  ctx.actions.push({
    type: 'collect',
    nodeId: node.id,
    purpose: 'input',
    maxDigits: limits(node).max,
    timeoutSeconds: node.params.timeoutSeconds ?? 5,
    submitOnHash: node.params.finishOnHash ?? true,
  });
}

export const inputNode: KindHandler<'input'> = {
  enter(node, ctx) {
    ask(node, ctx);
    return { wait: { nodeId: node.id, kind: 'input', attempt: 0 } };
  },
  onEvent(node, ctx, event, waiting) {
    const retry = () =>
      retryOrGiveUp(
        ctx,
        waiting,
        node.params.retries ?? 2,
        node.params.invalidPrompt ?? defaultPrompts.inputInvalid,
        'invalid',
        () => ask(node, ctx),
      );
    if (event.type === 'timeout') return retry();
    if (event.type !== 'digits') return undefined;
    const digits = event.digits.replace(/#+$/, '');
    if (!acceptsDigits(node, digits)) return retry();
    setVar(ctx, `${saveBaseOf(node)}.digits`, digits);
    if (node.params.readBack) say(ctx, node.id, readBackText(digits));
    return { port: 'done' };
  },
};
