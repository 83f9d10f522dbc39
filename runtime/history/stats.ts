/**
 * The dashboard's figures from the store's grouped counts (one pass over the date range):
 * totals per outcome, missed calls by reason, completion rate, average length, average time to
 * answer a transfer, the hour × weekday heatmap (Japanese time) and the same counts per number
 * and per flow. Pure, so the API, the export and the tests agree on every definition below.
 */
import type { HourGroup, StatsGroup } from '../store/types.ts';
import { type CallOutcome, type MissedCallReason, turnedAwayReasons } from './call-outcome.ts';

export const missedReasons: readonly MissedCallReason[] = [
  'notInOperation',
  'linesBusy',
  'userLeft',
  'noAnswer',
  'unknownNumber',
  'noFlow',
  'error',
  'lost',
];

export interface OutcomeCounts {
  total: number;
  completed: number;
  transferred: number;
  voicemail: number;
  missed: number;
  /** In progress, or ended a moment ago and not summarised yet. */
  live: number;
}

/** Calls of one day in Japanese time; `date` is YYYY-MM-DD. */
export interface DayCounts extends OutcomeCounts {
  date: string;
}

export interface Dashboard extends OutcomeCounts {
  missedByReason: Record<MissedCallReason, number>;
  /** (completed + transferred + voicemail) ÷ calls that are over; null without such calls. */
  completionRate: number | null;
  /** Mean length of the calls that were answered (not those turned away: lines busy, no flow). */
  averageDurationSeconds: number | null;
  /** Mean seconds from the transfer step until staff answered (see call-summary.ts). */
  averageAnswerSeconds: number | null;
  /** heatmap[weekday][hour], weekday 0 = Sunday, in Japanese time. */
  heatmap: number[][];
  byNumber: Array<OutcomeCounts & { number: string }>;
  byFlow: Array<OutcomeCounts & { flowId: string | null }>;
}

const emptyCounts = (): OutcomeCounts => ({
  total: 0,
  completed: 0,
  transferred: 0,
  voicemail: 0,
  missed: 0,
  live: 0,
});

function add(counts: OutcomeCounts, outcome: CallOutcome | null, calls: number): void {
  counts.total += calls;
  counts[outcome ?? 'live'] += calls;
}

const mean = (sum: number, count: number) => (count === 0 ? null : Math.round((sum / count) * 10) / 10);

export function dashboard(groups: readonly StatsGroup[]): Dashboard {
  const totals = emptyCounts();
  const missedByReason = Object.fromEntries(missedReasons.map((r) => [r, 0])) as Record<
    MissedCallReason,
    number
  >;
  const heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const numbers = new Map<string, OutcomeCounts>();
  const flows = new Map<string | null, OutcomeCounts>();
  let duration = { sum: 0, count: 0 };
  let answer = { sum: 0, count: 0 };
  for (const group of groups) {
    add(totals, group.outcome, group.calls);
    if (group.outcome === 'missed') missedByReason[group.reason ?? 'error'] += group.calls;
    if (group.localSlot !== null) {
      const row = heatmap[Math.floor(group.localSlot / 24)];
      if (row) row[group.localSlot % 24] = (row[group.localSlot % 24] ?? 0) + group.calls;
    }
    if (!numbers.has(group.number)) numbers.set(group.number, emptyCounts());
    add(numbers.get(group.number) as OutcomeCounts, group.outcome, group.calls);
    if (!flows.has(group.flowId)) flows.set(group.flowId, emptyCounts());
    add(flows.get(group.flowId) as OutcomeCounts, group.outcome, group.calls);
    if (
      group.outcome !== null &&
      group.outcome !== 'live' &&
      !(group.reason && turnedAwayReasons.has(group.reason))
    )
      duration = { sum: duration.sum + group.durationSum, count: duration.count + group.durationCount };
    if (group.outcome === 'transferred')
      answer = { sum: answer.sum + group.answerSum, count: answer.count + group.answerCount };
  }
  const over = totals.total - totals.live;
  const handled = totals.completed + totals.transferred + totals.voicemail;
  const byTotal = <T extends OutcomeCounts>(a: T, b: T) => b.total - a.total;
  return {
    ...totals,
    missedByReason,
    completionRate: over === 0 ? null : Math.round((handled / over) * 1000) / 1000,
    averageDurationSeconds: mean(duration.sum, duration.count),
    averageAnswerSeconds: mean(answer.sum, answer.count),
    heatmap,
    byNumber: [...numbers].map(([number, counts]) => ({ number, ...counts })).sort(byTotal),
    byFlow: [...flows].map(([flowId, counts]) => ({ flowId, ...counts })).sort(byTotal),
  };
}

const tokyoDate = (ms: number) => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);

/** Up to this many days, days without calls are listed too (beyond, a chart would be noise). */
const maxFilledDays = 400;
const dayMs = 24 * 3_600_000;

/**
 * Calls per day in Japanese time (a fixed +9 hours: no daylight saving) from hourly counts,
 * every day of the range listed — days without calls too, so a chart's axis has no gaps.
 */
export function callsPerDay(hours: readonly HourGroup[], range: { from: string; to: string }): DayCounts[] {
  const days = new Map<string, DayCounts>();
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  if (to > from && to - from <= maxFilledDays * dayMs) {
    for (let ms = from; ms < to; ms += dayMs)
      days.set(tokyoDate(ms), { date: tokyoDate(ms), ...emptyCounts() });
    days.set(tokyoDate(to - 1), { date: tokyoDate(to - 1), ...emptyCounts() });
  }
  for (const group of hours) {
    const date = tokyoDate(Date.parse(`${group.hour}:00:00Z`));
    let day = days.get(date);
    if (!day) {
      day = { date, ...emptyCounts() };
      days.set(date, day);
    }
    add(day, group.outcome, group.calls);
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}
