/**
 * The simulator's clock. A simulated call never looks at the real time: it starts at the
 * instant the tester chose and moves forward by estimates of how long each turn would take on
 * a real phone (speaking the prompts, ringing, recording). Times keep the start's UTC offset so
 * a transcript of a call at 12:00+09:00 reads in Japanese local time.
 */
import type { Action } from '../engine/types.ts';

const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** Parses an ISO 8601 instant with an explicit offset; undefined when it is not one. */
export function parseInstant(iso: string): { ms: number; offsetMinutes: number } | undefined {
  const match = isoWithOffset.exec(iso);
  if (!match) return undefined;
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return undefined;
  // Date accepts 2026-02-31 and rolls it over; a tester who typed that made a mistake.
  const [y, mo, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return undefined;
  const sign = match[3]?.startsWith('-') ? -1 : 1;
  const offsetMinutes = match[3] === 'Z' ? 0 : sign * (Number(match[4]) * 60 + Number(match[5]));
  return { ms, offsetMinutes };
}

export class VirtualClock {
  private ms: number;
  private readonly offsetMinutes: number;

  constructor(startIso: string) {
    const parsed = parseInstant(startIso);
    if (!parsed) throw new RangeError(`not an ISO 8601 date and time with an offset: "${startIso}"`);
    this.ms = parsed.ms;
    this.offsetMinutes = parsed.offsetMinutes;
  }

  /** The current instant, ISO 8601 in the start's offset (milliseconds only when not zero). */
  now(): string {
    return formatInstant(this.ms, this.offsetMinutes);
  }

  advance(seconds: number): string {
    this.ms += Math.round(Math.max(0, seconds) * 1000);
    return this.now();
  }
}

export function formatInstant(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString();
  const body = local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23);
  if (offsetMinutes === 0) return `${body}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${body}${sign}${hh}:${mm}`;
}

/** Roughly how long Japanese TTS takes to speak a text: 0.15 s a character plus a pause. */
export function speakingSeconds(text: string): number {
  return text.length * 0.15 + 0.5;
}

/** An audio file's length is unknown offline; a short jingle or greeting is the usual case. */
const playSeconds = 5;

/** How long the caller listens to the audio of one turn before they can act. */
export function turnAudioSeconds(actions: readonly Action[]): number {
  let total = 0;
  for (const action of actions) {
    if (action.type === 'say') total += speakingSeconds(action.text) * (action.repeat ?? 1);
    else if (action.type === 'play') total += playSeconds * (action.repeat ?? 1);
  }
  return total;
}
