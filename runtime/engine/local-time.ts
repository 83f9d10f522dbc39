/**
 * Local calendar parts of an instant in an IANA time zone, via Intl (pure: no clock, the instant
 * comes from the event). Formatters are cached per zone because creating one is the slow part.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export interface LocalParts {
  /** YYYY-MM-DD */
  date: string;
  /** MM-DD, for yearly special dates. */
  monthDay: string;
  /** HH:MM */
  time: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const weekdays: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        weekday: 'short',
        hourCycle: 'h23',
      });
    } catch {
      return undefined;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Undefined when the instant or the zone is not valid. */
export function localParts(iso: string, timeZone: string): LocalParts | undefined {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return undefined;
  const formatter = formatterFor(timeZone);
  if (!formatter) return undefined;
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  const { year, month, day, hour, minute, weekday } = parts;
  if (!year || !month || !day || !hour || !minute || !weekday) return undefined;
  return {
    date: `${year}-${month}-${day}`,
    monthDay: `${month}-${day}`,
    time: `${hour}:${minute}`,
    weekday: weekdays[weekday] ?? 0,
    minutes: Number(hour) * 60 + Number(minute),
  };
}
