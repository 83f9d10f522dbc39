/**
 * Phone numbers as people write them in a contact book or a spreadsheet: full-width digits
 * (０９０), Japanese dashes and brackets (０３（１２３４）５６７８), +81 (0)…, a leading apostrophe
 * Excel keeps numbers as text with, several numbers in one cell. Everything is tidied into the
 * plain form schema/phone.ts parses (libphonenumber-js does the numbering-plan work).
 */
import { type ParsedPhone, parsePhone } from '../../schema/phone.ts';

/** Dashes people and IMEs type between digit groups, the katakana long-vowel mark included. */
const dashes = /[‐‑‒–—―−ー－﹣]/g;

/** The number written in `raw`, or undefined when it is not a valid phone number. */
export function normalisePhone(raw: string): ParsedPhone | undefined {
  const text = raw
    .normalize('NFKC')
    .replace(dashes, '-')
    .replace(/^'/, '')
    .replace(/^tel:/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    // +81 (0)3…: the domestic trunk 0 written in brackets after the country code.
    .replace(/^\+81 ?\(0\) ?/, '+81 ');
  if (text === '') return undefined;
  return commonNumber(text) ?? parsePhone(text);
}

/**
 * Mobiles (070/080/090) and IP phones (050) of the usual shape, without the general parser:
 * every number of this shape is valid and written 3-4-4 (a property test holds this to
 * parsePhone). Full parsing costs ~40 µs a number; a 10,000-row import is mostly mobiles.
 */
const commonShape = /^0[5789]0[1-9][0-9]{7}$/;

function commonNumber(text: string): ParsedPhone | undefined {
  if (!/^\+?[0-9 ()-]+$/.test(text)) return undefined;
  let digits = text.replace(/[^0-9]/g, '');
  // +81 90… and Vonage's 8190…: the domestic form has 0 for the country code.
  if (text.startsWith('+81') || (!text.startsWith('+') && /^81[0-9]{10}$/.test(digits))) {
    digits = `0${digits.slice(2)}`;
  } else if (text.startsWith('+')) {
    return undefined;
  }
  if (!commonShape.test(digits)) return undefined;
  return {
    e164: `+81${digits.slice(1)}`,
    national: `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`,
    type: digits.startsWith('050') ? 'ip' : 'mobile',
    country: 'JP',
  };
}

/**
 * The numbers of one cell: separated by ; / 、 , or line breaks (half- or full-width). A cell
 * never splits inside a number, since none of these appear in one.
 */
export function splitPhones(cell: string): string[] {
  return cell
    .normalize('NFKC')
    .split(/[;/、,\n\r]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
