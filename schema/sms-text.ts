/**
 * SMS length rules: GSM-7 when every character fits the GSM 03.38 alphabet (160 per message,
 * 153 per part when split), UCS-2 otherwise (70, or 67 per part). Japanese text is always UCS-2.
 */
const gsmBasic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const gsmExtended = '^{}\\[~]|€\f';
const gsmBasicSet = new Set(gsmBasic);
const gsmExtendedSet = new Set(gsmExtended);

/** Longest SMS we send: Japanese carriers accept up to 670 UCS-2 characters (10 parts). */
export const maxSmsCharacters = 670;

export interface SmsLength {
  encoding: 'GSM-7' | 'UCS-2';
  /** Length in encoding units (GSM extended characters count twice; UCS-2 counts UTF-16 units). */
  units: number;
  segments: number;
}

export function smsLength(text: string): SmsLength {
  let gsmUnits = 0;
  let isGsm = true;
  for (const ch of text) {
    if (gsmBasicSet.has(ch)) gsmUnits += 1;
    else if (gsmExtendedSet.has(ch)) gsmUnits += 2;
    else {
      isGsm = false;
      break;
    }
  }
  if (isGsm) {
    return { encoding: 'GSM-7', units: gsmUnits, segments: segmentsFor(gsmUnits, 160, 153) };
  }
  const units = text.length;
  return { encoding: 'UCS-2', units, segments: segmentsFor(units, 70, 67) };
}

function segmentsFor(units: number, single: number, part: number): number {
  if (units === 0) return 0;
  return units <= single ? 1 : Math.ceil(units / part);
}
