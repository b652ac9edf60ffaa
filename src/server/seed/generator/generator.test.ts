import { describe, expect, it } from 'vitest';
import { isValidMobile, isValidNationalId } from '#core/identifiers';
import { hasValidCheckDigit } from '#core/check-digit';
import { verifyPassword } from '#server/platform/auth/passwords';
import { PROVINCES } from '#server/modules/geo/data/provinces';
import { DEMO_CITIZENS, DEMO_OFFICES, DEMO_COURTS, DEMO_PASSWORD, DEMO_STAFF } from '#server/seed/demo-data';
import { CITIZENS, USERS, copyLine, copyValue } from './copy-text';
import { judicialIdFor, syntheticMobile, syntheticNationalId, syntheticPostalCode } from './ids';
import { buildPlan, citizens, officeCode, type PlanInput } from './plan';
import { createRng } from './prng';
import { resolveScale } from './scales';
import { GENERATED_STAFF_PASSWORD_HASH } from './staff-password';

const reservedNationalIds = new Set([...DEMO_STAFF, ...DEMO_CITIZENS].map((p) => p.nationalId));

function input(
  scale: 'tiny' | 'province' | 'national',
  seed = 1,
  overrides: { offices?: number; citizens?: number } = {},
): PlanInput {
  return {
    spec: resolveScale(scale, overrides),
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
  };
}

describe('synthetic identifiers', () => {
  it('national IDs are valid and never repeat across citizens and staff', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 20_000; n++) {
      for (const stream of ['citizen', 'staff'] as const) {
        const id = syntheticNationalId(stream, n, reservedNationalIds);
        expect(isValidNationalId(id)).toBe(true);
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
    }
  });

  it('a reserved national ID is never handed out', () => {
    const first = syntheticNationalId('citizen', 0);
    const replaced = syntheticNationalId('citizen', 0, new Set([first]));
    expect(replaced).not.toBe(first);
    expect(isValidNationalId(replaced)).toBe(true);
  });

  it('mobiles are valid and never a demo account’s number', () => {
    const rng = createRng(5);
    const demo = new Set([...DEMO_STAFF, ...DEMO_CITIZENS].map((p) => p.mobile));
    for (let i = 0; i < 10_000; i++) {
      const m = syntheticMobile(rng);
      expect(isValidMobile(m) && m.length === 11).toBe(true);
      expect(demo.has(m)).toBe(false);
    }
  });

  it('postal codes have ten digits and judicial IDs carry a Verhoeff digit', () => {
    const rng = createRng(9);
    for (let i = 0; i < 1000; i++) expect(syntheticPostalCode(rng)).toMatch(/^[13-9]{5}\d{5}$/);
    expect(hasValidCheckDigit(judicialIdFor(1, 12345))).toBe(true);
    expect(judicialIdFor(1, 12345)).not.toBe(judicialIdFor(1, 12346));
  });

  it('office codes follow the demo’s pattern and stay unique past 999 per province', () => {
    expect(officeCode(1, 1)).toBe('11001');
    expect(officeCode(13, 42)).toBe('113042');
    expect(officeCode(1, 1001)).not.toBe(officeCode(11, 1));
  });
});

describe('the plan of a dataset', () => {
  it('is the same for the same seed, and different for another seed', () => {
    const a = buildPlan(input('tiny', 7));
    const b = buildPlan(input('tiny', 7));
    expect(b).toEqual(a);
    expect([...citizens(b, input('tiny', 7))]).toEqual([...citizens(a, input('tiny', 7))]);
    const c = buildPlan(input('tiny', 8));
    expect(c.offices.map((o) => o.nameFa)).not.toEqual(a.offices.map((o) => o.nameFa));
  });

  it('national: 3,000 offices spread over all 31 provinces by population, ~15,000 staff', () => {
    const plan = buildPlan(input('national', 1, { citizens: 0 }));
    expect(plan.offices).toHaveLength(3_000);
    const perProvince = new Map<number, number>();
    for (const o of plan.offices) perProvince.set(o.provinceId, (perProvince.get(o.provinceId) ?? 0) + 1);
    expect(perProvince.size).toBe(31);
    const total = PROVINCES.reduce((a, p) => a + p.population, 0);
    for (const p of PROVINCES)
      expect(Math.abs(perProvince.get(p.id)! - (3_000 * p.population) / total)).toBeLessThan(1);
    expect(plan.staff.length).toBeGreaterThan(13_000);
    expect(plan.staff.length).toBeLessThan(17_000);
    expect(plan.courts.length).toBeGreaterThan(31 * 6);
  });

  it('province: ~100 offices and ~500 staff in Tehran; citizens per province sum to the total', () => {
    const plan = buildPlan(input('province'));
    expect(plan.offices).toHaveLength(100);
    expect(plan.offices.every((o) => o.provinceId === 1)).toBe(true);
    expect(plan.staff.length).toBeGreaterThan(400);
    expect(plan.staff.length).toBeLessThan(650);
    expect(plan.citizensPerProvince).toEqual([{ provinceId: 1, count: 100_000 }]);
    const national = buildPlan(input('national', 1, { citizens: 1_234_567 }));
    expect(national.citizensPerProvince.reduce((a, c) => a + c.count, 0)).toBe(1_234_567);
  });

  it('never reuses a demo office code, court code, username or id', () => {
    const plan = buildPlan(input('national', 3, { citizens: 0 }));
    const officeCodes = new Set(plan.offices.map((o) => o.code));
    expect(officeCodes.size).toBe(plan.offices.length);
    for (const o of DEMO_OFFICES) expect(officeCodes.has(o.code)).toBe(false);
    const courtCodes = new Set(plan.courts.map((c) => c.code));
    expect(courtCodes.size).toBe(plan.courts.length);
    for (const c of DEMO_COURTS) expect(courtCodes.has(c.code)).toBe(false);
    const usernames = new Set(plan.staff.map((s) => s.user.username));
    expect(usernames.size).toBe(plan.staff.length);
    for (const s of DEMO_STAFF) expect(usernames.has(s.username)).toBe(false);
    for (const u of usernames) expect(u).toMatch(/^[a-z0-9][a-z0-9.-]{2,39}$/);
    expect(Math.min(...plan.offices.map((o) => o.id))).toBe(DEMO_OFFICES.length + 1);
    expect(Math.min(...plan.staff.map((s) => s.user.id))).toBe(19);
  });

  it('staff have valid identifiers and grants that match their scope', () => {
    const plan = buildPlan(input('tiny'));
    const offices = new Map(plan.offices.map((o) => [o.id, o]));
    for (const { user, grant } of plan.staff) {
      expect(isValidNationalId(user.nationalId)).toBe(true);
      expect(isValidMobile(user.mobile)).toBe(true);
      expect(grant.userId).toBe(user.id);
      if (grant.scopeKind === 'office') expect(offices.get(grant.officeId!)!.provinceId).toBe(grant.provinceId);
      if (grant.scopeKind === 'court') expect(grant.courtId).not.toBeNull();
    }
  });

  it('citizens are valid, have an account each, and register at an office of their province', () => {
    const inp = input('tiny', 2);
    const plan = buildPlan(inp);
    const offices = new Map(plan.offices.map((o) => [o.id, o]));
    const ids = new Set<string>();
    let n = 0;
    for (const { citizen, user, grant } of citizens(plan, inp)) {
      n++;
      expect(isValidNationalId(citizen.nationalId)).toBe(true);
      expect(reservedNationalIds.has(citizen.nationalId)).toBe(false);
      ids.add(citizen.nationalId);
      expect(user.citizenId).toBe(citizen.id);
      expect(grant).toMatchObject({
        userId: user.id,
        role: 'citizen',
        scopeKind: 'own',
        provinceId: citizen.provinceId,
      });
      if (citizen.registeredOfficeId != null)
        expect(offices.get(citizen.registeredOfficeId)!.provinceId).toBe(citizen.provinceId);
      expect(citizen.birthDate < '2007-01-01' && citizen.birthDate >= '1940-01-01').toBe(true);
    }
    expect(n).toBe(2_000);
    expect(ids.size).toBe(2_000);
  });

  it('synthetic towns say they are synthetic', () => {
    for (const c of buildPlan(input('tiny')).cities) {
      expect(c.nameEn).toContain('(synthetic)');
      expect(c.nameFa).toContain('(ساختگی)');
    }
  });
});

describe('COPY text format', () => {
  it('escapes what COPY would misread and writes NULL as \\N', () => {
    expect(copyValue(null)).toBe('\\N');
    expect(copyValue('a\tb\nc\\d\r')).toBe('a\\tb\\nc\\\\d\\r');
    expect(copyValue(true)).toBe('t');
    expect(copyValue(12.5)).toBe('12.5');
    expect(copyValue('تهران')).toBe('تهران');
    expect(() => copyValue(Number.NaN)).toThrow();
  });

  it('one line per row, one field per column', () => {
    const inp = input('tiny');
    const first = citizens(buildPlan(inp), inp).next().value!;
    const line = copyLine(CITIZENS, first.citizen);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1).split('\t')).toHaveLength(CITIZENS.columns.length);
    expect(copyLine(USERS, first.user).split('\t')[2]).toBe('\\N');
  });
});

describe('the shared staff password hash', () => {
  it('verifies against the demo password', async () => {
    expect(await verifyPassword(GENERATED_STAFF_PASSWORD_HASH, DEMO_PASSWORD)).toBe(true);
  });
});
