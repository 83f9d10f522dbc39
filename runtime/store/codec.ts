/**
 * Conversions between JavaScript values and the portable column types: JSON as text and times
 * as UTC ISO-8601 text. Normalising every time to `toISOString()` form matters because the
 * store compares and orders times as text (`next_attempt_at <= now`, paging by `started_at`):
 * a "+09:00" string next to a "Z" string would sort wrongly.
 */

export function toJson(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function fromJsonOrNull<T>(text: string | null): T | null {
  return text === null ? null : fromJson<T>(text);
}

/** An instant as UTC ISO text; throws on a string that is not a time (a bug in the caller). */
export function utc(at: string | Date): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a valid time: "${String(at)}"`);
  return date.toISOString();
}

export type Clock = () => Date;
