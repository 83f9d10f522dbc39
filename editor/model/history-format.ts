/**
 * The call history in words and numbers people read: lengths as 1分05秒, results with the tone
 * of their colour, the dashboard's date presets counted in Japanese days (the call log's and the
 * heatmap's time, whatever zone the browser is in), rates as percentages and heatmap shades.
 * Pure, so the pages stay thin and these rules are tested without a browser.
 */
import type { CallOutcome, MissedReason } from '../api/history-client.ts';

export type Lang = 'ja' | 'en';

/** 65 → 1分05秒 / 1 min 05 s; under a minute 42秒 / 42 s; unknown → —. */
export function durationText(seconds: number | null | undefined, lang: Lang): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  if (minutes === 0) return lang === 'ja' ? `${rest}秒` : `${rest} s`;
  const padded = String(rest).padStart(2, '0');
  return lang === 'ja' ? `${minutes}分${padded}秒` : `${minutes} min ${padded} s`;
}

/** The colour family of a result: handled calls green/blue, voicemail purple, missed red. */
export type OutcomeTone = 'completed' | 'transferred' | 'voicemail' | 'missed' | 'closed' | 'live';

export function outcomeTone(outcome: CallOutcome, reason: MissedReason | null): OutcomeTone {
  // Closed hours are expected, not a failure of the shop: amber rather than red.
  if (outcome === 'missed' && reason === 'notInOperation') return 'closed';
  return outcome;
}

const dayMs = 24 * 60 * 60_000;
const tokyoOffsetMs = 9 * 60 * 60_000;

/** The calendar day (YYYY-MM-DD) of an instant in Japanese time (no daylight saving: +9 h is exact). */
export function tokyoDay(at: Date): string {
  return new Date(at.getTime() + tokyoOffsetMs).toISOString().slice(0, 10);
}

/** 18:27:05 — the time of day in Japan, to the second (the steps of one call are seconds apart). */
export function tokyoTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : new Date(ms + tokyoOffsetMs).toISOString().slice(11, 19);
}

/** A Japanese calendar day moved by whole days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

export type RangePreset = 'today' | '7d' | '30d' | 'custom';

/** From and to (both included, as the API reads days) for a preset ending today. */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, now: Date): { from: string; to: string } {
  const today = tokyoDay(now);
  const back = preset === 'today' ? 0 : preset === '7d' ? 6 : 29;
  return { from: addDays(today, -back), to: today };
}

/** Every day from `from` to `to` (included), at most `limit` of them. */
export function daysBetween(from: string, to: string, limit = 400): string[] {
  const days: string[] = [];
  for (let day = from; day <= to && days.length < limit; day = addDays(day, 1)) days.push(day);
  return days;
}

/** 0.875 → 87.5% / 87.5%; null → —. */
export function percentText(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${Math.round(rate * 1000) / 10}%`;
}

/** A heatmap cell's shade, 0 (no calls) to 4 (the busiest hour of the range). */
export function heatLevel(calls: number, busiest: number): 0 | 1 | 2 | 3 | 4 {
  if (calls <= 0 || busiest <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((calls / busiest) * 4))) as 1 | 2 | 3 | 4;
}

/** The busiest cell of a heatmap (0 when it is empty). */
export function heatmapMax(heatmap: readonly (readonly number[])[]): number {
  return heatmap.reduce((max, row) => row.reduce((m, v) => Math.max(m, v), max), 0);
}

/**
 * Rows in Japanese week order (月 … 日) from the API's Sunday-first heatmap: small businesses
 * read their week from Monday.
 */
export function weekRows(
  heatmap: readonly (readonly number[])[],
): Array<{ weekday: number; hours: number[] }> {
  return [1, 2, 3, 4, 5, 6, 0].map((weekday) => ({
    weekday,
    hours: Array.from({ length: 24 }, (_, hour) => heatmap[weekday]?.[hour] ?? 0),
  }));
}

/** The file a call's test case is saved as: next to the flow, like the examples' flow.test.json. */
export function testCaseFileName(flowId: string, callId: string): string {
  return `${flowId}.${callId.slice(0, 8)}.test.json`;
}
