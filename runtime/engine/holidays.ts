/**
 * Japanese public holidays from @holiday-jp/holiday_jp: the community-maintained table (Cabinet
 * Office data, substitute holidays and the citizens' holiday included, 1970–2050). A lookup by
 * date string is all the engine needs, so it stays pure and fast.
 */
import holidayJp from '@holiday-jp/holiday_jp';

const table = holidayJp.holidays as Readonly<Record<string, { name: string; name_en: string }>>;

/** The holiday's Japanese name for a YYYY-MM-DD date, or undefined on ordinary days. */
export function japaneseHoliday(date: string): string | undefined {
  return Object.hasOwn(table, date) ? table[date]?.name : undefined;
}
