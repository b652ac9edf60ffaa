import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit, withCheckDigit } from './check-digit';
import {
  isValidLegalId,
  isValidMobile,
  isValidNationalId,
  isValidSheba,
  makeNationalId,
  maskMobile,
  normalizeMobile,
  normalizeNationalId,
  normalizeSheba,
} from './identifiers';
import {
  addDaysIso,
  formatJalali,
  isoToJalali,
  jalaliToIso,
  parseJalaliDate,
  tehranIsoDate,
  weekdayOfIso,
} from './jalali';
import { assertRials, formatRials } from './money';
import { toLatinDigits, toPersianDigits } from './persian-digits';

describe('persian digits', () => {
  it('converts Persian and Arabic-Indic digits to Latin and back', () => {
    expect(toLatinDigits('۰۹۱۲-٣٤٥')).toBe('0912-345');
    expect(toPersianDigits('1403/05/01')).toBe('۱۴۰۳/۰۵/۰۱');
  });
});

describe('national ID', () => {
  it('accepts a checksum-valid ID typed in Persian digits', () => {
    expect(isValidNationalId('۰۴۹۹۳۷۰۸۹۹')).toBe(true);
    expect(isValidNationalId('0499370899')).toBe(true);
  });
  it('rejects a wrong check digit, wrong length, letters and repeated digits', () => {
    expect(isValidNationalId('0499370898')).toBe(false);
    expect(isValidNationalId('12345')).toBe(false);
    expect(isValidNationalId('04993708a9')).toBe(false);
    expect(isValidNationalId('1111111111')).toBe(false);
  });
  it('pads IDs that lost their leading zeros', () => {
    expect(normalizeNationalId('499370899')).toBe('0499370899');
  });
  it('makes valid IDs from any nine digits', () => {
    for (const nine of ['000000001', '123456789', '987654321', '555000111']) {
      expect(isValidNationalId(makeNationalId(nine))).toBe(true);
    }
  });
  it('checks company national IDs', () => {
    expect(isValidLegalId('10380284790')).toBe(true);
    expect(isValidLegalId('10380284791')).toBe(false);
  });
});

describe('mobile', () => {
  it('normalizes +98, 0098, 98 and bare forms to 09…', () => {
    for (const m of ['09121234567', '+989121234567', '00989121234567', '989121234567', '9121234567', '۰۹۱۲۱۲۳۴۵۶۷']) {
      expect(normalizeMobile(m)).toBe('09121234567');
    }
  });
  it('rejects landlines and short numbers', () => {
    expect(isValidMobile('02112345678')).toBe(false);
    expect(isValidMobile('0912123')).toBe(false);
  });
  it('masks the middle digits', () => {
    expect(maskMobile('09121234567')).toBe('0912***4567');
  });
});

describe('sheba', () => {
  it('accepts a valid Sheba with or without IR and spaces', () => {
    expect(isValidSheba('IR820540102680020817909002')).toBe(true);
    expect(isValidSheba('ir82 0540 1026 8002 0817 9090 02')).toBe(true);
    expect(normalizeSheba('820540102680020817909002')).toBe('IR820540102680020817909002');
  });
  it('rejects a changed digit', () => {
    expect(isValidSheba('IR820540102680020817909003')).toBe(false);
    expect(isValidSheba('DE820540102680020817909002')).toBe(false);
  });
});

describe('check digits', () => {
  it('round-trips and catches single-digit errors and adjacent transpositions', () => {
    const code = withCheckDigit('1403000123');
    expect(hasValidCheckDigit(code)).toBe(true);
    for (let i = 0; i < code.length; i++) {
      const wrong = code.slice(0, i) + String((Number(code[i]) + 3) % 10) + code.slice(i + 1);
      expect(hasValidCheckDigit(wrong)).toBe(false);
    }
    for (let i = 0; i < code.length - 1; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      expect(hasValidCheckDigit(swapped)).toBe(false);
    }
  });
});

describe('jalali', () => {
  it('parses the forms people type and rejects impossible days', () => {
    expect(parseJalaliDate('1403-05-01')).toEqual({ jy: 1403, jm: 5, jd: 1 });
    expect(parseJalaliDate('۱۴۰۳/۵/۱')).toEqual({ jy: 1403, jm: 5, jd: 1 });
    expect(parseJalaliDate('1403-07-31')).toBeNull(); // autumn months have 30 days
    expect(parseJalaliDate('1403-13-01')).toBeNull();
    expect(parseJalaliDate('yesterday')).toBeNull();
  });
  it('converts between Jalali and Gregorian', () => {
    expect(jalaliToIso({ jy: 1403, jm: 1, jd: 1 })).toBe('2024-03-20');
    expect(isoToJalali('2026-11-29')).toEqual({ jy: 1405, jm: 9, jd: 8 });
  });
  it('takes the legal day in Tehran, not in UTC', () => {
    // 21:00 UTC is already the next day in Tehran (UTC+3:30).
    expect(tehranIsoDate(new Date('2026-11-28T21:00:00Z'))).toBe('2026-11-29');
  });
  it('formats in Persian with the Persian calendar', () => {
    expect(formatJalali('2024-03-20', 'fa')).toBe('۱ فروردین ۱۴۰۳');
  });
  it('adds calendar days and knows Fridays', () => {
    expect(addDaysIso('2024-03-19', 2)).toBe('2024-03-21');
    expect(weekdayOfIso('2026-11-27')).toBe(5);
  });
});

describe('money', () => {
  it('keeps Rials whole and formats them for people', () => {
    expect(() => assertRials(1.5)).toThrow();
    expect(formatRials(770000)).toBe('۷۷۰٬۰۰۰ ریال');
    expect(formatRials(770000, 'en')).toBe('770,000 IRR');
  });
});
