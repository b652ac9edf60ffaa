import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '#core/check-digit';
import { addDaysIso, weekdayOfIso } from '#core/jalali';
import { FRIDAY } from '#core/deadlines';
import { caseNumberOf } from '#server/modules/court/decisions';
import { trackingCodeFor } from '#server/modules/filings/service';
import { CASE_PARTIES, FILINGS, NOTICE_DELIVERIES, copyLine } from './copy-text';
import {
  history,
  historicalCaseNumber,
  historicalTrackingCode,
  tehranDay,
  type FilingBundle,
  type HistoryInput,
} from './history';
import { syntheticNationalId } from './ids';

const FROM = Date.UTC(2024, 2, 20) - 3.5 * 3_600_000;
const TO = Date.UTC(2026, 10, 29);

function input(overrides: Partial<HistoryInput> = {}): HistoryInput {
  return {
    seed: 1,
    filings: 3_000,
    start: {
      filingId: 11,
      partyId: 21,
      caseId: 31,
      casePartyId: 41,
      noticeId: 51,
      deliveryId: 61,
      serviceRecordId: 71,
    },
    fromMs: FROM,
    toMs: TO,
    offices: [
      { id: 8, provinceId: 1, operators: [100, 101, 102, 103] },
      { id: 9, provinceId: 1, operators: [104, 105] },
      { id: 10, provinceId: 3, operators: [106, 107] },
    ],
    courts: [
      { id: 4, code: 'THR-GEN-02', kind: 'general', provinceId: 1, branches: 12, clerks: [200], judges: [201] },
      { id: 5, code: 'THR-APP-02', kind: 'appeals', provinceId: 1, branches: 5, clerks: [202], judges: [203] },
      { id: 6, code: 'ESF-GEN-02', kind: 'general', provinceId: 3, branches: 3, clerks: [204], judges: [205] },
    ],
    provinces: [
      { provinceId: 1, citizenStart: 4, count: 400 },
      { provinceId: 3, citizenStart: 404, count: 100 },
    ],
    userOfCitizen: (id) => 1_000 + id,
    citizen: (id) => ({ name: `شهروند ${id}`, nationalId: syntheticNationalId('citizen', id - 4) }),
    outsider: (k, rng) => ({ name: `طرف ${rng.int(1, 9)}`, nationalId: syntheticNationalId('citizen', 500 + k) }),
    feeRials: (_service, parties) => ({ totalRials: 700_000 + Math.max(0, parties - 2) * 100_000, scheduleId: 1 }),
    deadlineDays: { summons: null, notification: 10, decision: 20, order: 10 },
    holidays: new Set(['2025-03-21', '2025-03-22']),
    ...overrides,
  };
}

const all = (i: HistoryInput) => [...history(i)];

describe('historical filings', () => {
  it('use the app’s tracking-code and case-number rules, with valid check digits', () => {
    const day = '2025-06-01';
    expect(historicalTrackingCode(1404, 7, 123)).toBe(trackingCodeFor({ id: 123, provinceId: 7 }, day));
    expect(hasValidCheckDigit(historicalTrackingCode(1403, 1, 99_999_999))).toBe(true);
    expect(historicalCaseNumber(1404, 'THR-GEN-02', 42)).toBe(caseNumberOf(1404, 'THR-GEN-02', 42));
  });

  it('are the same for the same seed and differ for another', () => {
    const a = all(input());
    const b = all(input());
    expect(b).toEqual(a);
    const c = all(input({ seed: 2 }));
    expect(c.map((x) => x.filing.createdAt)).not.toEqual(a.map((x) => x.filing.createdAt));
  });

  it('take consecutive ids from the starting ids, in time order', () => {
    const bundles = all(input());
    expect(bundles.map((b) => b.filing.id)).toEqual(bundles.map((_, i) => 11 + i));
    const parties = bundles.flatMap((b) => b.parties);
    expect(parties.map((p) => p.id)).toEqual(parties.map((_, i) => 21 + i));
    const deliveries = bundles.flatMap((b) => b.deliveries);
    expect(deliveries.map((d) => d.id)).toEqual(deliveries.map((_, i) => 61 + i));
    const created = bundles.map((b) => tehranDay(Date.parse(b.filing.createdAt)));
    expect([...created].sort()).toEqual(created);
    expect(new Set(bundles.map((b) => b.filing.trackingCode)).size).toBe(bundles.length);
    expect(new Set(bundles.flatMap((b) => (b.kase ? [b.kase.caseNumber] : []))).size).toBe(
      bundles.filter((b) => b.kase).length,
    );
  });

  it('hold together: parties, service record, case, notices and deliveries of each filing', () => {
    const bundles = all(input());
    const check = (b: FilingBundle) => {
      const f = b.filing;
      expect(hasValidCheckDigit(f.trackingCode)).toBe(true);
      expect(Date.parse(f.createdAt)).toBeGreaterThanOrEqual(FROM);
      expect(Date.parse(f.submittedAt)).toBeLessThan(TO);
      expect(weekdayOfIso(tehranDay(Date.parse(f.createdAt)))).not.toBe(FRIDAY);
      expect(b.parties.length).toBeGreaterThanOrEqual(2);
      expect(b.parties.length).toBeLessThanOrEqual(4);
      expect(b.parties[0].citizenId).toBe(f.applicantCitizenId);
      expect(b.parties.every((p) => p.filingId === f.id && p.name && p.nationalId)).toBe(true);
      expect(f.totalRials).toBe(700_000 + (b.parties.length - 2) * 100_000);
      expect(b.serviceRecord).toMatchObject({
        filingId: f.id,
        citizenId: f.applicantCitizenId,
        amountRials: f.totalRials,
        createdAt: f.submittedAt,
      });
      if (f.channel === 'office') {
        expect(f.officeId).not.toBeNull();
        expect(b.serviceRecord.operatorUserId).toBe(f.createdBy);
      } else {
        expect(f.createdBy).toBe(1_000 + f.applicantCitizenId);
      }
      if (f.status === 'accepted') {
        expect(b.kase).toMatchObject({
          filingId: f.id,
          caseNumber: f.caseNumber,
          courtId: f.courtId,
          branch: f.branch,
        });
        expect(b.caseParties.map((p) => [p.role, p.citizenId, p.name])).toEqual(
          b.parties.map((p) => [p.role, p.citizenId, p.name]),
        );
        expect(b.notices.length).toBeLessThanOrEqual(2);
        for (const n of b.notices) {
          const copies = b.deliveries.filter((d) => d.noticeId === n.id);
          expect(copies.map((d) => d.citizenId)).toEqual(
            b.parties.filter((p) => p.citizenId != null).map((p) => p.citizenId),
          );
          for (const d of copies) {
            if (d.deliveredAt == null) {
              expect(d.deadlineDate).toBeNull();
              continue;
            }
            expect(d.deliveredAt >= n.issuedAt).toBe(true);
            if (d.deadlineDays != null) {
              // Art. 445: neither the day of delivery nor the day of the action counts — the earliest last day is
              // delivery + limit + 1; Art. 444 only ever moves it later, off a Friday or a holiday.
              expect(d.deadlineDate! >= addDaysIso(tehranDay(Date.parse(d.deliveredAt)), d.deadlineDays + 1)).toBe(
                true,
              );
              expect(weekdayOfIso(d.deadlineDate!)).not.toBe(FRIDAY);
              expect(input().holidays.has(d.deadlineDate!)).toBe(false);
            }
          }
        }
      } else {
        expect(b.kase).toBeNull();
        expect(b.notices).toEqual([]);
        expect(f.caseNumber).toBeNull();
      }
      if (f.status === 'submitted') expect(f.decidedAt).toBeNull();
      if (f.status === 'returned') expect(f.returnReasons).toBeTruthy();
    };
    bundles.forEach(check);
    const share = (status: string) => bundles.filter((b) => b.filing.status === status).length / bundles.length;
    expect(share('accepted')).toBeGreaterThan(0.85);
    expect(share('returned')).toBeGreaterThan(0.03);
    expect(share('submitted')).toBeGreaterThan(0);
    expect(bundles.filter((b) => b.filing.serviceCode === 'petition').length).toBeGreaterThan(bundles.length * 0.35);
    expect(bundles.filter((b) => b.filing.channel === 'online').length).toBeGreaterThan(0);
    expect(bundles.flatMap((b) => b.parties).some((p) => p.citizenId == null)).toBe(true);
    expect(bundles.flatMap((b) => b.deliveries).filter((d) => d.deliveredAt != null).length).toBeGreaterThan(
      bundles.flatMap((b) => b.deliveries).length * 0.8,
    );
  });

  it('write COPY lines with NULLs for what is unknown', () => {
    const [b] = all(input({ filings: 1 }));
    const line = copyLine(FILINGS, b.filing);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.split('\t')).toHaveLength(FILINGS.columns.length);
    expect(
      copyLine(CASE_PARTIES, { id: 1, caseId: 2, role: 'defendant', citizenId: null, name: 'x', nationalId: '1' }),
    ).toBe('1\t2\tdefendant\t\\N\tx\t1\n');
    expect(
      copyLine(NOTICE_DELIVERIES, {
        id: 1,
        noticeId: 2,
        citizenId: 3,
        provinceId: 1,
        deliveredAt: null,
        deliveredChannel: null,
        deliveredOfficeId: null,
        deliveredBy: null,
        deadlineDays: null,
        deadlineDate: null,
      }),
    ).toBe('1\t2\t3\t1\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\n');
  });
});
