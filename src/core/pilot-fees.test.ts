import { describe, expect, it } from 'vitest';
import { pilotReach, type PilotFee } from './pilot-fees';

/** A pilot in Isfahan (3) from 26 Ordibehesht to 30 Azar 1405 (2026-05-16 … 2026-12-21). */
const isfahan: PilotFee = {
  code: 'mediation-request',
  titleFa: 'ثبت درخواست میانجی‌گری',
  titleEn: 'Request for mediation',
  amountRials: 900_000,
  onlineAmountRials: null,
  provinceIds: [3],
  validFrom: '2026-05-16',
  validUntil: '2026-12-21',
};

describe('pilot fees', () => {
  it('a service no pilot prices is left to the schedule', () => {
    expect(pilotReach([], 3, '2026-06-01')).toEqual({ kind: 'none' });
  });

  it("a pilot province's office is priced from the first to the last day of the pilot, both counted", () => {
    expect(pilotReach([isfahan], 3, '2026-05-16')).toEqual({ kind: 'in', pilot: isfahan });
    expect(pilotReach([isfahan], 3, '2026-12-21')).toEqual({ kind: 'in', pilot: isfahan });
  });

  it('another province, a day before the pilot, a day after it, or no province at all is outside it', () => {
    for (const [province, day] of [
      [8, '2026-06-01'],
      [3, '2026-05-15'],
      [3, '2026-12-22'],
      [null, '2026-06-01'],
    ] as const)
      expect(pilotReach([isfahan], province, day)).toEqual({ kind: 'outside', pilots: [isfahan] });
  });

  it('where two pilots cover a province, the later-starting one prices it', () => {
    const extended = { ...isfahan, provinceIds: [3, 8], amountRials: 950_000, validFrom: '2026-09-01' };
    expect(pilotReach([isfahan, extended], 3, '2026-10-01')).toEqual({ kind: 'in', pilot: extended });
    expect(pilotReach([isfahan, extended], 3, '2026-08-01')).toEqual({ kind: 'in', pilot: isfahan });
    expect(pilotReach([isfahan, extended], 8, '2026-08-01').kind).toBe('outside');
  });
});
