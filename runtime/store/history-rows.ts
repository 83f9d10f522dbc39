/**
 * Rows of the call history as the repository returns them, and the opaque paging cursor. Kept
 * apart from the queries (history.ts) like call-rows.ts is for calls.ts.
 */
import type { Selectable } from 'kysely';
import type { CallResult, CallState } from '../engine/types.ts';
import { fromJsonOrNull } from './codec.ts';
import type { CallsTable } from './database.ts';
import type { HistoryRow, MenuChoice } from './types.ts';

/** What the call log reads of a call: everything but its state JSON (most of the row). */
export const historyColumns = [
  'calls.id',
  'calls.number',
  'calls.from',
  'calls.to',
  'calls.flow_id',
  'calls.flow_version',
  'calls.status',
  'calls.result',
  'calls.missed_reason',
  'calls.started_at',
  'calls.ended_at',
  'calls.outcome',
  'calls.outcome_reason',
  'calls.duration_seconds',
  'calls.answer_seconds',
  'calls.digits',
  'calls.menu_choices',
  'calls.transcript',
  'calls.contact_name',
  'calls.summarized_at',
] as const;

type Row = Pick<
  Selectable<CallsTable>,
  (typeof historyColumns)[number] extends `calls.${infer C}` ? C : never
> & {
  state?: string | null;
};

export function historyRow(row: Row, withVars: boolean): HistoryRow {
  const out: HistoryRow = {
    id: row.id,
    number: row.number,
    from: row.from,
    to: row.to,
    flowId: row.flow_id,
    flowVersion: row.flow_version,
    status: row.status,
    result: row.result as CallResult | 'missed' | null,
    missedReason: row.missed_reason,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    outcome: row.outcome as HistoryRow['outcome'],
    reason: row.outcome_reason as HistoryRow['reason'],
    durationSeconds: row.duration_seconds,
    answerSeconds: row.answer_seconds,
    digits: fromJsonOrNull<string[]>(row.digits) ?? [],
    menuChoices: fromJsonOrNull<MenuChoice[]>(row.menu_choices) ?? [],
    transcript: row.transcript,
    contactName: row.contact_name,
    summarizedAt: row.summarized_at,
  };
  if (withVars) out.vars = fromJsonOrNull<CallState>(row.state ?? null)?.vars ?? {};
  return out;
}

/** Where the previous page stopped: start time and id, plus the search's time key when searching. */
export interface PageCursor {
  startedAt: string;
  id: string;
  key?: number;
}

export function writeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** Throws a RangeError for a cursor this store did not write (the API answers 400). */
export function readCursor(text: string): PageCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new RangeError('the cursor is not one this server gave out');
  }
  const c = value as Partial<PageCursor> | null;
  if (
    !c ||
    typeof c.startedAt !== 'string' ||
    typeof c.id !== 'string' ||
    (c.key !== undefined && !Number.isSafeInteger(c.key))
  )
    throw new RangeError('the cursor is not one this server gave out');
  return { startedAt: c.startedAt, id: c.id, ...(c.key !== undefined ? { key: c.key } : {}) };
}
