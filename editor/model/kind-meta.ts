/**
 * How each node kind presents itself in the editor: Japanese and English names, a one-line
 * explanation for the palette, and a colour. Typed by NodeKind so a new kind must be described.
 */
import type { NodeKind } from '../../schema/kinds.ts';

export interface KindMeta {
  ja: string;
  en: string;
  helpJa: string;
  helpEn: string;
  color: string;
}

export const kindMeta = {
  say: {
    ja: '案内',
    en: 'Announcement',
    helpJa: '文章を読み上げます',
    helpEn: 'Speaks a message',
    color: '#2f6fde',
  },
  menu: {
    ja: 'メニュー',
    en: 'Menu',
    helpJa: '番号を押して選んでもらいます',
    helpEn: 'Caller presses a key',
    color: '#7a4fd6',
  },
  input: {
    ja: '番号入力',
    en: 'Number entry',
    helpJa: '電話番号などを入力してもらいます',
    helpEn: 'Collects digits',
    color: '#8a5a00',
  },
  hours: {
    ja: '営業時間',
    en: 'Business hours',
    helpJa: '営業時間内か確認します（祝日対応）',
    helpEn: 'Open or closed now',
    color: '#0f8a6a',
  },
  sms: {
    ja: 'SMS送信',
    en: 'Send SMS',
    helpJa: 'SMSでリンクなどを送ります',
    helpEn: 'Texts a link',
    color: '#c2410c',
  },
  record: {
    ja: '留守番電話',
    en: 'Voicemail',
    helpJa: 'お名前とご用件を録音します',
    helpEn: 'Records a message',
    color: '#b4234a',
  },
  transfer: {
    ja: '転送',
    en: 'Transfer',
    helpJa: 'スタッフの電話につなぎます',
    helpEn: 'Rings staff phones',
    color: '#0e7490',
  },
  notify: {
    ja: '通知',
    en: 'Notify staff',
    helpJa: 'チャットやメールで知らせます',
    helpEn: 'Chat or email to staff',
    color: '#4d7c0f',
  },
  hangup: {
    ja: '終了',
    en: 'Hang up',
    helpJa: '挨拶をして電話を切ります',
    helpEn: 'Says goodbye and ends',
    color: '#525252',
  },
} as const satisfies Record<NodeKind, KindMeta>;

/** Readable names of ports for handles and problem messages. */
export const portNames: Record<string, { ja: string; en: string }> = {
  next: { ja: '次へ', en: 'next' },
  timeout: { ja: '無入力', en: 'no input' },
  invalid: { ja: '誤入力', en: 'invalid' },
  done: { ja: '完了', en: 'done' },
  open: { ja: '営業中', en: 'open' },
  closed: { ja: '時間外', en: 'closed' },
  sent: { ja: '送信', en: 'sent' },
  failed: { ja: '失敗', en: 'failed' },
  answered: { ja: '応答', en: 'answered' },
};
