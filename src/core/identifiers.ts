/**
 * Iranian identifiers: national ID (کد ملی), mobile numbers and Sheba (IBAN).
 * Pure functions shared by the server's schemas, the web's live validation and the data generator.
 */
import { toLatinDigits } from './persian-digits';

/** Normalizes a typed national ID: Latin digits, no separators, left-padded to ten digits. */
export function normalizeNationalId(input: string): string {
  const digits = toLatinDigits(input).replace(/[\s-]/g, '');
  return /^\d{8,10}$/.test(digits) ? digits.padStart(10, '0') : digits;
}

/** The check digit of the first nine digits, by the civil registry's weighted sum mod 11. */
function nationalIdCheckDigit(firstNine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (10 - i);
  const r = sum % 11;
  return r < 2 ? r : 11 - r;
}

export function isValidNationalId(input: string): boolean {
  const id = normalizeNationalId(input);
  if (!/^\d{10}$/.test(id)) return false;
  // Ten equal digits pass the checksum but are never issued.
  if (/^(\d)\1{9}$/.test(id)) return false;
  return nationalIdCheckDigit(id.slice(0, 9)) === Number(id[9]);
}

/** Builds a valid national ID from nine digits (used by the data generator and tests). */
export function makeNationalId(firstNine: string): string {
  return firstNine + String(nationalIdCheckDigit(firstNine));
}

/** Company national ID (شناسه ملی اشخاص حقوقی): 11 digits, check digit over the tenth digit plus two. */
export function isValidLegalId(input: string): boolean {
  const id = toLatinDigits(input).trim();
  if (!/^\d{11}$/.test(id) || /^0{11}$/.test(id)) return false;
  const weights = [29, 27, 23, 19, 17];
  const d = Number(id[9]) + 2;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (Number(id[i]) + d) * weights[i % 5];
  let r = sum % 11;
  if (r === 10) r = 0;
  return r === Number(id[10]);
}

/** `09xxxxxxxxx`, or null when the input is not an Iranian mobile number. Accepts +98, 0098, 98 and 9 prefixes. */
export function normalizeMobile(input: string): string | null {
  const digits = toLatinDigits(input).replace(/[\s()-]/g, '');
  const m = /^(?:\+98|0098|98|0)?(9\d{9})$/.exec(digits);
  return m ? `0${m[1]}` : null;
}

export function isValidMobile(input: string): boolean {
  return normalizeMobile(input) !== null;
}

/** `IR` + 24 digits, upper case, no spaces. */
export function normalizeSheba(input: string): string {
  const s = toLatinDigits(input).replace(/[\s-]/g, '').toUpperCase();
  return /^\d{24}$/.test(s) ? `IR${s}` : s;
}

/** ISO 13616 check (mod 97 == 1) for an Iranian Sheba number. */
export function isValidSheba(input: string): boolean {
  const s = normalizeSheba(input);
  if (!/^IR\d{24}$/.test(s)) return false;
  // Move country code and check digits to the end; I=18, R=27.
  const rearranged = `${s.slice(4)}1827${s.slice(2, 4)}`;
  let rem = 0;
  for (const ch of rearranged) rem = (rem * 10 + Number(ch)) % 97;
  return rem === 1;
}

/** Masks a mobile number for display to someone who only needs to recognise it: 0912***6789. */
export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 4)}***${mobile.slice(7)}` : mobile;
}
