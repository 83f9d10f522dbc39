/**
 * What a staff notification says, built from the call record at send time (so a transcript that
 * arrived after the notify step is included): caller in Japanese format with the contact book's
 * company and name, date and time in the flow's time zone, the number and flow called, menu
 * choices, digits entered, transcripts and a signed link to each recording. Channels format the
 * resulting NotificationMessage in their own way (effects/channels/).
 */

import type { FlowDocument, Node } from '../../schema/generated/flow.ts';
import { saveBaseOf } from '../../schema/kinds.ts';
import { parsePhone } from '../../schema/phone.ts';
import { renderTemplate } from '../../schema/template.ts';
import { localParts } from '../engine/local-time.ts';
import type { CallRecord, MissedReason } from '../store/types.ts';
import type { NotificationMessage } from './channels/types.ts';

export interface Contact {
  name: string;
  company?: string;
}

/** The contact book's lookup by caller number (E.164 with plus). */
export type LookupContact = (e164: string) => Promise<Contact | undefined>;

/** A signed, expiring URL to listen to a call's recording (http/recording-links.ts). */
export type RecordingLink = (callId: string, nodeId: string) => string;

export type NotificationKind = 'notify' | 'summary';

export interface ContentInput {
  kind: NotificationKind;
  call: CallRecord;
  /** The flow version the call ran (undefined when it is gone: the facts of the call still go out). */
  flow: FlowDocument | undefined;
  contact?: Contact | undefined;
  /** A notify step's message, {{variables}} already rendered by the engine. */
  text?: string;
  recordingLink?: RecordingLink | undefined;
}

const weekdayNames = '日月火水木金土';

/** 2026年11月24日(火) 12:05 in the given time zone; the ISO text itself when the zone is unknown. */
export function japaneseDateTime(iso: string, timeZone: string): string {
  const local = localParts(iso, timeZone);
  if (!local) return iso;
  const [year, month, day] = local.date.split('-');
  return `${year}年${Number(month)}月${Number(day)}日(${weekdayNames[local.weekday]}) ${local.time}`;
}

/** 090-1234-5678, or 非通知 for a hidden number (staff read it; an empty field says nothing). */
export function callerDisplay(from: string): string {
  const trimmed = from.trim();
  if (trimmed === '' || /^(anonymous|restricted|unknown|private)$/i.test(trimmed)) return '非通知';
  return parsePhone(trimmed)?.national ?? trimmed;
}

const contactDisplay = (contact: Contact | undefined) =>
  contact ? `${contact.company ? `${contact.company} ` : ''}${contact.name}様` : undefined;

const resultText: Record<string, string> = {
  completed: '最後まで案内しました',
  transferred: '担当者につながりました',
  'caller-hangup': '発信者が途中で切りました',
  failed: 'エラーのため終了しました',
};

const missedText: Record<MissedReason, string> = {
  linesBusy: '回線がすべて使用中のため応答できませんでした',
  unknownNumber: '番号の設定がないため応答できませんでした',
  noFlow: '公開されたフローがないため応答できませんでした',
  error: 'エラーのため応答できませんでした',
  lost: '通話の終了を確認できませんでした',
};

function durationText(call: CallRecord): string | undefined {
  if (!call.endedAt) return undefined;
  const seconds = Math.max(0, Math.round((Date.parse(call.endedAt) - Date.parse(call.startedAt)) / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}分${seconds % 60}秒` : `${seconds}秒`;
}

/** Nodes of the call's path, first visit order, once each. */
function visited(flow: FlowDocument | undefined, path: readonly string[]): Node[] {
  if (!flow) return [];
  const byId = new Map(flow.nodes.map((node) => [node.id, node]));
  const seen = new Set<string>();
  const nodes: Node[] = [];
  for (const id of path) {
    const node = byId.get(id);
    if (!node || seen.has(id)) continue;
    seen.add(id);
    nodes.push(node);
  }
  return nodes;
}

/** What the caller did, read from the variables the steps saved. */
function callerActions(input: ContentInput, nodes: Node[]) {
  const vars = input.call.state?.vars ?? {};
  const menus: string[] = [];
  const digits: string[] = [];
  const transcripts: Array<{ label: string; text: string }> = [];
  const recordings: Array<{ label: string; url: string }> = [];
  const many = (kind: Node['kind']) => nodes.filter((n) => n.kind === kind).length > 1;
  for (const node of nodes) {
    const base = saveBaseOf(node);
    const label = node.label ?? node.id;
    if (node.kind === 'menu') {
      const choice = vars[`${base}.choice`];
      const heard = vars[`${base}.heard`];
      const option = node.params.options.find((o) => o.key === choice);
      if (choice) menus.push(`${choice}（${option?.label ?? label}）${heard ? `「${heard}」` : ''}`);
    } else if (node.kind === 'input') {
      const entered = vars[`${base}.digits`];
      // A callback number reads better as 090-1234-5678 than as eleven digits.
      const shown = entered ? (parsePhone(entered)?.national ?? entered) : undefined;
      if (shown) digits.push(many('input') ? `${label}: ${shown}` : shown);
    } else if (node.kind === 'record') {
      const text = vars[`${base}.transcript`];
      const suffix = many('record') ? `（${label}）` : '';
      if (text) transcripts.push({ label: `録音の文字起こし${suffix}`, text });
      if (vars[`${base}.recordingUrl`] && input.recordingLink) {
        recordings.push({ label: `録音${suffix}`, url: input.recordingLink(input.call.id, node.id) });
      }
    }
  }
  return { menus, digits, transcripts, recordings };
}

/** The NotificationMessage for one call, as a notify step's or the after-call summary's. */
export function notificationContent(input: ContentInput): NotificationMessage {
  const { call, flow, kind } = input;
  const vars = input.call.state?.vars ?? {};
  const caller = callerDisplay(call.from);
  const who = contactDisplay(input.contact);
  const callerWho = who ? `${caller}（${who}）` : caller;
  const nodes = visited(flow, call.state?.path ?? []);
  const acts = callerActions(input, nodes);
  const called = parsePhone(call.to)?.national ?? call.to;

  const fields: NotificationMessage['fields'] = [{ label: '発信者', value: caller }];
  if (input.contact?.company) fields.push({ label: '会社名', value: input.contact.company });
  if (input.contact) fields.push({ label: 'お名前', value: `${input.contact.name}様` });
  fields.push({ label: '日時', value: japaneseDateTime(call.startedAt, flow?.timezone ?? 'Asia/Tokyo') });
  fields.push({ label: '着信番号', value: called });
  fields.push({ label: 'フロー', value: flow?.name ?? call.flowId ?? '—' });
  if (acts.menus.length > 0) fields.push({ label: 'メニューの選択', value: acts.menus.join(' → ') });
  if (acts.digits.length > 0) fields.push({ label: '入力された番号', value: acts.digits.join('、') });
  for (const transcript of acts.transcripts) fields.push({ label: transcript.label, value: transcript.text });
  if (kind === 'summary') {
    const result =
      call.result === 'missed'
        ? missedText[call.missedReason ?? 'error']
        : call.result
          ? resultText[call.result]
          : undefined;
    if (result) fields.push({ label: '結果', value: result });
    const duration = durationText(call);
    if (duration && call.result !== 'missed') fields.push({ label: '通話時間', value: duration });
  }
  // The first recording is the message's link; a second voicemail of the same call is a field.
  for (const recording of acts.recordings.slice(1))
    fields.push({ label: recording.label, value: recording.url });

  let text: string;
  if (kind === 'notify') {
    text = input.text?.trim() ? input.text : `${callerWho}から着信がありました。`;
  } else {
    const template = flow?.afterCallSummary?.template?.trim();
    const templateVars = { ...vars, 'caller.name': vars['caller.name'] || input.contact?.name || '' };
    text = template
      ? renderTemplate(template, templateVars)
      : `${callerWho}からのお電話が終わりました（${flow?.name ?? '着信'}）。`;
  }
  const recordingUrl = acts.recordings[0]?.url;
  return {
    title: `${kind === 'notify' ? '着信' : '通話のまとめ'}: ${callerWho}`,
    text,
    fields,
    ...(recordingUrl ? { recordingUrl } : {}),
  };
}
