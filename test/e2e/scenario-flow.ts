/**
 * The flow the browser scenario draws — a small clinic's reception: greeting, business-hours
 * check, one menu while open (1: staff, 2: booking link by SMS) and one while closed (1: the same
 * SMS, 2: voicemail); an unanswered transfer falls back to voicemail. `drawnFlow` is the document
 * those gestures and forms must produce, positions aside (they come from where steps were dropped).
 */

export const flowId = 'e2e-reception';
export const flowName = 'ひかり歯科 受付';
/** A schedule of the seeded examples: Monday to Friday 10:00–18:00, closed on public holidays. */
export const scheduleId = 'support-hours';
export const scheduleOption = 'ひかりテック サポートセンター 受付時間 (support-hours)';

export const texts = {
  greeting: 'お電話ありがとうございます。ひかり歯科です。',
  openPrompt: '受付におつなぎする場合は1を、ご予約フォームをSMSで受け取る場合は2を押してください。',
  closedPrompt:
    'ただいま受付時間外です。ご予約フォームをSMSで受け取る場合は1を、伝言を残す場合は2を押してください。',
  sms: '【ひかり歯科】ご予約フォーム https://hikari.example.jp/yoyaku',
  voicemail: '発信音の後に、お名前とご用件をお話しください。折り返しご連絡いたします。',
};

/** Ids the editor gives the dropped steps (kind-n), and the labels typed for them. */
export const steps = {
  greeting: { id: 'greeting', label: 'ごあいさつ' },
  hours: { id: 'hours-1', label: '受付時間の確認' },
  open: { id: 'menu-1', label: '受付時間内メニュー' },
  closed: { id: 'menu-2', label: '時間外メニュー' },
  transfer: { id: 'transfer-1', label: '受付へ転送' },
  sms: { id: 'sms-1', label: '予約フォームのSMS' },
  voicemail: { id: 'record-1', label: '留守番電話' },
} as const;

/** The connections drawn, as [from, port, to]. */
export const connections: ReadonlyArray<readonly [string, string, string]> = [
  ['greeting', 'next', 'hours-1'],
  ['hours-1', 'open', 'menu-1'],
  ['hours-1', 'closed', 'menu-2'],
  ['menu-1', '1', 'transfer-1'],
  ['menu-1', '2', 'sms-1'],
  ['menu-2', '1', 'sms-1'],
  ['menu-2', '2', 'record-1'],
  ['transfer-1', 'failed', 'record-1'],
];

const nextOf = (id: string) =>
  Object.fromEntries(connections.filter(([from]) => from === id).map(([, port, to]) => [port, to]));

/** The expected document; `ui` is filled in from the canvas by the test. */
export function drawnFlow(ui: Readonly<Record<string, { x: number; y: number }>>) {
  const node = (id: string, kind: string, label: string, params: object) => ({
    id,
    kind,
    label,
    params,
    next: nextOf(id),
    ui: ui[id],
  });
  return {
    schemaVersion: 1,
    id: flowId,
    name: flowName,
    language: 'ja-JP',
    timezone: 'Asia/Tokyo',
    start: 'greeting',
    nodes: [
      node('greeting', 'say', steps.greeting.label, { text: texts.greeting }),
      node('hours-1', 'hours', steps.hours.label, { schedule: scheduleId }),
      node('menu-1', 'menu', steps.open.label, {
        prompt: texts.openPrompt,
        options: [
          { key: '1', label: '受付につなぐ' },
          { key: '2', label: '予約フォーム' },
        ],
      }),
      node('menu-2', 'menu', steps.closed.label, {
        prompt: texts.closedPrompt,
        options: [
          { key: '1', label: '予約フォーム' },
          { key: '2', label: '伝言を残す' },
        ],
      }),
      node('transfer-1', 'transfer', steps.transfer.label, {
        announcement: '担当者におつなぎします。',
        destinations: [{ number: '03-1234-5678', label: '受付' }],
        ringSeconds: 25,
      }),
      node('sms-1', 'sms', steps.sms.label, { to: 'caller', text: texts.sms }),
      node('record-1', 'record', steps.voicemail.label, {
        prompt: texts.voicemail,
        beep: true,
        maxSeconds: 120,
        transcribe: true,
      }),
    ],
  };
}
