/**
 * Messages of editor/pages (Japanese first): one file per page, joined here into the `pages`
 * namespace (flows.*, numbers.*, hours.*, contacts.*, channels.*, and the few words the pages share).
 */
import { channelsMessages } from './messages-channels.ts';
import { contactsMessages } from './messages-contacts.ts';
import { flowsMessages } from './messages-flows.ts';
import { hoursMessages } from './messages-hours.ts';
import { numbersMessages } from './messages-numbers.ts';

const shared = {
  ja: {
    loadError: '読み込めませんでした: {{message}}',
    retry: 'もう一度読み込む',
    cancel: 'キャンセル',
    close: '閉じる',
    required: '必須',
    working: '処理中…',
    actionError: 'うまくいきませんでした: {{message}}',
  },
  en: {
    loadError: 'Could not load: {{message}}',
    retry: 'Try again',
    cancel: 'Cancel',
    close: 'Close',
    required: 'required',
    working: 'Working…',
    actionError: 'That did not work: {{message}}',
  },
} as const;

export const pagesMessages = {
  ja: {
    ...shared.ja,
    flows: flowsMessages.ja,
    numbers: numbersMessages.ja,
    hours: hoursMessages.ja,
    contacts: contactsMessages.ja,
    channels: channelsMessages.ja,
  },
  en: {
    ...shared.en,
    flows: flowsMessages.en,
    numbers: numbersMessages.en,
    hours: hoursMessages.en,
    contacts: contactsMessages.en,
    channels: channelsMessages.en,
  },
} as const;
