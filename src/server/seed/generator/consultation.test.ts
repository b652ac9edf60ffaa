import { describe, expect, it } from 'vitest';
import { weekdayOfIso } from '#core/jalali';
import { buildConsultation, type ConsultationInput } from './consultation';

// Fridays are closed, and 2026-05-06 stands for an official holiday (any day the calendar closes).
const HOLIDAY = '2026-05-06';
const offices = [
  { id: 101, code: '11101', provinceId: 1 },
  { id: 102, code: '11102', provinceId: 1 },
  { id: 103, code: '11103', provinceId: 1 },
  { id: 201, code: '13201', provinceId: 3 },
  { id: 202, code: '13202', provinceId: 3 },
];
const input = (seed: number): ConsultationInput => ({
  seed,
  today: '2026-05-05',
  createdAt: '2026-05-05T06:30:00.000Z',
  closed: (day) => weekdayOfIso(day) === 5 || day === HOLIDAY,
  start: { consultantId: 5, sittingId: 7, bookingId: 5, userId: 5000, grantId: 6000 },
  staffIndex: 400,
  reservedNationalIds: new Set(),
  passwordHash: 'x',
  offices,
  accounts: [
    { userId: 40, officeId: 101, provinceId: 1, firstName: 'علی', lastName: 'احمدی' },
    // At an office without the competency: not made a consultant.
    { userId: 41, officeId: 999, provinceId: 1, firstName: 'رضا', lastName: 'کریمی' },
  ],
  feeRanges: new Map([[1, { minRials: 1_000_000, maxRials: 5_000_000 }]]),
  provinces: [
    { provinceId: 1, code: 'TEH', citizenStart: 10, count: 500, userStart: 3000 },
    { provinceId: 3, code: 'ISF', citizenStart: 510, count: 200, userStart: 3500 },
  ],
  createdBy: 2,
  officeFeeRials: { office: 200_000, online: 150_000 },
});

describe('the generated consultation registry', () => {
  const rows = buildConsultation(input(3));

  it('is the same for the same seed and differs for another', () => {
    expect(buildConsultation(input(3))).toEqual(rows);
    expect(buildConsultation(input(4)).bookings).not.toEqual(rows.bookings);
  });

  it('sets a range for the province without one and keeps every fee inside its range', () => {
    expect(rows.feeRanges.map((r) => r.provinceId)).toEqual([3]);
    const ranges = new Map<number, { minRials: number; maxRials: number }>([
      [1, { minRials: 1_000_000, maxRials: 5_000_000 }],
      ...rows.feeRanges.map((r) => [r.provinceId, r] as const),
    ]);
    for (const c of rows.consultants) {
      const r = ranges.get(c.provinceId)!;
      expect(c.feeRials).toBeGreaterThanOrEqual(r.minRials);
      expect(c.feeRials).toBeLessThanOrEqual(r.maxRials);
    }
  });

  it('makes the account at a competent office a consultant, and seats consultants only at competent offices of their province', () => {
    expect(rows.consultants.filter((c) => c.userId != null).map((c) => c.userId)).toEqual([40]);
    const byId = new Map(rows.consultants.map((c) => [c.id, c]));
    for (const s of rows.sittings) {
      if (s.mode === 'video') continue;
      const office = offices.find((o) => o.id === s.officeId);
      expect(office?.provinceId).toBe(byId.get(s.consultantId)!.provinceId);
    }
    // One consultant per room.
    const rooms = rows.sittings.filter((s) => s.mode === 'office').map((s) => `${s.officeId}/${s.room}`);
    expect(new Set(rooms).size).toBe(rooms.length);
  });

  it('books no consultant twice at once, nothing on a Friday or holiday, and citizens of the province only', () => {
    const byId = new Map(rows.consultants.map((c) => [c.id, c]));
    const perConsultant = new Map<number, { s: number; e: number }[]>();
    for (const b of rows.bookings) {
      const list = perConsultant.get(b.consultantId) ?? [];
      const s = Date.parse(b.startsAt);
      const e = Date.parse(b.endsAt);
      expect(list.some((x) => x.s < e && s < x.e)).toBe(false);
      list.push({ s, e });
      perConsultant.set(b.consultantId, list);
      // Tehran is UTC+03:30: the day of the session on Tehran's clock.
      const day = new Date(s + 210 * 60_000).toISOString().slice(0, 10);
      expect(weekdayOfIso(day)).not.toBe(5);
      expect(day).not.toBe(HOLIDAY);
      expect(day >= '2026-03-06' && day <= '2026-06-04').toBe(true);
      const c = byId.get(b.consultantId)!;
      expect(b.provinceId).toBe(c.provinceId);
      const range = c.provinceId === 1 ? [10, 509] : [510, 709];
      expect(b.citizenId).toBeGreaterThanOrEqual(range[0]);
      expect(b.citizenId).toBeLessThanOrEqual(range[1]);
      expect(b.totalRials).toBe(b.consultantFeeRials + b.officeFeeRials);
      // Sessions from today on are confirmed or cancelled; before it, held, missed or cancelled.
      expect(
        day >= '2026-05-05'
          ? ['confirmed', 'cancelled']
          : ['held', 'citizen-no-show', 'consultant-no-show', 'cancelled'],
      ).toContain(b.status);
    }
    expect(rows.bookings.length).toBeGreaterThan(100);
  });

  it('adds arbitrators with unique usernames after the plan’s first of each province', () => {
    const names = rows.arbitrators.map((a) => a.user.username);
    expect(names).toContain('arbitrator.teh.2');
    expect(names).toContain('arbitrator.isf.2');
    expect(new Set(names).size).toBe(names.length);
    expect(rows.arbitrators.every((a) => a.grant.role === 'arbitrator' && a.grant.userId === a.user.id)).toBe(true);
  });
});
