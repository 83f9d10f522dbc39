import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../schema/phone.ts';
import { normalisePhone, splitPhones } from './phone-input.ts';

describe('normalisePhone', () => {
  it('reads the ways Japanese numbers are written into one E.164 form', () => {
    const written = [
      '090-1234-5678',
      '09012345678',
      '090 1234 5678',
      '０９０－１２３４－５６７８',
      '090ー1234ー5678',
      '+81 90-1234-5678',
      '+81 (0)90-1234-5678',
      '＋８１９０１２３４５６７８',
      '819012345678',
      "'090-1234-5678",
      // Excel drops the leading 0 of a number it took for an integer.
      '9012345678',
    ];
    for (const w of written) expect(normalisePhone(w)?.e164, w).toBe('+819012345678');
    expect(normalisePhone('03(1234)5678')?.e164).toBe('+81312345678');
    expect(normalisePhone('０３（１２３４）５６７８')?.national).toBe('03-1234-5678');
    expect(normalisePhone('0120-123-456')?.type).toBe('free-dial');
  });

  it('refuses what is not a phone number', () => {
    for (const w of ['', '非通知', 'anonymous', '090-1234', '03-1234-5678 内線12', 'abc']) {
      expect(normalisePhone(w), w).toBeUndefined();
    }
  });
});

describe('splitPhones', () => {
  it('splits a cell of several numbers on ; / 、 , and line breaks, never inside a number', () => {
    expect(splitPhones('090-1111-2222; 03(1234)5678／０６－１２３４－５６７８、 ,\n080-1234-5678')).toEqual([
      '090-1111-2222',
      '03(1234)5678',
      '06-1234-5678',
      '080-1234-5678',
    ]);
  });
});

describe('the quick path for mobile and 050 numbers', () => {
  it('answers exactly what parsePhone answers, whatever the separators', () => {
    const digit = fc.constantFrom(...'0123456789');
    const separator = fc.constantFrom('', '-', ' ', '－', 'ー');
    fc.assert(
      fc.property(
        fc.constantFrom('050', '060', '070', '080', '090', '081', '0800'),
        fc.array(digit, { minLength: 7, maxLength: 9 }),
        separator,
        fc.boolean(),
        (prefix, rest, sep, international) => {
          const digits = prefix + rest.join('');
          const written = `${international ? '+81 ' : ''}${international ? digits.slice(1, 3) : digits.slice(0, 3)}${sep}${digits.slice(3, 7)}${sep}${digits.slice(7)}`;
          expect(normalisePhone(written)).toEqual(parsePhone(digits));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
