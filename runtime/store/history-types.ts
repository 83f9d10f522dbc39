/**
 * The call history's part of the Store contract (issue 6): the summary the outbox worker writes
 * on each call once it ended (outcome, reason, length, what the caller entered and said, who it
 * was), the call log's keyset-paged and searchable listing, the dashboard's grouped counts,
 * deletion, and the retention setting.
 */

import type { CallOutcome, MissedCallReason } from '../history/call-outcome.ts';
import type { CallRecord } from './types.ts';

/** A menu answer as the call log shows it: the key, the option's label, and what was said. */
export interface MenuChoice {
  nodeId: string;
  key: string;
  label?: string;
  /** The words the caller said, when the menu listened for speech. */
  heard?: string;
}

/** What the history worker computes for one ended call (see runtime/history/call-summary.ts). */
export interface CallSummary {
  outcome: CallOutcome;
  reason: MissedCallReason | null;
  /** From answer to end; null while the call has no end. */
  durationSeconds: number | null;
  /** For an answered transfer: seconds from the transfer step (its announcement included) until staff answered. */
  answerSeconds: number | null;
  /** Digits entered at input steps, in the order of the path. */
  digits: string[];
  menuChoices: MenuChoice[];
  /** Voicemail transcripts, one line per recording; '' when none. */
  transcript: string;
  /** The contact book's 「会社 名前」 for the caller when known. */
  contactName: string | null;
  /** weekday × 24 + hour of the start in Asia/Tokyo (0 = Sunday 0:00): the heatmap's cell. */
  localSlot: number | null;
  /** Everything a search should find the call by (transcripts, digits, names, speech). */
  searchText: string;
}

export interface HistoryFilter {
  /** Calls that started at or after this instant. */
  from?: string;
  /** Calls that started before this instant. */
  to?: string;
  /** The called number, E.164. */
  number?: string;
  flowId?: string;
  /** 'live' = calls still in progress (or not summarised yet). */
  outcome?: CallOutcome;
  reason?: MissedCallReason;
  /** The caller's number as Vonage sends it (819012345678) or 'anonymous'. */
  caller?: string;
  /** Words to find in transcripts, digits entered, contact names and speech; all must match. */
  q?: string;
}

export interface HistoryPageQuery extends HistoryFilter {
  /** Page size (default 50, at most 1,000). */
  limit?: number;
  /** The `next` of the previous page. */
  cursor?: string;
  /** Also read each call's variables (the export for BI tools); the call log does not need them. */
  withVars?: boolean;
}

/** A call as the log lists it: the call's facts and its summary (not its state). */
export interface HistoryRow
  extends Pick<
    CallRecord,
    | 'id'
    | 'number'
    | 'from'
    | 'to'
    | 'flowId'
    | 'flowVersion'
    | 'status'
    | 'result'
    | 'missedReason'
    | 'startedAt'
    | 'endedAt'
  > {
  /** Null until the history worker summarised the call (a second or so after it ended). */
  outcome: CallOutcome | null;
  reason: MissedCallReason | null;
  durationSeconds: number | null;
  answerSeconds: number | null;
  digits: string[];
  menuChoices: MenuChoice[];
  transcript: string | null;
  contactName: string | null;
  summarizedAt: string | null;
  /** Only with `withVars`. */
  vars?: Record<string, string>;
}

export interface HistoryPage {
  rows: HistoryRow[];
  /** Cursor of the next page; null on the last one. */
  next: string | null;
}

/** One group of the dashboard's single pass over a date range. */
export interface StatsGroup {
  /** Null: live or not summarised yet. */
  outcome: CallOutcome | null;
  reason: MissedCallReason | null;
  localSlot: number | null;
  number: string;
  flowId: string | null;
  calls: number;
  durationSum: number;
  durationCount: number;
  answerSum: number;
  answerCount: number;
}

/** Calls per UTC hour and outcome (the dashboard turns hours into days in Japanese time). */
export interface HourGroup {
  /** UTC hour as `YYYY-MM-DDTHH`. */
  hour: string;
  outcome: CallOutcome | null;
  calls: number;
}

export type DeleteCallResult = 'deleted' | 'live' | 'missing';

export interface HistoryRepository {
  /** Writes the summary to the call's row and its search row, in one transaction. */
  saveSummary(callId: string, summary: CallSummary, at: string): Promise<boolean>;
  /** One call as the log shows it, with its variables. */
  get(id: string): Promise<HistoryRow | undefined>;
  /** Newest first (keyset paging by start time and id; a search pages by its own time key). */
  page(query?: HistoryPageQuery): Promise<HistoryPage>;
  /** Grouped counts for the dashboard (runtime/history/stats.ts shapes them). */
  stats(filter: Pick<HistoryFilter, 'from' | 'to' | 'number' | 'flowId'>): Promise<StatsGroup[]>;
  /** Calls per hour and outcome over the same filter (the dashboard's calls per day). */
  hourly(filter: Pick<HistoryFilter, 'from' | 'to' | 'number' | 'flowId'>): Promise<HourGroup[]>;
  /** Names people gave flows and numbers, for showing them next to the ids. */
  labels(): Promise<{ flows: Record<string, string>; numbers: Record<string, string> }>;
  /** Deletes one ended call with its log, turns, outbox items and search row. */
  deleteCall(id: string): Promise<DeleteCallResult>;
  /**
   * Deletes up to `batchSize` ended calls (that started before `before`, when given) in one short
   * transaction; returns their ids (empty: nothing left). Callers loop, so the write lock is never
   * held for long while calls are being answered.
   */
  deleteEnded(options: { before?: string; batchSize: number }): Promise<string[]>;
  /**
   * Deletes up to `batchSize` SMS delivery receipts received before `before` (they name the
   * caller's number; they are kept no longer than the calls); returns how many. Receipts belong
   * to no workspace: a workspace's store deletes none (the daily purge runs it unscoped).
   */
  deleteReceipts(options: { before: string; batchSize: number }): Promise<number>;
  /** How long the workspace keeps calls (months; default 6; the installation's store: `default`'s). */
  retentionMonths(): Promise<number>;
  setRetentionMonths(months: number, at: string): Promise<void>;
}
