/**
 * `--at` for `flowcall simulate`: an ISO 8601 instant, or a local date and time read in the
 * flow's time zone (people type 2026-11-24T12:00 and mean Tokyo time), defaulting to now.
 */
import { formatInstant, parseInstant } from '../simulator/virtual-clock.ts';
import { UsageError } from './io.ts';

const localDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** Minutes east of UTC of a time zone at an instant. */
export function zoneOffsetMinutes(timeZone: string, ms: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(ms))
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

function validZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The start instant for a simulated call, ISO 8601 with the offset of the flow's time zone. */
export function resolveAt(value: string | undefined, timeZone: string, now: Date): string {
  const zone = validZone(timeZone) ? timeZone : 'UTC';
  if (value === undefined) {
    const ms = Math.floor(now.getTime() / 1000) * 1000;
    return formatInstant(ms, zoneOffsetMinutes(zone, ms));
  }
  if (parseInstant(value)) return value;
  if (localDateTime.test(value)) {
    const asUtc = parseInstant(`${value}Z`);
    if (asUtc) {
      // The offset depends on the instant (summer time elsewhere); two rounds settle it.
      let offset = zoneOffsetMinutes(zone, asUtc.ms);
      offset = zoneOffsetMinutes(zone, asUtc.ms - offset * 60_000);
      return formatInstant(asUtc.ms - offset * 60_000, offset);
    }
  }
  throw new UsageError(
    `--at "${value}" is not a date and time: use ISO 8601, e.g. 2026-11-24T12:00:00+09:00 or 2026-11-24T12:00`,
  );
}
