/**
 * Dates and times as staff read them: Japanese style (2026年5月3日(日) 14:05) in Japanese, the
 * British day-month order in English, always in Tokyo time — the time the engine and the call
 * log use, whatever zone the browser is in.
 */
import { calendarTimeZone, type YearMonth } from './calendar-month.ts';

export type Lang = 'ja' | 'en';

const locales: Record<Lang, string> = { ja: 'ja-JP', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locales[lang], { timeZone: calendarTimeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

/** An instant such as a flow's updatedAt; '' when it is not a date. */
export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return formatter(lang, {
    year: 'numeric',
    month: lang === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** 2026年11月 / November 2026 */
export function formatMonth({ year, month }: YearMonth, lang: Lang): string {
  // Noon UTC of the 15th is the same month in every zone.
  return formatter(lang, { year: 'numeric', month: 'long' }).format(
    new Date(Date.UTC(year, month - 1, 15, 12)),
  );
}

/** A calendar day for screen readers: 2026年11月23日(月) / Monday, 23 November 2026 */
export function formatDay(date: string, lang: Lang): string {
  return formatter(lang, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: lang === 'ja' ? 'short' : 'long',
  }).format(new Date(`${date}T12:00:00+09:00`));
}

/** Yearly MM-DD as 12月29日 / 29 December. */
export function formatMonthDay(monthDay: string, lang: Lang): string {
  const [month, day] = monthDay.split('-').map(Number);
  if (!month || !day) return monthDay;
  return formatter(lang, { month: 'long', day: 'numeric' }).format(
    new Date(Date.UTC(2024, month - 1, day, 12)),
  );
}
