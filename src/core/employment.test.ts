import { describe, expect, it } from 'vitest';
import {
  alertKey,
  contractConflict,
  periodsOverlap,
  workforceStats,
  type StatsContract,
  type StatsInsurance,
} from './employment';

describe('periodsOverlap', () => {
  it('treats the ends as inclusive and a null end as running on', () => {
    expect(
      periodsOverlap({ startsOn: '2025-01-01', endsOn: '2025-06-30' }, { startsOn: '2025-06-30', endsOn: null }),
    ).toBe(true);
    expect(
      periodsOverlap({ startsOn: '2025-01-01', endsOn: '2025-06-29' }, { startsOn: '2025-06-30', endsOn: null }),
    ).toBe(false);
    expect(
      periodsOverlap({ startsOn: '2025-01-01', endsOn: null }, { startsOn: '2020-01-01', endsOn: '2024-12-31' }),
    ).toBe(false);
    expect(periodsOverlap({ startsOn: '2025-01-01', endsOn: null }, { startsOn: '2030-01-01', endsOn: null })).toBe(
      true,
    );
  });
});

describe('contractConflict', () => {
  const partTimeAt1 = { officeId: 1, fullTime: false, startsOn: '2025-01-01', endsOn: '2025-12-29' };
  it('refuses a second contract at the same office in the same period, whatever the hours', () => {
    expect(
      contractConflict([partTimeAt1], { officeId: 1, fullTime: false, startsOn: '2025-06-01', endsOn: null }),
    ).toBe('contract_overlap');
  });
  it('refuses any overlap with another office when either contract is full-time', () => {
    expect(contractConflict([partTimeAt1], { officeId: 2, fullTime: true, startsOn: '2025-06-01', endsOn: null })).toBe(
      'employed_full_time_elsewhere',
    );
    expect(
      contractConflict([{ ...partTimeAt1, fullTime: true }], {
        officeId: 2,
        fullTime: false,
        startsOn: '2025-06-01',
        endsOn: '2025-07-01',
      }),
    ).toBe('employed_full_time_elsewhere');
  });
  it('allows two part-time contracts at two offices, and anything after a termination', () => {
    expect(
      contractConflict([partTimeAt1], { officeId: 2, fullTime: false, startsOn: '2025-06-01', endsOn: null }),
    ).toBeNull();
    expect(
      contractConflict([{ ...partTimeAt1, fullTime: true, endsOn: null, terminatedOn: '2025-03-01' }], {
        officeId: 1,
        fullTime: true,
        startsOn: '2025-03-02',
        endsOn: null,
      }),
    ).toBeNull();
  });
});

describe('workforceStats', () => {
  const c = (userId: number, over: Partial<StatsContract> = {}): StatsContract => ({
    userId,
    officeId: 1,
    type: 'permanent',
    fullTime: true,
    monthlyWageRials: 300_000_000,
    startsOn: '2020-01-01',
    endsOn: null,
    ...over,
  });
  const ins = (userId: number, over: Partial<StatsInsurance> = {}): StatsInsurance => ({
    userId,
    officeId: 1,
    startsOn: '2020-01-01',
    endsOn: null,
    ...over,
  });
  const day = '2025-06-01';

  it('counts headcount, insurance coverage, types, full-time share and average wage of the contracts in force (hand-checked)', () => {
    const contracts = [
      c(1),
      c(2, { type: 'fixed-term', fullTime: false, monthlyWageRials: 100_000_000, endsOn: '2025-12-31' }),
      c(3, { type: 'hourly', fullTime: false, monthlyWageRials: 50_000_000 }),
      c(4, { endsOn: '2024-12-31', type: 'fixed-term' }), // ended within the window: a leaver
    ];
    // 1 insured here; 2 insured at another office only (does not count); 3 insurance lapsed last month.
    const insurance = [ins(1), ins(2, { officeId: 9 }), ins(3, { endsOn: '2025-05-01' })];
    const s = workforceStats(contracts, insurance, day);
    expect(s.headcount).toBe(3);
    expect(s.insured).toBe(1);
    expect(s.coverageRate).toBe(0.3333);
    expect(s.contractTypes).toEqual({ permanent: 1, 'fixed-term': 1, probation: 0, hourly: 1 });
    expect(s.fullTimeShare).toBe(0.3333);
    expect(s.averageWageRials).toBe(150_000_000); // (300 + 100 + 50) / 3 million
    // On 2024-06-01 four people were employed, today three: average 3.5; one leaver → 1 / 3.5.
    expect(s.leavers).toBe(1);
    expect(s.turnover).toBe(0.2857);
  });

  it('counts a termination as leaving on its day, and ignores ends outside the last twelve months', () => {
    const contracts = [c(1, { terminatedOn: '2025-05-31' }), c(2, { endsOn: '2024-05-31' }), c(3)];
    const s = workforceStats(contracts, [], day);
    expect(s.headcount).toBe(1);
    expect(s.leavers).toBe(1);
    expect(s.turnover).toBe(0.6667); // average of 2 (a year ago: 1 and 3) and 1 today
    expect(s.insured).toBe(0);
    expect(s.coverageRate).toBe(0);
  });

  it('has no rates for an office without staff', () => {
    const s = workforceStats([], [], day);
    expect(s).toMatchObject({
      headcount: 0,
      coverageRate: null,
      fullTimeShare: null,
      averageWageRials: null,
      turnover: null,
    });
  });
});

describe('alertKey', () => {
  it('names the kind, the record and the day, so a moved end date is a new alert', () => {
    expect(alertKey('contract-ending', 7, '2025-06-30')).toBe('contract-ending:7:2025-06-30');
    expect(alertKey('insurance-lapsed', 7, null)).toBe('insurance-lapsed:7:-');
  });
});
