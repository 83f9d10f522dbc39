/**
 * The call history over /api/history: the call log (keyset pages, filters, search), one call in
 * full, the dashboard's figures, exports, deletion, retention and "from log to test". The CSV is
 * fetched (so a failure shows on the page) rather than followed as a link.
 */
import type { FlowTestFile } from '../../schema/generated/flow-test.ts';
import { apiFetch, call, failure } from './client.ts';

export type CallOutcome = 'completed' | 'transferred' | 'voicemail' | 'missed' | 'live';
export type MissedReason =
  | 'notInOperation'
  | 'linesBusy'
  | 'userLeft'
  | 'noAnswer'
  | 'unknownNumber'
  | 'noFlow'
  | 'error'
  | 'lost';

export const missedReasons: readonly MissedReason[] = [
  'notInOperation',
  'linesBusy',
  'userLeft',
  'noAnswer',
  'unknownNumber',
  'noFlow',
  'error',
  'lost',
];

export interface MenuChoice {
  nodeId: string;
  key: string;
  label?: string;
  heard?: string;
}

/** A call as the log lists it. */
export interface CallLogEntry {
  id: string;
  direction: 'inbound';
  /** The called number, E.164. */
  number: string;
  /** The caller as Vonage sends it (819012345678) or 'anonymous'. */
  from: string;
  to: string;
  flowId: string | null;
  flowVersion: number | null;
  status: 'live' | 'ended';
  startedAt: string;
  endedAt: string | null;
  outcome: CallOutcome;
  reason: MissedReason | null;
  durationSeconds: number | null;
  answerSeconds: number | null;
  digits: string[];
  menuChoices: MenuChoice[];
  transcript: string | null;
  contactName: string | null;
  /** 090-1234-5678, or 非通知. */
  callerDisplay: string;
  numberDisplay: string;
  numberLabel: string | null;
  flowName: string | null;
  /** False for a moment after a call ends: outcome and reason are then provisional. */
  summarized: boolean;
}

export interface CallLogPage {
  calls: CallLogEntry[];
  /** Cursor of the next page; null on the last one. */
  next: string | null;
}

export interface StepView {
  nodeId: string;
  kind: string;
  label: string;
  at: string;
  port?: string;
  target?: string | null;
}

export type DeliveryStatus = 'sent' | 'failed' | 'retrying' | 'pending';

export interface SmsView {
  nodeId: string | null;
  to: unknown;
  text: unknown;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  /** The carrier's latest receipt (delivered, rejected…). */
  delivery: string | null;
}

export interface NotificationView {
  kind: 'notify' | 'summary';
  channel: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  nextAttemptAt?: string | null;
}

export interface RecordingView {
  nodeId: string;
  label: string;
  seconds: number;
  transcript: string | null;
  /** Vonage gave us a file (a message was left). */
  recorded: boolean;
  /** Our own copy is kept. */
  stored: boolean;
  size: number | null;
  url: string;
}

export interface CallDetail extends CallLogEntry {
  /** Node ids in the order the call went through them. */
  path: string[];
  steps: StepView[];
  vars: Record<string, string>;
  sms: SmsView[];
  notifications: NotificationView[];
  recordings: RecordingView[];
}

export interface OutcomeCounts {
  total: number;
  completed: number;
  transferred: number;
  voicemail: number;
  missed: number;
  live: number;
}

/** Calls of one day (Japanese time); `date` is YYYY-MM-DD. */
export interface DayCounts extends OutcomeCounts {
  date: string;
}

export interface Stats extends OutcomeCounts {
  from: string;
  to: string;
  missedByReason: Record<MissedReason, number>;
  completionRate: number | null;
  averageDurationSeconds: number | null;
  averageAnswerSeconds: number | null;
  /** heatmap[weekday][hour], weekday 0 = Sunday, Japanese time. */
  heatmap: number[][];
  byNumber: Array<OutcomeCounts & { number: string; label: string | null }>;
  byFlow: Array<OutcomeCounts & { flowId: string | null; name: string | null }>;
  /** Calls per day; absent from servers that do not give it yet. */
  byDay?: DayCounts[];
}

export interface CallTestCase {
  flowId: string;
  flowVersion: number;
  document: FlowTestFile;
  /** Whether the simulator, with today's schedules, takes the call's path again. */
  replays: { passed: boolean; reasons: string[] };
}

/** The filters the log, the exports and (from, to, number, flow) the dashboard share. */
export interface HistoryFilters {
  /** YYYY-MM-DD (Japanese time, the day included) or an ISO time. */
  from?: string;
  to?: string;
  number?: string;
  flow?: string;
  outcome?: CallOutcome;
  reason?: MissedReason;
  q?: string;
}

/** `?a=1&b=2` of the parameters that have a value ('' when none). */
export function queryString(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}

const callPath = (id: string) => `/history/calls/${encodeURIComponent(id)}`;

export const historyApi = {
  calls: (filters: HistoryFilters, page: { limit?: number; cursor?: string } = {}) =>
    call<CallLogPage>('GET', `/history/calls${queryString({ ...filters, ...page })}`),
  call: (id: string) => call<CallDetail>('GET', callPath(id)),
  stats: (filters: Pick<HistoryFilters, 'from' | 'to' | 'number' | 'flow'>) =>
    call<Stats>('GET', `/history/stats${queryString({ ...filters })}`),
  deleteCall: (id: string) => call<void>('DELETE', callPath(id)),
  deleteAll: () => call<{ deleted: number }>('DELETE', '/history?confirm=all'),
  retention: () => call<{ months: number }>('GET', '/history/retention'),
  setRetention: (months: number) => call<{ months: number }>('PUT', '/history/retention', { months }),
  testCase: (id: string) => call<CallTestCase>('POST', `${callPath(id)}/test-case`),
  /** The JSON export for BI tools (a link: such tools send the token themselves). */
  jsonExportUrl: (filters: HistoryFilters) => `/api/history/export.json${queryString({ ...filters })}`,
  async exportCsv(filters: HistoryFilters): Promise<{ blob: Blob; fileName: string }> {
    const response = await apiFetch(`/api/history/export.csv${queryString({ ...filters })}`);
    if (!response.ok) return failure(response);
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
    return { blob: await response.blob(), fileName: name ?? 'calls.csv' };
  },
  /**
   * A recording the browser's player can open: the API's own URL — the player's requests carry
   * the session cookie like any same-origin request, and it streams and seeks with Range.
   */
  async recordingSource(recording: RecordingView): Promise<{ src: string; revoke?: () => void }> {
    return { src: recording.url };
  },
};
