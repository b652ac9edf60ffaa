import { describe, expect, it } from 'vitest';
import { CATALOG } from '#server/modules/catalog/data';
import { DEMO_CITIZENS, DEMO_COURTS, DEMO_OFFICES, DEMO_STAFF } from '#server/seed/demo-data';
import { DEMO_COURSES, DEMO_QUESTIONS } from '#server/seed/demo-network';
import {
  buildNetwork,
  insuranceNumberFor,
  PILOT_PROVINCES,
  PILOT_SERVICE,
  type Network,
  type NetworkInput,
} from './network';
import { buildPlan, DATASET_EPOCH, type Plan } from './plan';
import { resolveScale } from './scales';
import { GENERATED_STAFF_PASSWORD_HASH } from './staff-password';

const reservedNationalIds = new Set([...DEMO_STAFF, ...DEMO_CITIZENS].map((p) => p.nationalId));
const EPOCH = new Date(DATASET_EPOCH).toISOString().slice(0, 10);

function planOf(scale: 'tiny' | 'national', seed: number, offices?: number): Plan {
  return buildPlan({
    spec: resolveScale(scale, { citizens: 0, ...(offices ? { offices } : {}) }),
    seed,
    start: {
      officeId: DEMO_OFFICES.length + 1,
      courtId: DEMO_COURTS.length + 1,
      userId: 19,
      grantId: 19,
      citizenId: DEMO_CITIZENS.length + 1,
    },
    existingOfficeCodes: DEMO_OFFICES.map((o) => o.code),
    existingCourtCodes: DEMO_COURTS.map((c) => c.code),
    reservedNationalIds,
    staffPasswordHash: GENERATED_STAFF_PASSWORD_HASH,
  });
}

function networkOf(plan: Plan, seed: number): Network {
  const input: NetworkInput = {
    seed,
    plan,
    start: {
      statusEventId: 8,
      competencyId: 120,
      contractId: 10,
      insuranceId: 9,
      sessionId: 4,
      enrolmentId: 8,
      attemptId: 8,
      licenceId: 8,
      licenceEventId: 8,
    },
    courses: DEMO_COURSES.map((c, i) => ({ id: i + 1, code: c.code, hours: c.hours, serviceCodes: c.serviceCodes })),
    exam: { id: 1, courseId: 1, questionCount: 10, durationMinutes: 20, passPercent: 70, maxAttempts: 3 },
    questions: DEMO_QUESTIONS.map((q, i) => ({ id: i + 1, correctIndex: q.correctIndex, options: q.options.length })),
    officeServices: CATALOG.filter((s) => s.channels !== 'online').map((s) => s.code),
    regulatorId: 1,
    associationId: 2,
  };
  return buildNetwork(input);
}

/** The last day a contract or period runs (terminated early, or its agreed end), or far in the future. */
const lastDay = (c: { endsOn: string | null; terminatedOn?: string | null }) =>
  c.terminatedOn ?? c.endsOn ?? '9999-12-31';
const overlaps = (a: { startsOn: string; endsOn: string | null; terminatedOn?: string | null }, b: typeof a) =>
  a.startsOn <= lastDay(b) && b.startsOn <= lastDay(a);
const groupBy = <T, K>(rows: T[], key: (row: T) => K) => {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
};

/** The invariants every generated network keeps, whatever the scale. */
function checkInvariants(plan: Plan, net: Network) {
  const officeStaff = plan.staff.filter((s) => s.grant.scopeKind === 'office');
  const offices = new Map(plan.offices.map((o) => [o.id, o]));
  expect(net.profiles).toHaveLength(officeStaff.length);
  for (const p of net.profiles) expect(p.insuranceNumber).toMatch(/^[1-9]\d{9}$/);
  expect(new Set(net.profiles.map((p) => p.insuranceNumber)).size).toBe(net.profiles.length);

  // Every office: capacity, a status history that opens it and ends in its current status.
  for (const o of plan.offices) {
    const cap = net.capacity.get(o.id)!;
    expect(cap.counters).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(cap.openingHours).length).toBeGreaterThan(0);
  }
  for (const [officeId, events] of groupBy(net.statusEvents, (e) => e.officeId)) {
    expect(events[0]).toMatchObject({ status: 'active', fromDate: offices.get(officeId)!.openedOn });
    expect(events[events.length - 1].status).toBe(offices.get(officeId)!.status);
    for (let i = 1; i < events.length; i++) expect(events[i].fromDate >= events[i - 1].fromDate).toBe(true);
  }
  expect(new Set(net.statusEvents.map((e) => e.officeId)).size).toBe(plan.offices.length);

  // Competencies: unique per office and service; the pilot only in its provinces; closed offices' withdrawn.
  const competent = groupBy(net.competencies, (c) => c.officeId);
  for (const [officeId, rows] of competent) {
    expect(new Set(rows.map((r) => r.serviceCode)).size).toBe(rows.length);
    const office = offices.get(officeId)!;
    for (const r of rows) {
      if (r.serviceCode === PILOT_SERVICE) expect(r.pilot && PILOT_PROVINCES.includes(office.provinceId)).toBe(true);
      if (office.status === 'closed') expect(r.status).toBe('withdrawn');
    }
  }

  // Contracts: never overlapping for one person at one office, and no full-time contract overlapping any other.
  for (const [, rows] of groupBy(net.contracts, (c) => c.userId)) {
    for (let i = 0; i < rows.length; i++) {
      expect(rows[i].startsOn <= lastDay(rows[i])).toBe(true);
      if (rows[i].terminatedOn && rows[i].endsOn) expect(rows[i].terminatedOn! <= rows[i].endsOn!).toBe(true);
      for (let j = i + 1; j < rows.length; j++) {
        const [a, b] = [rows[i], rows[j]];
        if (a.officeId === b.officeId || a.fullTime || b.fullTime)
          expect(overlaps(a, b), `contracts ${a.id} and ${b.id}`).toBe(false);
      }
    }
  }
  for (const [, rows] of groupBy(net.insurance, (p) => p.userId)) {
    for (let i = 0; i < rows.length; i++)
      for (let j = i + 1; j < rows.length; j++) expect(overlaps(rows[i], rows[j])).toBe(false);
  }

  // Training: one place per person per session, sessions never over capacity; future sessions only enrolled.
  const sessions = new Map(net.sessions.map((s) => [s.id, s]));
  expect(new Set(net.enrolments.map((e) => `${e.sessionId}|${e.userId}`)).size).toBe(net.enrolments.length);
  for (const [sessionId, rows] of groupBy(net.enrolments, (e) => e.sessionId)) {
    const s = sessions.get(sessionId)!;
    expect(rows.length).toBeLessThanOrEqual(s.capacity);
    for (const e of rows) expect(e.status === 'enrolled').toBe(s.startsOn > EPOCH);
  }

  // Exams: attempts numbered from 1, within the attempts allowed, at most one passed and then the last.
  for (const [, rows] of groupBy(net.attempts, (a) => a.userId)) {
    expect(rows.length).toBeLessThanOrEqual(3);
    for (const [i, a] of rows.entries()) expect(a.attemptNumber).toBe(i + 1);
    expect(rows.filter((a) => a.passed)).toHaveLength(rows.some((a) => a.passed) ? 1 : 0);
    if (rows.some((a) => a.passed)) expect(rows[rows.length - 1].passed).toBe(true);
    for (const a of rows) {
      expect(a.startedAt < a.deadlineAt).toBe(true);
      if (a.status === 'submitted')
        expect(a.submittedAt! <= a.deadlineAt && a.passed === a.scorePercent! >= 70).toBe(true);
      expect(JSON.parse(a.questionIds)).toHaveLength(10);
    }
  }

  // Licences: numbers unique; only for people who passed; covering only their office's competencies; one per person.
  const passed = new Set(net.attempts.filter((a) => a.passed).map((a) => a.userId));
  expect(new Set(net.licences.map((l) => l.number)).size).toBe(net.licences.length);
  expect(new Set(net.licences.map((l) => l.userId)).size).toBe(net.licences.length);
  for (const l of net.licences) {
    expect(passed.has(l.userId)).toBe(true);
    const codes = new Set((competent.get(l.officeId) ?? []).map((c) => c.serviceCode));
    const covered: string[] = JSON.parse(l.serviceCodes);
    expect(covered.length).toBeGreaterThan(0);
    for (const code of covered) expect(codes.has(code), `${l.number} covers ${code}`).toBe(true);
    expect(l.issuedOn < l.expiresOn && l.issuedOn <= EPOCH).toBe(true);
    if (l.status === 'suspended') expect(l.statusReason).toBeTruthy();
  }
  const events = groupBy(net.licenceEvents, (e) => e.licenceId);
  for (const l of net.licences) {
    const kinds = events.get(l.id)!.map((e) => e.kind);
    expect(kinds[0]).toBe('issued');
    if (l.status !== 'active') expect(kinds).toContain(l.status === 'suspended' ? 'suspended' : 'revoked');
  }
}

describe('the generated office network and its people', () => {
  it('tiny: every office and office staff member has records, and the invariants hold', () => {
    const plan = planOf('tiny', 1, 40);
    const net = networkOf(plan, 1);
    checkInvariants(plan, net);
    expect(net.licences.length).toBeGreaterThan(0);
    expect(net.contracts.length).toBeGreaterThanOrEqual(net.profiles.length);
  });

  it('is the same for the same seed, and different for another', () => {
    const plan = planOf('tiny', 4);
    const a = networkOf(plan, 4);
    expect(networkOf(plan, 4)).toEqual(a);
    expect(networkOf(plan, 5).contracts).not.toEqual(a.contracts);
  });

  it('national: realistic shares of histories, contracts, insurance, exams and licences, and the invariants', () => {
    const plan = planOf('national', 1);
    const net = networkOf(plan, 1);
    checkInvariants(plan, net);
    const offices = plan.offices.length;
    const share = (n: number, of: number) => n / of;

    const suspendedOnce = new Set(
      net.statusEvents
        .filter((e) => e.status === 'suspended' && e.untilDate && e.untilDate < EPOCH)
        .map((e) => e.officeId),
    );
    expect(share(suspendedOnce.size, offices)).toBeGreaterThan(0.03);
    expect(share(suspendedOnce.size, offices)).toBeLessThan(0.08);
    const competencies = groupBy(net.competencies, (c) => c.officeId);
    const inPilot = (o: Plan['offices'][number]) => PILOT_PROVINCES.includes(o.provinceId);
    const lacking = plan.offices.filter(
      (o) => (competencies.get(o.id)?.length ?? 0) < 17 + (inPilot(o) ? 1 : 0),
    ).length;
    expect(share(lacking, offices)).toBeGreaterThan(0.05);
    const officeById = new Map(plan.offices.map((o) => [o.id, o]));
    const pilots = new Set(net.competencies.filter((c) => c.pilot).map((c) => officeById.get(c.officeId)!.provinceId));
    expect([...pilots].sort((a, b) => a - b)).toEqual([...PILOT_PROVINCES].sort((a, b) => a - b));

    const staff = net.profiles.length;
    expect(staff).toBeGreaterThan(12_000);
    const fullTimePeople = new Set(net.contracts.filter((c) => c.fullTime).map((c) => c.userId));
    const insuredNow = new Set(net.insurance.filter((p) => p.endsOn == null).map((p) => p.userId));
    expect(share([...fullTimePeople].filter((u) => insuredNow.has(u)).length, fullTimePeople.size)).toBeGreaterThan(
      0.78,
    );
    expect(share([...fullTimePeople].filter((u) => insuredNow.has(u)).length, fullTimePeople.size)).toBeLessThan(0.9);
    expect(net.contracts.some((c) => c.type === 'probation')).toBe(true);
    expect(net.contracts.some((c) => c.type === 'fixed-term')).toBe(true);
    expect(net.contracts.filter((c) => c.terminatedOn).length).toBeGreaterThan(staff * 0.05);

    const byStatus = (s: string) => net.licences.filter((l) => l.status === s).length;
    const expiringSoon = net.licences.filter(
      (l) => l.status === 'active' && l.expiresOn > EPOCH && l.expiresOn <= isoPlus(EPOCH, 30),
    ).length;
    const expired = net.licences.filter((l) => l.status === 'active' && l.expiresOn <= EPOCH).length;
    expect(share(byStatus('active'), net.licences.length)).toBeGreaterThan(0.8);
    expect(byStatus('suspended')).toBeGreaterThan(100);
    expect(byStatus('revoked')).toBeGreaterThan(50);
    expect(expiringSoon).toBeGreaterThan(100);
    expect(expired).toBeGreaterThan(100);
    expect(net.attempts.some((a) => !a.passed)).toBe(true);
    expect(net.attempts.some((a) => a.status === 'expired')).toBe(true);
    expect(insuranceNumberFor(19)).toMatch(/^\d{10}$/);
  }, 180_000);
});

function isoPlus(iso: string, days: number) {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
}
