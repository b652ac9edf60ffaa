/**
 * Activity licences (پروانهٔ فعالیت) as pure rules: a licence's standing on a day, how far a
 * renewal extends it, and how licences are numbered. No I/O; the licences module and the web
 * pages share these.
 */
import * as jalaali from 'jalaali-js';
import { addDaysIso, isoToJalali, jalaliToIso } from './jalali';

/**
 * How long a licence runs from its issue (and a renewal from the later of the renewal day and the
 * current expiry): one Jalali year, the association's licensing period.
 */
const LICENCE_VALIDITY = { years: 1 } as const;

/**
 * Continuing-education hours a holder must have attended since the licence was last issued or
 * renewed before it may be renewed: the association's in-service training requirement.
 */
export const CE_HOURS_FOR_RENEWAL = 8;

/** A licence shows as "expiring" — and its holder is reminded — this many days before it runs out. */
export const EXPIRY_WARNING_DAYS = 30;

export type LicenceStatus = 'active' | 'suspended' | 'revoked';
export type EffectiveStatus = 'active' | 'expiring' | 'expired' | 'suspended' | 'revoked';
export const EFFECTIVE_STATUSES: readonly EffectiveStatus[] = ['active', 'expiring', 'expired', 'suspended', 'revoked'];

export interface LicenceStanding {
  status: LicenceStatus;
  /** ISO days (YYYY-MM-DD). The licence is valid through `expiresOn`. */
  expiresOn: string;
  suspendedUntil?: string | null;
}

/** Whole days from `fromIso` to `toIso` (negative when `toIso` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

/** Is a suspension in force on the day? One whose end date has passed counts as lifted. */
export function isSuspendedOn(licence: LicenceStanding, day: string): boolean {
  return licence.status === 'suspended' && (licence.suspendedUntil == null || licence.suspendedUntil >= day);
}

/**
 * What the licence is on the day, as people read it: revoked and suspended first (whatever the
 * date), then expired (after `expiresOn`), expiring (at most EXPIRY_WARNING_DAYS left), active.
 */
export function effectiveStatus(licence: LicenceStanding, day: string): EffectiveStatus {
  if (licence.status === 'revoked') return 'revoked';
  if (isSuspendedOn(licence, day)) return 'suspended';
  if (licence.expiresOn < day) return 'expired';
  if (daysBetween(day, licence.expiresOn) <= EXPIRY_WARNING_DAYS) return 'expiring';
  return 'active';
}

/** The same Jalali day `years` later (Esfand 30 falls back to the 29th in a common year). */
export function addJalaliYears(iso: string, years: number): string {
  const j = isoToJalali(iso);
  const jy = j.jy + years;
  const jd = Math.min(j.jd, jalaali.jalaaliMonthLength(jy, j.jm));
  return jalaliToIso({ jy, jm: j.jm, jd });
}

/** The last valid day of a licence issued on `issuedOn`. */
export function expiryForIssue(issuedOn: string): string {
  return addDaysIso(addJalaliYears(issuedOn, LICENCE_VALIDITY.years), -1);
}

/**
 * The new expiry after a renewal on `day`: one validity period from the later of the day and the
 * current expiry, so renewing early loses nothing and renewing late does not backdate the licence.
 */
export function renewedExpiry(currentExpiresOn: string, day: string): string {
  const base = currentExpiresOn >= day ? addDaysIso(currentExpiresOn, 1) : day;
  return expiryForIssue(base);
}

/** `${officeCode}-${seq4}`: the office's licence number and the next sequence number there, e.g. 11001-0007. */
export function licenceNumber(officeCode: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('licence sequence must be a positive integer');
  return `${officeCode}-${String(sequence).padStart(4, '0')}`;
}

/** The sequence after the highest one among existing numbers of this office (numbers of another form are ignored). */
export function nextLicenceSequence(officeCode: string, existingNumbers: readonly string[]): number {
  let max = 0;
  const prefix = `${officeCode}-`;
  for (const n of existingNumbers) {
    if (!n.startsWith(prefix)) continue;
    const rest = n.slice(prefix.length);
    if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  return max + 1;
}
