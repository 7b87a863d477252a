import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMachineNumber, parseQuantity, parseYesNoOrCount, scaledToEnglish, scaledToPlain, scaledToVietnamese } from '../src/core/numbers.js';

const value = (scaled: number) => ({ status: 'value', scaled });

describe('parseQuantity: DESIGN §5 cases', () => {
  it.each([
    // [cell, decimals, convention, expected]
    ['17.429', 0, 'unknown', value(17429)], // Vietnamese thousands: a count has no decimals
    ['17,429', 0, 'unknown', value(17429)], // international thousands
    ['23,7', 1, 'unknown', value(237)], // Vietnamese decimal comma
    ['23.7', 1, 'unknown', value(237)], // international decimal point
    ['1 250', 0, 'unknown', value(1250)], // space grouping
    ['1\u00a0250', 0, 'unknown', value(1250)], // no-break space grouping (Excel)
    ['248.600', 0, 'unknown', value(248600)],
    ['1.234.567', 0, 'unknown', value(1234567)],
    ['1,234,567', 0, 'unknown', value(1234567)],
    ['1.234,5', 1, 'unknown', value(12345)],
    ['1,234.5', 1, 'unknown', value(12345)],
    ['0', 0, 'unknown', value(0)],
    ['-', 0, 'unknown', value(0)], // GSO: none occurred
    ['', 0, 'unknown', { status: 'not-reported' }], // blank is not zero
    ['   ', 0, 'unknown', { status: 'not-reported' }],
    ['...', 0, 'unknown', { status: 'not-collected' }],
    ['…', 0, 'unknown', { status: 'not-collected' }],
    ['2,2', 2, 'unknown', value(220)],
    ['23,70', 1, 'unknown', value(237)], // trailing zeros are not extra precision
    ['1.250', 1, 'vi', value(12500)], // a `;` file from vi-VN Excel: dot groups thousands
    ['1,2', 1, 'vi', value(12)], // …and comma is the decimal mark
    ['1,250', 0, 'international', value(1250)],
    ['1.5', 1, 'international', value(15)],
  ] as const)('%s with %d decimals (%s)', (cell, decimals, convention, expected) => {
    expect(parseQuantity(cell, decimals, convention)).toEqual(expected);
  });

  it.each([
    ['1.250', 1, 'ambiguous-number'], // 1250 ha or 1.25 ha?
    ['1,250', 1, 'ambiguous-number'],
    ['-5', 0, 'negative-number'],
    ['(5)', 0, 'negative-number'],
    ['bốn', 0, 'bad-number'],
    ['12abc', 0, 'bad-number'],
    ['1e30', 0, 'bad-number'],
    ['0x1F', 0, 'bad-number'],
    ['Infinity', 0, 'bad-number'],
    ['NaN', 0, 'bad-number'],
    ['١٢٣', 0, 'bad-number'],
    ['50%', 0, 'bad-number'],
    ['1.2.3', 0, 'bad-number'],
    ['1,23,456', 0, 'bad-number'],
    ['17,4', 0, 'too-many-decimals'], // a count cannot have decimals
    ['23,75', 1, 'too-many-decimals'],
    ['9007199254740993', 0, 'number-too-large'],
  ] as const)('%s with %d decimals is %s', (cell, decimals, code) => {
    expect(parseQuantity(cell, decimals)).toMatchObject({ status: 'invalid', code });
  });

  it('in a vi-VN file, 1,250 ha is 1.25 ha: more decimals than hectares allow', () => {
    expect(parseQuantity('1,250', 1, 'vi')).toMatchObject({ status: 'invalid', code: 'too-many-decimals' });
  });

  it('explains both readings of an ambiguous number', () => {
    expect(parseQuantity('1.250', 1)).toEqual({
      status: 'invalid',
      code: 'ambiguous-number',
      params: { asThousands: '1250', asDecimal: '1.250', decimals: 1 },
    });
  });
});

describe('numbers round-trip (property)', () => {
  const scaledAndDecimals = fc.tuple(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 3 }));

  it('a number written the Vietnamese way parses back to itself', () => {
    fc.assert(
      fc.property(scaledAndDecimals, ([scaled, decimals]) => {
        expect(parseQuantity(scaledToVietnamese(scaled, decimals), decimals, 'vi')).toEqual(value(scaled));
      }),
    );
  });

  it('a number written the international way parses back to itself', () => {
    fc.assert(
      fc.property(scaledAndDecimals, ([scaled, decimals]) => {
        expect(parseQuantity(scaledToEnglish(scaled, decimals), decimals, 'international')).toEqual(value(scaled));
      }),
    );
  });

  it('without a convention, either form parses to itself or is refused as ambiguous, never to another number', () => {
    fc.assert(
      fc.property(scaledAndDecimals, fc.boolean(), ([scaled, decimals], vietnamese) => {
        const text = vietnamese ? scaledToVietnamese(scaled, decimals) : scaledToEnglish(scaled, decimals);
        const result = parseQuantity(text, decimals);
        if (result.status === 'invalid') expect(result.code).toBe('ambiguous-number');
        else expect(result).toEqual(value(scaled));
      }),
    );
  });

  it('counts (no decimals) are never ambiguous', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 45 }), fc.boolean(), (n, vietnamese) => {
        const text = vietnamese ? scaledToVietnamese(n, 0) : scaledToEnglish(n, 0);
        expect(parseQuantity(text, 0)).toEqual(value(n));
      }),
    );
  });
});

describe('unit_count cells', () => {
  it.each([
    ['có', 'commune', 1],
    ['Có', 'commune', 1],
    ['co', 'commune', 1],
    ['x', 'commune', 1],
    ['1', 'commune', 1],
    ['true', 'commune', 1],
    ['không', 'commune', 0],
    ['khong', 'commune', 0],
    ['0', 'commune', 0],
    ['false', 'commune', 0],
    ['14', 'district', 14],
  ] as const)('%s from a %s is %d', (cell, level, expected) => {
    expect(parseYesNoOrCount(cell, level)).toEqual(value(expected));
  });

  it('a commune cannot answer 14', () => {
    expect(parseYesNoOrCount('14', 'commune')).toMatchObject({ status: 'invalid', code: 'bad-yes-no' });
    expect(parseYesNoOrCount('có lẽ', 'commune')).toMatchObject({ status: 'invalid', code: 'bad-yes-no' });
  });
});

describe('machine numbers (JSON)', () => {
  it('takes a JSON number at face value: 17.429 is seventeen point four', () => {
    expect(parseMachineNumber(17.429, 0)).toMatchObject({ code: 'too-many-decimals' });
    expect(parseMachineNumber(23.7, 1)).toEqual(value(237));
    expect(parseMachineNumber(2.2, 2)).toEqual(value(220));
    expect(parseMachineNumber(-1, 0)).toMatchObject({ code: 'negative-number' });
    expect(parseMachineNumber(1e30, 0)).toMatchObject({ code: 'number-too-large' });
  });
});

describe('display', () => {
  it('writes exact decimals', () => {
    expect(scaledToPlain(237, 1)).toBe('23.7');
    expect(scaledToPlain(5, 2)).toBe('0.05');
    expect(scaledToVietnamese(17429, 0)).toBe('17.429');
    expect(scaledToVietnamese(2486005, 1)).toBe('248.600,5');
    expect(scaledToEnglish(2486005, 1)).toBe('248,600.5');
  });
});
