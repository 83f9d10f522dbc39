/**
 * What the engine does when an optional param is left out (docs/engine-semantics.md), shown as
 * the placeholder or the unchecked state so an empty field never looks like "nothing happens".
 */

import { defaultPrompts } from '../../runtime/engine/prompts.ts';
import type { Node } from '../../schema/generated/flow.ts';

const inputMaxDigits: Record<string, number> = { any: 20, 'jp-phone': 11, 'jp-mobile': 11, date: 8 };

export function defaultOf(node: Node, name: string): string | number | boolean | undefined {
  switch (node.kind) {
    case 'say':
      return { repeat: 1 }[name];
    case 'menu':
      return {
        retries: 2,
        timeoutSeconds: 5,
        speech: false,
        invalidPrompt: defaultPrompts.menuInvalid,
        timeoutPrompt: defaultPrompts.menuTimeout,
      }[name];
    case 'input':
      return {
        minDigits: 1,
        maxDigits: inputMaxDigits[node.params.shape ?? 'any'],
        finishOnHash: true,
        readBack: false,
        shape: 'any',
        retries: 2,
        timeoutSeconds: 5,
        invalidPrompt: defaultPrompts.inputInvalid,
      }[name];
    case 'record':
      return { beep: true, maxSeconds: 120, endOnKey: '#', transcribe: true }[name];
    case 'transfer':
      return { ringSeconds: 25, ringing: 'sequential', callerId: 'called-number' }[name];
    default:
      return undefined;
  }
}
