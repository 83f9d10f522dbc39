/**
 * The call history API's query parameters → the store's filter, with a 400 in plain words for
 * anything unusable. Dates: `2026-11-24` is that day in Japanese time (as `from` its start, as
 * `to` its end — the day is included); a full ISO time with offset is taken as it is.
 * Numbers may be written any way people write them (050-1234-5678, +81…, ０３…).
 */
import type { Context } from 'hono';
import { normalisePhone } from '../contacts/phone-input.ts';
import type { CallOutcome, MissedCallReason } from '../history/call-outcome.ts';
import { missedReasons } from '../history/stats.ts';
import type { HistoryFilter, HistoryPageQuery } from '../store/types.ts';
import { HttpError } from './http-error.ts';

const outcomes: readonly CallOutcome[] = ['completed', 'transferred', 'voicemail', 'missed', 'live'];
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const dayMs = 24 * 60 * 60_000;

/** An instant from a day (Japanese time) or an ISO time; `endOfDay` turns a day into the next midnight. */
export function instant(name: string, value: string, endOfDay: boolean): string {
  if (dayPattern.test(value)) {
    const start = Date.parse(`${value}T00:00:00+09:00`);
    if (Number.isNaN(start)) throw new HttpError(400, `"${name}" is not a date: ${value}`);
    return new Date(endOfDay ? start + dayMs : start).toISOString();
  }
  const at = /[zZ]|[+-]\d{2}:\d{2}$/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at))
    throw new HttpError(
      400,
      `"${name}" must be a date (2026-11-24) or a time with its offset, got "${value}"`,
    );
  return new Date(at).toISOString();
}

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new HttpError(400, `"${name}" must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** The filters shared by the log, the exports and (from, to, number, flow) the dashboard. */
export function historyFilter(c: Context): HistoryFilter {
  const q = (name: string) => {
    const value = c.req.query(name)?.trim();
    return value === '' ? undefined : value;
  };
  const filter: HistoryFilter = {};
  const from = q('from');
  const to = q('to');
  if (from) filter.from = instant('from', from, false);
  if (to) filter.to = instant('to', to, true);
  const number = q('number');
  if (number) {
    const parsed = normalisePhone(number);
    if (!parsed) throw new HttpError(400, `"number" is not a phone number: ${number}`);
    filter.number = parsed.e164;
  }
  const flow = q('flow');
  if (flow) filter.flowId = flow;
  const outcome = oneOf('outcome', q('outcome'), outcomes);
  if (outcome) filter.outcome = outcome;
  const reason = oneOf<MissedCallReason>('reason', q('reason'), missedReasons);
  if (reason) filter.reason = reason;
  const caller = q('caller');
  if (caller) {
    // Stored as Vonage sends it: 819012345678, or 'anonymous' for a hidden number.
    const parsed = caller === 'anonymous' ? undefined : normalisePhone(caller);
    if (caller !== 'anonymous' && !parsed)
      throw new HttpError(400, `"caller" is not a phone number: ${caller}`);
    filter.caller = parsed ? parsed.e164.slice(1) : 'anonymous';
  }
  const search = q('q');
  if (search) {
    if (search.length > 200) throw new HttpError(400, '"q" is longer than 200 characters');
    filter.q = search;
  }
  return filter;
}

/** Page size and cursor on top of the filters. */
export function historyPageQuery(c: Context, maxLimit: number): HistoryPageQuery {
  const raw = c.req.query('limit');
  const limit = raw === undefined ? 50 : Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)
    throw new HttpError(400, `"limit" must be a whole number from 1 to ${maxLimit}`);
  const cursor = c.req.query('cursor');
  return { ...historyFilter(c), limit, ...(cursor ? { cursor } : {}) };
}

/** The dashboard's range: the filter's, else the 30 days up to now. */
export function statsRange(filter: HistoryFilter, now: Date): { from: string; to: string } {
  const to = filter.to ?? now.toISOString();
  return { from: filter.from ?? new Date(Date.parse(to) - 30 * dayMs).toISOString(), to };
}
