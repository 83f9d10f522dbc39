/**
 * What a node looks like when dropped from the palette: valid params with plain Japanese
 * defaults, so a fresh node never needs JSON to become usable.
 */
import type { Node } from '../../schema/generated/flow.ts';
import type { NodeKind } from '../../schema/kinds.ts';

type ParamsOf<K extends NodeKind> = Extract<Node, { kind: K }>['params'];

export const defaultParams: { [K in NodeKind]: () => ParamsOf<K> } = {
  say: () => ({ text: 'お電話ありがとうございます。' }),
  menu: () => ({
    prompt: 'ご用件の番号を押してください。',
    options: [
      { key: '1', label: '選択肢1' },
      { key: '2', label: '選択肢2' },
    ],
  }),
  input: () => ({
    prompt: 'お電話番号を入力し、最後に#を押してください。',
    shape: 'jp-phone',
    readBack: true,
  }),
  hours: () => ({ schedule: '' }),
  sms: () => ({ to: 'caller', text: 'こちらからご予約いただけます https://example.jp' }),
  record: () => ({
    prompt: '発信音の後に、お名前とご用件をお話しください。',
    beep: true,
    maxSeconds: 120,
    transcribe: true,
  }),
  transfer: () => ({
    announcement: '担当者におつなぎします。',
    destinations: [{ number: '', label: '' }],
    ringSeconds: 25,
  }),
  notify: () => ({ channel: '', message: '{{caller.national}} からお電話がありました。' }),
  hangup: () => ({ text: 'お電話ありがとうございました。' }),
};

/** A fresh id like `menu-3` that the flow does not use yet. */
export function freshId(kind: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const id = `${kind}-${n}`;
    if (!taken.has(id)) return id;
  }
}

export function newNode(
  kind: NodeKind,
  taken: ReadonlySet<string>,
  position: { x: number; y: number },
): Node {
  const id = freshId(kind, taken);
  const ui = { x: Math.round(position.x), y: Math.round(position.y) };
  return { id, kind, params: defaultParams[kind](), next: {}, ui } as Node;
}
