/**
 * Japanese phone numbers: parsing, E.164 form, and the kind of line. libphonenumber-js (with
 * Google's full metadata) does the work: the numbering plan changes and we do not want to keep
 * our own table. Pure; used by validation, the engine (SMS only to mobiles) and the editor.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type LineType = 'mobile' | 'landline' | 'ip' | 'free-dial' | 'navi-dial' | 'other';

export interface ParsedPhone {
  /** E.164 with plus, e.g. +819012345678. */
  e164: string;
  /** Domestic format, e.g. 090-1234-5678. */
  national: string;
  type: LineType;
  country: string | undefined;
}

const typeMap: Record<string, LineType> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'landline',
  VOIP: 'ip',
  TOLL_FREE: 'free-dial',
  UAN: 'navi-dial',
};

// Parsing with the full metadata costs tens of microseconds; calls repeat the same few numbers
// (the caller, the staff phones), so a bounded memo keeps the engine fast. Pure: same in, same out.
const memo = new Map<string, ParsedPhone | undefined>();
const memoLimit = 2000;

/**
 * Parses a number as written by staff (090-1234-5678, 03 1234 5678, +81…) or as Vonage sends it
 * (819012345678, no plus). Returns undefined for anything that is not a valid number.
 */
export function parsePhone(input: string): ParsedPhone | undefined {
  if (memo.has(input)) return memo.get(input);
  const parsed = parseUncached(input);
  if (memo.size >= memoLimit) memo.clear();
  memo.set(input, parsed);
  return parsed;
}

function parseUncached(input: string): ParsedPhone | undefined {
  const trimmed = input.trim();
  if (!/^\+?[0-9][0-9 ()-]*$/.test(trimmed)) return undefined;
  // Vonage omits the plus: a bare 81… of international length is a Japanese number in E.164.
  const digits = trimmed.replace(/[^0-9+]/g, '');
  const candidate = /^81[1-9][0-9]{8,9}$/.test(digits) ? `+${digits}` : trimmed;
  const parsed = parsePhoneNumberFromString(candidate, 'JP');
  if (!parsed?.isValid()) return undefined;
  const rawType = parsed.getType();
  return {
    e164: parsed.number,
    national: parsed.formatNational(),
    type: (rawType && typeMap[rawType]) ?? 'other',
    country: parsed.country,
  };
}

/** True for Japanese mobile numbers (070/080/090): the only ones that can receive our SMS. */
export function isJapaneseMobile(input: string): boolean {
  const parsed = parsePhone(input);
  return parsed?.country === 'JP' && parsed.type === 'mobile';
}

/** Vonage's form: E.164 digits without the plus. */
export function toVonageNumber(input: string): string | undefined {
  return parsePhone(input)?.e164.slice(1);
}
