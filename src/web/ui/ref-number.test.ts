import { describe, expect, it } from 'vitest';
import { isolatedRefNumber, refNumberText } from './ref-number.ts';

describe('reference numbers in one digit script per locale', () => {
  it('a case number written in Latin digits reads in Persian digits in fa, separators in place', () => {
    expect(refNumberText('1404/12/345', 'fa')).toBe('۱۴۰۴/۱۲/۳۴۵');
    expect(refNumberText('9909-0021-7', 'fa')).toBe('۹۹۰۹-۰۰۲۱-۷');
  });

  it('a reference stored with Persian or Arabic-Indic digits, or mixed, comes out in one script', () => {
    expect(refNumberText('۱۴۰۴/12/٣٤٥', 'fa')).toBe('۱۴۰۴/۱۲/۳۴۵');
    expect(refNumberText('۱۴۰۴/12/٣٤٥', 'en')).toBe('1404/12/345');
    expect(refNumberText('۹۹۰۹-۰۰۲۱-۷', 'en')).toBe('9909-0021-7');
  });

  it('letters, spaces and a number given as a number are kept', () => {
    expect(refNumberText('TR-2026 0042', 'fa')).toBe('TR-۲۰۲۶ ۰۰۴۲');
    expect(refNumberText(140400123, 'fa')).toBe('۱۴۰۴۰۰۱۲۳');
    expect(refNumberText(140400123, 'en')).toBe('140400123');
  });

  it('in a sentence the reference sits in a left-to-right isolate', () => {
    expect(isolatedRefNumber('1404/12/345', 'fa')).toBe('\u2066۱۴۰۴/۱۲/۳۴۵\u2069');
    expect(isolatedRefNumber('۱۴۰۴-7', 'en')).toBe('\u20661404-7\u2069');
  });
});
