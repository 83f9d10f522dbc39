/**
 * Checks on single values the schema cannot express: phone numbers that do not exist, SMS to a
 * number that cannot receive it, SMS text over the carriers' limit, digit counts that no entry
 * can satisfy, and announcements with nothing to say.
 */
import type { InputNode, Node } from '../generated/flow.ts';
import type { Issue } from '../issue.ts';
import { parsePhone } from '../phone.ts';
import { maxSmsCharacters, smsLength } from '../sms-text.ts';
import { templateRefs } from '../template.ts';
import { nodeIssue, stepName } from './flow-graph.ts';

export function valueIssues(nodes: readonly Node[]): Issue[] {
  const issues: Issue[] = [];
  nodes.forEach((node, index) => {
    const at = (code: Issue['code'], below: Array<string | number>, message: string): void => {
      issues.push(nodeIssue(nodes, index, code, below, message));
    };
    switch (node.kind) {
      case 'say':
        if (node.params.text === undefined && node.params.audioUrl === undefined)
          at('no-prompt', ['params'], `${stepName(node)} has neither a text nor an audio file to play`);
        break;
      case 'transfer':
        node.params.destinations.forEach((destination, j) => {
          if (!parsePhone(destination.number))
            at(
              'bad-phone-number',
              ['params', 'destinations', j, 'number'],
              `"${destination.number}" (destination ${j + 1} of ${stepName(node)}) is not a valid phone number`,
            );
        });
        if (node.params.callerId !== undefined && node.params.callerId !== 'called-number') {
          if (!parsePhone(node.params.callerId))
            at(
              'bad-phone-number',
              ['params', 'callerId'],
              `caller ID "${node.params.callerId}" of ${stepName(node)} is not a valid phone number`,
            );
        }
        break;
      case 'sms': {
        const { to, text } = node.params;
        if (to !== 'caller') {
          const parsed = parsePhone(to);
          if (!parsed)
            at(
              'bad-phone-number',
              ['params', 'to'],
              `SMS number "${to}" of ${stepName(node)} is not a valid phone number`,
            );
          else if (parsed.country !== 'JP' || parsed.type !== 'mobile')
            at(
              'sms-not-mobile',
              ['params', 'to'],
              `SMS can only go to Japanese mobiles (070/080/090), and "${to}" is not one`,
            );
        }
        const length = smsLength(withoutPlaceholders(text)).units;
        if (length > maxSmsCharacters)
          at(
            'sms-too-long',
            ['params', 'text'],
            `the SMS text of ${stepName(node)} is ${length} characters, more than the ${maxSmsCharacters} allowed`,
          );
        break;
      }
      case 'input':
        digitsIssues(node, at);
        break;
      default:
        break;
    }
  });
  return issues;
}

/** Defaults as the engine applies them (docs/engine-semantics.md). */
const defaultMinDigits = 1;
const defaultMaxDigits = 11;
/** Digits a valid entry of each shape has: Japanese numbers 10–11, dates YYYYMMDD. */
const shapeDigits = { 'jp-phone': [10, 11], 'jp-mobile': [11, 11], date: [8, 8] } as const;

function digitsIssues(
  node: InputNode,
  at: (code: Issue['code'], below: Array<string | number>, message: string) => void,
): void {
  const { minDigits, maxDigits, shape } = node.params;
  const min = minDigits ?? defaultMinDigits;
  const max = maxDigits ?? defaultMaxDigits;
  if (min > max) {
    const field = minDigits !== undefined ? 'minDigits' : 'maxDigits';
    at(
      'digits-range',
      ['params', field],
      `${stepName(node)} asks for at least ${min} but at most ${max} digits`,
    );
    return;
  }
  if (shape === undefined || shape === 'any') return;
  const [fewest, most] = shapeDigits[shape];
  if (max < fewest)
    at(
      'digits-range',
      ['params', 'maxDigits'],
      `${stepName(node)} stops at ${max} digits, but a ${shape} entry has at least ${fewest}`,
    );
  else if (min > most)
    at(
      'digits-range',
      ['params', 'minDigits'],
      `${stepName(node)} asks for at least ${min} digits, but a ${shape} entry has at most ${most}`,
    );
}

function withoutPlaceholders(text: string): string {
  let rest = '';
  let from = 0;
  for (const ref of templateRefs(text)) {
    rest += text.slice(from, ref.index);
    from = text.indexOf('}}', ref.index) + 2;
  }
  return rest + text.slice(from);
}
