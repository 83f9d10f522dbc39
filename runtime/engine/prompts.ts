/**
 * What the engine says on its own (defaults and failure messages). Japanese first: these are the
 * words a caller hears when the flow does not say otherwise.
 */
export const defaultPrompts = {
  menuInvalid: '入力が正しくありません。',
  menuTimeout: '入力が確認できませんでした。',
  inputInvalid: '入力を確認できませんでした。',
  gaveUp: '申し訳ございません。お電話ありがとうございました。',
  goodbye: 'お電話ありがとうございました。失礼いたします。',
  failure:
    '申し訳ございません。ただいまお電話を受け付けることができません。恐れ入りますが、しばらくしてからおかけ直しください。',
} as const;

/** 「ご入力の番号は、0 9 0 …です。」: digits one by one so the voice does not read a large number. */
export function readBackText(digits: string): string {
  return `ご入力の番号は、${digits.split('').join(' ')} です。`;
}
