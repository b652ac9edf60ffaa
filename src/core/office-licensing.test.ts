import { describe, expect, it } from 'vitest';
import {
  decisionOutcome,
  founderQualificationProblems,
  isInsideIran,
  isQualifiedFounder,
  nextOfficeCode,
  reviewOutcome,
} from './office-licensing';
import { openingHoursProblems, sortedOpeningHours } from './office-hours';
import { competencyChangeProblem, competencyInForce, grantEffect, officeStatusChangeProblem } from './office-status';

describe('founder qualification', () => {
  it('a bachelor or higher in law, fiqh or judicial sciences qualifies', () => {
    for (const level of ['bachelor', 'master', 'doctorate'] as const) {
      for (const field of ['law', 'fiqh', 'judicial-sciences'] as const)
        expect(isQualifiedFounder({ level, field }), `${level} ${field}`).toBe(true);
    }
  });
  it('an associate degree in law does not qualify, for its level', () => {
    expect(founderQualificationProblems({ level: 'associate', field: 'law' })).toEqual(['degree_level_too_low']);
  });
  it('a doctorate in another field does not qualify, for its field', () => {
    expect(founderQualificationProblems({ level: 'doctorate', field: 'other' })).toEqual([
      'degree_field_not_qualifying',
    ]);
  });
  it('a diploma in another field fails on both counts', () => {
    expect(founderQualificationProblems({ level: 'diploma', field: 'other' })).toEqual([
      'degree_level_too_low',
      'degree_field_not_qualifying',
    ]);
  });
});

describe('proposed location', () => {
  it('Tehran and the corners of the box are inside, Baghdad and Kabul outside', () => {
    expect(isInsideIran({ lat: 35.7, lon: 51.4 })).toBe(true);
    expect(isInsideIran({ lat: 25, lon: 63.5 })).toBe(true);
    expect(isInsideIran({ lat: 33.3, lon: 44.4 - 1 })).toBe(false);
    expect(isInsideIran({ lat: 34.5, lon: 69.2 })).toBe(false);
    expect(isInsideIran({ lat: 40.1, lon: 50 })).toBe(false);
  });
});

describe('licence numbers', () => {
  it('the next Tehran office after 11001–11003 is 11004; other series do not count', () => {
    expect(nextOfficeCode(1, ['11001', '11003', '11002', '13001', '12001'])).toBe('11004');
  });
  it('the first office of a province is 001 of its series', () => {
    expect(nextOfficeCode(31, ['11001'])).toBe('41001');
  });
  it('a longer series keeps growing, and malformed codes are ignored', () => {
    expect(nextOfficeCode(3, ['13999', '13abc', '13'])).toBe('131000');
    expect(nextOfficeCode(3, ['131000', '13999'])).toBe('131001');
  });
});

describe('application steps', () => {
  it('the association reviews a submitted application once', () => {
    expect(reviewOutcome('submitted', true)).toBe('recommended');
    expect(reviewOutcome('submitted', false)).toBe('not-recommended');
    expect(reviewOutcome('recommended', true)).toBeNull();
    expect(reviewOutcome('approved', false)).toBeNull();
  });
  it('the regulator decides only after the review, whatever it recommended', () => {
    expect(decisionOutcome('recommended', true)).toBe('approved');
    expect(decisionOutcome('not-recommended', true)).toBe('approved');
    expect(decisionOutcome('recommended', false)).toBe('rejected');
    expect(decisionOutcome('submitted', true)).toBeNull();
    expect(decisionOutcome('approved', true)).toBeNull();
    expect(decisionOutcome('rejected', true)).toBeNull();
  });
});

describe('opening hours', () => {
  it('a normal week with a split Thursday is fine; touching periods do not overlap', () => {
    expect(
      openingHoursProblems([
        { day: 0, opens: '08:00', closes: '12:00' },
        { day: 0, opens: '12:00', closes: '16:00' },
        { day: 5, opens: '08:00', closes: '13:00' },
      ]),
    ).toEqual([]);
  });
  it('closing before opening, bad times and bad days are named by index and field', () => {
    expect(
      openingHoursProblems([
        { day: 1, opens: '17:00', closes: '08:00' },
        { day: 7, opens: '25:00', closes: '8:00' },
      ]),
    ).toEqual([
      { index: 0, field: 'closes', problem: 'closes_before_opens' },
      { index: 1, field: 'day', problem: 'invalid_day' },
      { index: 1, field: 'opens', problem: 'invalid_time' },
      { index: 1, field: 'closes', problem: 'invalid_time' },
    ]);
    expect(openingHoursProblems([{ day: 2, opens: '09:00', closes: '09:00' }])).toEqual([
      { index: 0, field: 'closes', problem: 'closes_before_opens' },
    ]);
  });
  it('two overlapping periods of a day are refused; the same hours on different days are not', () => {
    expect(
      openingHoursProblems([
        { day: 3, opens: '08:00', closes: '13:00' },
        { day: 4, opens: '08:00', closes: '13:00' },
        { day: 3, opens: '12:30', closes: '17:00' },
      ]),
    ).toEqual([{ index: 2, field: 'opens', problem: 'overlapping_hours', overlaps: 0 }]);
  });
  it('sorts by day then opening time', () => {
    expect(
      sortedOpeningHours([
        { day: 2, opens: '14:00', closes: '15:00' },
        { day: 0, opens: '08:00', closes: '09:00' },
        { day: 2, opens: '08:00', closes: '09:00' },
      ]).map((p) => `${p.day}-${p.opens}`),
    ).toEqual(['0-08:00', '2-08:00', '2-14:00']);
  });
});

describe('office status changes', () => {
  it('suspend and close an active office with a reason; reinstate a suspended one without', () => {
    expect(officeStatusChangeProblem('active', 'suspended', 'بازرسی')).toBeNull();
    expect(officeStatusChangeProblem('active', 'closed', 'استعفا')).toBeNull();
    expect(officeStatusChangeProblem('suspended', 'active', null)).toBeNull();
    expect(officeStatusChangeProblem('suspended', 'closed', 'لغو پروانه')).toBeNull();
  });
  it('a suspension or closure without a reason is refused', () => {
    expect(officeStatusChangeProblem('active', 'suspended', '  ')).toBe('reason_required');
    expect(officeStatusChangeProblem('suspended', 'closed', undefined)).toBe('reason_required');
  });
  it('closure is final, and nothing moves to the status it already has', () => {
    expect(officeStatusChangeProblem('closed', 'active', 'x')).toBe('status_conflict');
    expect(officeStatusChangeProblem('closed', 'suspended', 'x')).toBe('status_conflict');
    expect(officeStatusChangeProblem('active', 'active', 'x')).toBe('status_conflict');
    expect(officeStatusChangeProblem('suspended', 'suspended', 'x')).toBe('status_conflict');
  });
});

describe('competencies', () => {
  it('active ↔ suspended, either to withdrawn; withdrawn only comes back through a grant', () => {
    expect(competencyChangeProblem('active', 'suspended', 'x')).toBeNull();
    expect(competencyChangeProblem('suspended', 'active', null)).toBeNull();
    expect(competencyChangeProblem('suspended', 'withdrawn', 'x')).toBeNull();
    expect(competencyChangeProblem('active', 'withdrawn', '')).toBe('reason_required');
    expect(competencyChangeProblem('withdrawn', 'active', 'x')).toBe('status_conflict');
    expect(competencyChangeProblem('active', 'active', 'x')).toBe('status_conflict');
  });
  it('is in force when active and the day falls within its dates', () => {
    const c = { status: 'active' as const, validFrom: '2025-03-21', validUntil: '2025-09-22' };
    expect(competencyInForce(c, '2025-03-21')).toBe(true);
    expect(competencyInForce(c, '2025-09-22')).toBe(true);
    expect(competencyInForce(c, '2025-03-20')).toBe(false);
    expect(competencyInForce(c, '2025-09-23')).toBe(false);
    expect(competencyInForce({ ...c, validUntil: null }, '2030-01-01')).toBe(true);
    expect(competencyInForce({ ...c, status: 'suspended' }, '2025-04-01')).toBe(false);
  });
  it('a grant reactivates a withdrawn competency but leaves a suspended or active one as it is', () => {
    expect(grantEffect(null)).toBe('grant');
    expect(grantEffect({ status: 'withdrawn' })).toBe('reactivate');
    expect(grantEffect({ status: 'suspended' })).toBe('already-held');
    expect(grantEffect({ status: 'active' })).toBe('already-held');
  });
});
