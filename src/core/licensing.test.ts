import { describe, expect, it } from 'vitest';
import { isoToJalali } from './jalali';
import {
  CE_HOURS_FOR_RENEWAL,
  EXPIRY_WARNING_DAYS,
  addJalaliYears,
  daysBetween,
  effectiveStatus,
  expiryForIssue,
  isSuspendedOn,
  licenceNumber,
  nextLicenceSequence,
  renewedExpiry,
} from './licensing';

const DAY = '2026-11-29';

describe('effective status of a licence', () => {
  it('is active with more than the warning period left', () => {
    expect(effectiveStatus({ status: 'active', expiresOn: '2027-06-01' }, DAY)).toBe('active');
  });
  it('is expiring with 30 days or fewer left, including the last day', () => {
    expect(effectiveStatus({ status: 'active', expiresOn: '2026-12-29' }, DAY)).toBe('expiring');
    expect(effectiveStatus({ status: 'active', expiresOn: '2026-12-30' }, DAY)).toBe('active');
    expect(effectiveStatus({ status: 'active', expiresOn: DAY }, DAY)).toBe('expiring');
  });
  it('is expired the day after its expiry', () => {
    expect(effectiveStatus({ status: 'active', expiresOn: '2026-11-28' }, DAY)).toBe('expired');
  });
  it('is suspended while a suspension runs, and counts it as lifted after its end date', () => {
    expect(effectiveStatus({ status: 'suspended', expiresOn: '2027-06-01', suspendedUntil: null }, DAY)).toBe(
      'suspended',
    );
    expect(effectiveStatus({ status: 'suspended', expiresOn: '2027-06-01', suspendedUntil: DAY }, DAY)).toBe(
      'suspended',
    );
    expect(effectiveStatus({ status: 'suspended', expiresOn: '2027-06-01', suspendedUntil: '2026-11-28' }, DAY)).toBe(
      'active',
    );
    expect(isSuspendedOn({ status: 'suspended', expiresOn: '2027-06-01', suspendedUntil: '2026-11-28' }, DAY)).toBe(
      false,
    );
  });
  it('a suspension shows before an expiry, and a revocation before everything', () => {
    expect(effectiveStatus({ status: 'suspended', expiresOn: '2026-01-01' }, DAY)).toBe('suspended');
    expect(effectiveStatus({ status: 'revoked', expiresOn: '2027-06-01' }, DAY)).toBe('revoked');
    expect(effectiveStatus({ status: 'revoked', expiresOn: '2026-01-01' }, DAY)).toBe('revoked');
  });
  it('the warning period is the 30 days the reminders use', () => {
    expect(EXPIRY_WARNING_DAYS).toBe(30);
    expect(daysBetween(DAY, '2026-12-29')).toBe(30);
    expect(daysBetween(DAY, '2026-11-28')).toBe(-1);
  });
});

describe('validity and renewal', () => {
  it('a licence issued today is valid through the day before the same Jalali day next year', () => {
    const expires = expiryForIssue(DAY);
    const issued = isoToJalali(DAY);
    const end = isoToJalali(expires);
    expect(end.jy).toBe(issued.jy + 1);
    expect(daysBetween(DAY, expires)).toBeGreaterThanOrEqual(364);
    expect(daysBetween(DAY, expires)).toBeLessThanOrEqual(365);
  });
  it('Esfand 30 of a leap year falls back to Esfand 29 the next year', () => {
    // 1403 is a leap year in the Jalali calendar: 1403-12-30 is 2025-03-20.
    expect(isoToJalali(addJalaliYears('2025-03-20', 1))).toEqual({ jy: 1404, jm: 12, jd: 29 });
  });
  it('an early renewal extends from the current expiry, losing nothing', () => {
    const next = renewedExpiry('2026-12-20', DAY);
    expect(isoToJalali(next).jy).toBe(isoToJalali('2026-12-20').jy + 1);
    expect(daysBetween('2026-12-20', next)).toBeGreaterThanOrEqual(365);
    expect(daysBetween('2026-12-20', next)).toBeLessThanOrEqual(366);
  });
  it('a late renewal runs from the renewal day, not backdated to the old expiry', () => {
    expect(renewedExpiry('2026-01-10', DAY)).toBe(expiryForIssue(DAY));
  });
  it('renewal needs eight continuing-education hours', () => {
    expect(CE_HOURS_FOR_RENEWAL).toBe(8);
  });
});

describe('licence numbers', () => {
  it('are the office code and a four-digit sequence', () => {
    expect(licenceNumber('11001', 7)).toBe('11001-0007');
    expect(licenceNumber('11001', 12345)).toBe('11001-12345');
    expect(() => licenceNumber('11001', 0)).toThrow(RangeError);
  });
  it('continue after the highest number of the same office, ignoring other offices and forms', () => {
    expect(nextLicenceSequence('11001', [])).toBe(1);
    expect(nextLicenceSequence('11001', ['11001-0001', '11001-0009', '11002-0040', '11001-T12-3', '110011-0099'])).toBe(
      10,
    );
  });
});
