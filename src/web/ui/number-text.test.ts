import { describe, expect, it } from 'vitest';
import {
  digitsOnly,
  displayDigits,
  enteredNumber,
  formatNumberText,
  parseNumberText,
  retypeNumberText,
} from './number-text';

describe('numbers typed in any digits', () => {
  it('Persian, Arabic-Indic and Latin digits are the same number', () => {
    expect(parseNumberText('۱۲۳۴۵')).toBe(12345);
    expect(parseNumberText('١٢٣٤٥')).toBe(12345);
    expect(parseNumberText('12345')).toBe(12345);
    expect(parseNumberText('۱2۳4۵')).toBe(12345);
  });

  it('thousands separators of either script are ignored', () => {
    expect(parseNumberText('۱٬۲۵۰٬۰۰۰')).toBe(1250000);
    expect(parseNumberText('1,250,000')).toBe(1250000);
  });

  it('the Persian decimal separator is a decimal point, unless decimals are not allowed', () => {
    expect(parseNumberText('۱۲٫۵')).toBe(12.5);
    expect(parseNumberText('12.5')).toBe(12.5);
    expect(parseNumberText('۱۲٫۵', { allowDecimal: false })).toBe(125);
    expect(parseNumberText('3.14159', { decimalScale: 2 })).toBe(3.14);
  });

  it('an empty or unfinished field is no number', () => {
    expect(parseNumberText('')).toBeNull();
    expect(parseNumberText('-', { allowNegative: true })).toBeNull();
    expect(parseNumberText('abc')).toBeNull();
  });

  it('a minus counts only where negatives are allowed', () => {
    expect(parseNumberText('-۵', { allowNegative: true })).toBe(-5);
    expect(parseNumberText('-۵')).toBe(5);
  });
});

describe('numbers shown in the language of the page', () => {
  it('money in Persian: Persian digits and «٬» between thousands', () => {
    expect(formatNumberText(1250000, 'fa', { thousands: true })).toBe('۱٬۲۵۰٬۰۰۰');
    expect(formatNumberText(770000, 'fa', { thousands: true })).toBe('۷۷۰٬۰۰۰');
    expect(formatNumberText(999, 'fa', { thousands: true })).toBe('۹۹۹');
  });

  it('money in English: Latin digits and «,»', () => {
    expect(formatNumberText(1250000, 'en', { thousands: true })).toBe('1,250,000');
  });

  it('a plain number has no separators, and decimals use «٫» in Persian', () => {
    expect(formatNumberText(2024, 'fa')).toBe('۲۰۲۴');
    expect(formatNumberText(12.5, 'fa')).toBe('۱۲٫۵');
    expect(formatNumberText(12.5, 'en')).toBe('12.5');
  });
});

describe('the field while someone types', () => {
  it('a Latin digit typed on a Persian page is shown in Persian, regrouped', () => {
    // «۱۲۳۴» then «5» typed at the end.
    expect(retypeNumberText('۱٬۲۳۴5', 6, 'fa', { thousands: true })).toEqual({
      text: '۱۲٬۳۴۵',
      caret: 6,
      canonical: '12345',
    });
  });

  it('the caret stays after the same digit when a separator appears before it', () => {
    // «۱۲۳۴۵۶» with «7» typed after the «۱»: ۱7۲۳۴۵۶ → ۱٬۷۲۳٬۴۵۶, caret after «۷» (index 3).
    expect(retypeNumberText('۱7۲۳۴۵۶', 2, 'fa', { thousands: true })).toEqual({
      text: '۱٬۷۲۳٬۴۵۶',
      caret: 3,
      canonical: '1723456',
    });
  });

  it('a Persian digit typed on an English page is shown in Latin', () => {
    expect(retypeNumberText('12۳', 3, 'en', {})).toEqual({ text: '123', caret: 3, canonical: '123' });
  });

  it('letters are dropped', () => {
    expect(retypeNumberText('۱a۲', 3, 'fa', {})).toEqual({ text: '۱۲', caret: 2, canonical: '12' });
  });

  it('an unfinished decimal stays as typed', () => {
    expect(retypeNumberText('12.', 3, 'fa', {})).toEqual({ text: '۱۲٫', caret: 3, canonical: '12.' });
  });
});

describe('digit strings (codes)', () => {
  it('keep their value in Latin and show the page’s digits', () => {
    expect(digitsOnly('۰۹۱۲ ۳۴۵-67')).toBe('091234567');
    expect(displayDigits('0912', 'fa')).toBe('۰۹۱۲');
    expect(displayDigits('0912', 'en')).toBe('0912');
  });
});

describe('the number a numeric field gives a request', () => {
  it('a blank field gives no number, never 0, so the server can name it as required', () => {
    expect(enteredNumber('')).toBeUndefined();
    expect(enteredNumber(null)).toBeUndefined();
    expect(enteredNumber(undefined)).toBeUndefined();
  });

  it('an unfinished entry («-», «.») gives no number either', () => {
    expect(enteredNumber('-')).toBeUndefined();
    expect(enteredNumber('.')).toBeUndefined();
    expect(enteredNumber(Number.NaN)).toBeUndefined();
  });

  it('a number typed, 0 included, is that number', () => {
    expect(enteredNumber(0)).toBe(0);
    expect(enteredNumber(44)).toBe(44);
    expect(enteredNumber(-3.5)).toBe(-3.5);
  });

  it('a number held as text, in any digits, is read as the field reads it', () => {
    expect(enteredNumber('12.')).toBe(12);
    expect(enteredNumber('۱۲۵۰۰۰۰')).toBe(1250000);
    expect(enteredNumber('-7')).toBe(-7);
  });
});
