/** menu: a prompt, then one key (or a spoken keyword) picks an option port. */
import type { MenuNode } from '../../../schema/generated/flow.ts';
import { saveBaseOf } from '../../../schema/kinds.ts';
import type { KindHandler } from '../outcome.ts';
import { defaultPrompts } from '../prompts.ts';
import { say, setVar, type TurnContext } from '../turn.ts';
import { retryOrGiveUp } from './retry.ts';

const defaultRetries = 2;
const defaultTimeout = 5;

function ask(node: MenuNode, ctx: TurnContext): void {
  say(ctx, node.id, node.params.prompt);
  const action = {
    type: 'collect' as const,
    nodeId: node.id,
    purpose: 'menu' as const,
    maxDigits: 1,
    timeoutSeconds: node.params.timeoutSeconds ?? defaultTimeout,
    submitOnHash: false,
  };
  if (node.params.speech) {
    const hints = node.params.options.flatMap((o) => [o.label, ...(o.keywords ?? [])]);
    ctx.actions.push({ ...action, speech: { language: ctx.flow.language, hints } });
  } else {
    ctx.actions.push(action);
  }
}

const normalise = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** The option whose keyword, label or key the caller said. */
function optionHeard(node: MenuNode, heard: string) {
  const said = normalise(heard);
  if (said.length === 0) return undefined;
  return node.params.options.find(
    (option) =>
      [...(option.keywords ?? []), option.label].some((word) => said.includes(normalise(word))) ||
      said === option.key,
  );
}

export const menuNode: KindHandler<'menu'> = {
  enter(node, ctx) {
    ask(node, ctx);
    return { wait: { nodeId: node.id, kind: 'menu', attempt: 0 } };
  },
  onEvent(node, ctx, event, waiting) {
    const retries = node.params.retries ?? defaultRetries;
    const base = saveBaseOf(node);
    const askAgain = () => ask(node, ctx);
    const invalid = () =>
      retryOrGiveUp(
        ctx,
        waiting,
        retries,
        node.params.invalidPrompt ?? defaultPrompts.menuInvalid,
        'invalid',
        askAgain,
      );
    const timeout = () =>
      retryOrGiveUp(
        ctx,
        waiting,
        retries,
        node.params.timeoutPrompt ?? defaultPrompts.menuTimeout,
        'timeout',
        askAgain,
      );
    switch (event.type) {
      case 'timeout':
        return timeout();
      case 'digits': {
        const key = event.digits.replace(/[^0-9*#]/g, '').charAt(0);
        if (key === '') return timeout();
        const option = node.params.options.find((o) => o.key === key);
        if (!option) return invalid();
        setVar(ctx, `${base}.choice`, option.key);
        return { port: option.key };
      }
      case 'speech': {
        if (event.text.trim() === '') return timeout();
        const option = optionHeard(node, event.text);
        setVar(ctx, `${base}.heard`, event.text);
        if (!option) return invalid();
        setVar(ctx, `${base}.choice`, option.key);
        return { port: option.key };
      }
      default:
        return undefined;
    }
  },
};
