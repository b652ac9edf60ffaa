/**
 * The judicial ID (شناسه قضایی) given with a judicial e-account: 9, the province (2 digits), the
 * citizen's number (9 digits) and a Verhoeff check digit — unique per citizen, checkable by eye.
 */
import { withCheckDigit } from './check-digit';

export function judicialIdFor(provinceId: number, citizenId: number): string {
  return withCheckDigit(`9${String(provinceId).padStart(2, '0')}${String(citizenId).padStart(9, '0')}`);
}
