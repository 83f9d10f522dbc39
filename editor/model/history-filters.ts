/**
 * The call log's filters as the page holds them (what the form shows) and as the API reads them.
 * One "result" select covers outcomes and the reasons of missed calls (不在: 時間外 …), so a
 * receptionist asks "which calls did we miss because the lines were busy?" with one choice.
 */
import {
  type CallOutcome,
  type HistoryFilters,
  type MissedReason,
  missedReasons,
} from '../api/history-client.ts';

export interface LogFilters {
  /** YYYY-MM-DD (Japanese day, included) or ''. */
  from: string;
  to: string;
  /** E.164 of the called number, or ''. */
  number: string;
  flow: string;
  /** '' | an outcome | `missed:<reason>`. */
  result: string;
  /** The search box as typed. */
  q: string;
}

export const noFilters: LogFilters = { from: '', to: '', number: '', flow: '', result: '', q: '' };

const outcomes: readonly CallOutcome[] = ['completed', 'transferred', 'voicemail', 'missed', 'live'];

/** The result select's choices, in the order they are listed. */
export function resultChoices(): Array<{ value: string; outcome: CallOutcome; reason?: MissedReason }> {
  return [
    ...outcomes.map((outcome) => ({ value: outcome, outcome })),
    ...missedReasons.map((reason) => ({ value: `missed:${reason}`, outcome: 'missed' as const, reason })),
  ];
}

/** What the API is asked for (empty fields left out). */
export function apiFilters(filters: LogFilters): HistoryFilters {
  const api: HistoryFilters = {};
  if (filters.from) api.from = filters.from;
  if (filters.to) api.to = filters.to;
  if (filters.number) api.number = filters.number;
  if (filters.flow) api.flow = filters.flow;
  const choice = resultChoices().find((c) => c.value === filters.result);
  if (choice) {
    api.outcome = choice.outcome;
    if (choice.reason) api.reason = choice.reason;
  }
  const q = filters.q.trim();
  if (q) api.q = q;
  return api;
}

export function hasFilters(filters: LogFilters): boolean {
  return Object.keys(apiFilters(filters)).length > 0;
}

/**
 * Keyset paging: the cursors of the pages seen so far (the first page has none), so "newer"
 * goes back without the server counting offsets over a million rows.
 */
export interface PageTrail {
  cursors: Array<string | undefined>;
  index: number;
}

export const firstPage: PageTrail = { cursors: [undefined], index: 0 };

export function olderPage(trail: PageTrail, next: string): PageTrail {
  const cursors = [...trail.cursors.slice(0, trail.index + 1), next];
  return { cursors, index: trail.index + 1 };
}

export function newerPage(trail: PageTrail): PageTrail {
  return { cursors: trail.cursors, index: Math.max(0, trail.index - 1) };
}
