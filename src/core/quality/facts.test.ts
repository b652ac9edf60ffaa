import { describe, expect, it } from 'vitest';
import { median, monthFacts, nearestRank, operatorFacts, share, type MonthRecords } from './facts';

// Tehran keeps UTC+03:30 all year (no daylight saving since 1401).
const tehran = (isoDay: string, hhmm: string) => new Date(`${isoDay}T${hhmm}:00+03:30`);

const empty: MonthRecords = { tickets: [], decisions: [], submissions: [], payments: [], notices: [], surveys: [] };

describe('percentiles and shares', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 5, 40])).toBe(5);
    expect(median([3, 5, 7, 40])).toBe(6);
    expect(median([])).toBeNull();
  });

  it('gives the nearest-rank 90th percentile: of ten values the ninth, of three the third', () => {
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(nearestRank([4, 8, 15], 90)).toBe(15);
    expect(nearestRank([], 90)).toBeNull();
  });

  it('writes a share in percent with one decimal, and none of nothing', () => {
    expect(share(1, 3)).toEqual({ count: 3, part: 1, percent: 33.3 });
    expect(share(2, 3)).toEqual({ count: 3, part: 2, percent: 66.7 });
    expect(share(0, 0)).toEqual({ count: 0, part: 0, percent: null });
  });
});

describe("an office's month", () => {
  it('measures waiting from issue to call and service from call to done, each on the tickets it applies to', () => {
    const facts = monthFacts({
      ...empty,
      tickets: [
        // waited 12 minutes, served in 8
        {
          createdAt: tehran('2026-04-05', '09:00'),
          calledAt: tehran('2026-04-05', '09:12'),
          doneAt: tehran('2026-04-05', '09:20'),
          status: 'done',
          servedBy: 7,
        },
        // waited 30, served in 20
        {
          createdAt: tehran('2026-04-05', '09:05'),
          calledAt: tehran('2026-04-05', '09:35'),
          doneAt: tehran('2026-04-05', '09:55'),
          status: 'done',
          servedBy: 8,
        },
        // waited 4, still at the desk: a wait but no service time yet
        {
          createdAt: tehran('2026-04-06', '10:00'),
          calledAt: tehran('2026-04-06', '10:04'),
          doneAt: null,
          status: 'serving',
          servedBy: 7,
        },
        // left before being called
        { createdAt: tehran('2026-04-06', '10:01'), calledAt: null, doneAt: null, status: 'cancelled', servedBy: null },
      ],
    });
    expect(facts.waiting).toEqual({ count: 3, medianMinutes: 12, p90Minutes: 30 });
    expect(facts.service).toEqual({ count: 2, medianMinutes: 14, p90Minutes: 20 });
    expect(facts.ticketsCancelled).toEqual({ count: 4, part: 1, percent: 25 });
  });

  it("counts the court's returns with their reasons, most frequent first", () => {
    const facts = monthFacts({
      ...empty,
      decisions: [
        { returned: true, reasons: 'نشانی خوانده کامل نیست.', submittedBy: 7 },
        { returned: false, reasons: null, submittedBy: 7 },
        { returned: true, reasons: 'خواسته تقویم نشده است.', submittedBy: 8 },
        { returned: true, reasons: ' نشانی خوانده کامل نیست.', submittedBy: 8 },
        { returned: false, reasons: null, submittedBy: null },
      ],
    });
    expect(facts.returned).toEqual({
      count: 5,
      part: 3,
      percent: 60,
      reasons: [
        { reasons: 'نشانی خوانده کامل نیست.', count: 2 },
        { reasons: 'خواسته تقویم نشده است.', count: 1 },
      ],
    });
  });

  it('counts a submission the same day by the Tehran calendar: paid 23:50 and submitted 00:10 are two days', () => {
    const facts = monthFacts({
      ...empty,
      submissions: [
        { paidAt: tehran('2026-04-05', '09:00'), submittedAt: tehran('2026-04-05', '16:30'), submittedBy: 7 },
        // 20:20 UTC on the 5th and 20:40 UTC on the 5th: the same UTC day, two Tehran days
        { paidAt: tehran('2026-04-05', '23:50'), submittedAt: tehran('2026-04-06', '00:10'), submittedBy: 7 },
        { paidAt: tehran('2026-04-01', '11:00'), submittedAt: tehran('2026-04-04', '11:00'), submittedBy: 8 },
        // 01:00 and 02:00 Tehran fall on the 6th in UTC (21:30 and 22:30) but on the 7th in Tehran: the same day
        { paidAt: tehran('2026-04-07', '01:00'), submittedAt: tehran('2026-04-07', '02:00'), submittedBy: 8 },
      ],
    });
    expect(facts.sameDay).toEqual({ count: 4, part: 2, percent: 50 });
  });

  it('counts notices opened at the office and cancelled payments among those started', () => {
    const facts = monthFacts({
      ...empty,
      notices: [{ deliveredBy: 7 }, { deliveredBy: 8 }],
      payments: [
        { cancelled: false, createdBy: 7 },
        { cancelled: true, createdBy: 7 },
        { cancelled: false, createdBy: 8 },
        { cancelled: false, createdBy: 8 },
        { cancelled: false, createdBy: 8 },
      ],
    });
    expect(facts.noticesAtOffice).toEqual({ count: 2 });
    expect(facts.paymentsCancelled).toEqual({ count: 5, part: 1, percent: 20 });
  });

  it('gives no figure, only a zero count, for a month without any records', () => {
    expect(monthFacts(empty)).toEqual({
      waiting: { count: 0, medianMinutes: null, p90Minutes: null },
      service: { count: 0, medianMinutes: null, p90Minutes: null },
      ticketsCancelled: { count: 0, part: 0, percent: null },
      returned: { count: 0, part: 0, percent: null, reasons: [] },
      sameDay: { count: 0, part: 0, percent: null },
      noticesAtOffice: { count: 0 },
      paymentsCancelled: { count: 0, part: 0, percent: null },
      feedback: { count: 0, meanSatisfaction: null, wouldReturn: { count: 0, part: 0, percent: null } },
    });
  });
});

describe("citizens' feedback", () => {
  it('averages satisfaction to two decimals and counts who would come back', () => {
    const facts = monthFacts({
      ...empty,
      surveys: [
        { satisfaction: 5, wouldReturn: true, operatorUserId: 7 },
        { satisfaction: 4, wouldReturn: true, operatorUserId: 7 },
        { satisfaction: 2, wouldReturn: false, operatorUserId: null },
      ],
    });
    // (5 + 4 + 2) / 3 = 3.666… → 3.67; two of three would come back.
    expect(facts.feedback).toEqual({
      count: 3,
      meanSatisfaction: 3.67,
      wouldReturn: { count: 3, part: 2, percent: 66.7 },
    });
  });
});

describe("each operator's part", () => {
  it('splits the records by who did the work and leaves out what no operator did', () => {
    const parts = operatorFacts({
      tickets: [
        {
          createdAt: tehran('2026-04-05', '09:00'),
          calledAt: tehran('2026-04-05', '09:10'),
          doneAt: tehran('2026-04-05', '09:15'),
          status: 'done',
          servedBy: 8,
        },
        { createdAt: tehran('2026-04-05', '09:00'), calledAt: null, doneAt: null, status: 'cancelled', servedBy: null },
      ],
      decisions: [
        { returned: true, reasons: 'خواسته تقویم نشده است.', submittedBy: 7 },
        { returned: false, reasons: null, submittedBy: null },
      ],
      submissions: [],
      payments: [{ cancelled: true, createdBy: 8 }],
      notices: [{ deliveredBy: 7 }],
      surveys: [
        { satisfaction: 5, wouldReturn: true, operatorUserId: 8 },
        { satisfaction: 2, wouldReturn: false, operatorUserId: 8 },
      ],
    });
    expect(parts.map((p) => p.userId)).toEqual([7, 8]);
    expect(parts[0].facts.returned).toEqual({
      count: 1,
      part: 1,
      percent: 100,
      reasons: [{ reasons: 'خواسته تقویم نشده است.', count: 1 }],
    });
    expect(parts[0].facts.noticesAtOffice).toEqual({ count: 1 });
    expect(parts[0].facts.waiting.count).toBe(0);
    expect(parts[1].facts.waiting).toEqual({ count: 1, medianMinutes: 10, p90Minutes: 10 });
    expect(parts[1].facts.service).toEqual({ count: 1, medianMinutes: 5, p90Minutes: 5 });
    expect(parts[1].facts.paymentsCancelled).toEqual({ count: 1, part: 1, percent: 100 });
    expect(parts[1].facts.feedback).toEqual({
      count: 2,
      meanSatisfaction: 3.5,
      wouldReturn: { count: 2, part: 1, percent: 50 },
    });
    expect(parts[0].facts.feedback.count).toBe(0);
  });
});
