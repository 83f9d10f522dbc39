/* Generated from schema/schedule.schema.json by scripts/gen-types.ts. Do not edit: run npm run gen:types. */

/**
 * Open windows on Mondays.
 *
 * @maxItems 3
 */
export type Windows = Window[];
/**
 * Open windows on Tuesdays.
 *
 * @maxItems 3
 */
export type Windows1 = Window[];
/**
 * Open windows on Wednesdays.
 *
 * @maxItems 3
 */
export type Windows2 = Window[];
/**
 * Open windows on Thursdays.
 *
 * @maxItems 3
 */
export type Windows3 = Window[];
/**
 * Open windows on Fridays.
 *
 * @maxItems 3
 */
export type Windows4 = Window[];
/**
 * Open windows on Saturdays.
 *
 * @maxItems 3
 */
export type Windows5 = Window[];
/**
 * Open windows on Sundays.
 *
 * @maxItems 3
 */
export type Windows6 = Window[];
/**
 * Open windows on this date instead of the weekly hours.
 *
 * @maxItems 3
 */
export type Windows7 = Window[];
/**
 * This interface was referenced by `ScheduleDocument`'s JSON-Schema
 * via the `definition` "time".
 */
export type Time = string;
/**
 * @maxItems 3
 *
 * This interface was referenced by `ScheduleDocument`'s JSON-Schema
 * via the `definition` "windows".
 */
export type Windows8 = Window[];
/**
 * This interface was referenced by `ScheduleDocument`'s JSON-Schema
 * via the `definition` "date".
 */
export type Date = string;

/**
 * When the business is open: hours per weekday, Japanese public holidays, and special dates. Times are local to the flow's time zone; a window's end is exclusive.
 */
export interface ScheduleDocument {
  /**
   * Path or URL of this JSON Schema, for editors.
   */
  $schema?: string;
  /**
   * Version of the schedule format. Only 1 exists.
   */
  schemaVersion: 1;
  /**
   * Short name that hours steps refer to, e.g. clinic.
   */
  id: string;
  /**
   * Name shown to staff, e.g. 「診療時間」.
   */
  name: string;
  /**
   * Open windows for each weekday. An empty list (or a missing day) means closed all day.
   */
  weekly: {
    mon?: Windows;
    tue?: Windows1;
    wed?: Windows2;
    thu?: Windows3;
    fri?: Windows4;
    sat?: Windows5;
    sun?: Windows6;
  };
  /**
   * Closed all day on Japanese public holidays (substitute holidays included), unless a special date says otherwise.
   */
  closedOnPublicHolidays?: boolean;
  /**
   * Dates that replace the weekly hours: closed all day, or other windows. A date like 12-29 repeats every year; 2026-12-29 is one day only. With `through`, a range of days (12-29 through 01-03 wraps over New Year).
   *
   * @maxItems 200
   */
  special?: SpecialDate[];
}
/**
 * From (inclusive) to (exclusive), 24-hour HH:MM, e.g. 08:30–12:00.
 *
 * This interface was referenced by `ScheduleDocument`'s JSON-Schema
 * via the `definition` "window".
 */
export interface Window {
  /**
   * Opening time, HH:MM.
   */
  from: string;
  /**
   * Closing time, HH:MM (not included; 24:00 = midnight).
   */
  to: string;
}
/**
 * A date (or range) with its own hours.
 *
 * This interface was referenced by `ScheduleDocument`'s JSON-Schema
 * via the `definition` "specialDate".
 */
export interface SpecialDate {
  /**
   * YYYY-MM-DD for one day, or MM-DD for every year.
   */
  date: string;
  /**
   * Last day of a range (included), same format as the date.
   */
  through?: string;
  /**
   * Closed all day.
   */
  closed?: boolean;
  windows?: Windows7;
  /**
   * e.g. 「年末年始休業」.
   */
  note?: string;
}
