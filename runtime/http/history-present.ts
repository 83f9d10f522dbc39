/**
 * How the call history API shows a call: the stored row plus what people read — the caller as
 * 090-1234-5678 (or 非通知) with the contact's name, the called number and the names given to
 * it and to the flow — and the same calls as CSV rows with Japanese headers for Excel.
 */
import { parsePhone } from '../../schema/phone.ts';
import { csvCell } from '../contacts/csv-export.ts';
import { callerDisplay } from '../effects/notification-content.ts';
import type { CallOutcome, MissedCallReason } from '../history/call-outcome.ts';
import type { HistoryRow } from '../store/types.ts';

export interface Labels {
  flows: Record<string, string>;
  numbers: Record<string, string>;
}

export type CallLogEntry = Omit<HistoryRow, 'summarizedAt' | 'outcome'> & {
  direction: 'inbound';
  outcome: CallOutcome;
  callerDisplay: string;
  numberDisplay: string;
  numberLabel: string | null;
  flowName: string | null;
  /** False for a moment after a call ends: outcome and reason are then provisional. */
  summarized: boolean;
};

export function presentRow(row: HistoryRow, labels: Labels): CallLogEntry {
  const { summarizedAt, outcome, ...rest } = row;
  return {
    ...rest,
    direction: 'inbound',
    outcome: outcome ?? 'live',
    callerDisplay: callerDisplay(row.from),
    numberDisplay: parsePhone(row.number)?.national ?? row.number,
    numberLabel: labels.numbers[row.number] ?? null,
    flowName: row.flowId ? (labels.flows[row.flowId] ?? null) : null,
    summarized: summarizedAt !== null,
  };
}

export const outcomeText: Record<CallOutcome, string> = {
  completed: '完了',
  transferred: '転送',
  voicemail: '留守番電話',
  missed: '不在着信',
  live: '通話中',
};

export const reasonText: Record<MissedCallReason, string> = {
  notInOperation: '営業時間外',
  linesBusy: '回線が混雑',
  userLeft: '発信者が切断',
  noAnswer: '担当者が応答せず',
  unknownNumber: '番号の設定なし',
  noFlow: '公開フローなし',
  error: 'エラー',
  lost: '終了を確認できず',
};

export const csvHeader = [
  '開始日時',
  '終了日時',
  '通話時間(秒)',
  '発信者番号',
  '発信者名',
  '着信番号',
  '着信番号の名前',
  'フロー',
  '結果',
  '理由',
  '転送の応答まで(秒)',
  '入力された番号',
  'メニューの選択',
  '文字起こし',
  '通話ID',
] as const;

/** 2026-11-24 12:05:09 in Japanese time (no daylight saving: a fixed +9 hours is exact). */
export function tokyoTime(iso: string | null): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + 9 * 60 * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

const text = (value: number | string | null) => (value === null ? '' : String(value));

export function csvLine(entry: CallLogEntry): string {
  const cells = [
    tokyoTime(entry.startedAt),
    tokyoTime(entry.endedAt),
    text(entry.durationSeconds),
    entry.callerDisplay,
    entry.contactName ?? '',
    entry.numberDisplay,
    entry.numberLabel ?? '',
    entry.flowName ?? entry.flowId ?? '',
    outcomeText[entry.outcome],
    entry.reason ? reasonText[entry.reason] : '',
    text(entry.answerSeconds),
    entry.digits.join(' '),
    entry.menuChoices.map((m) => (m.label ? `${m.key}（${m.label}）` : m.key)).join(' → '),
    entry.transcript ?? '',
    entry.id,
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}
