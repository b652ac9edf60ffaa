/**
 * Competencies: the regulator grants a service to offices or, as a pilot, to every active office
 * of some provinces; suspends or withdraws it with a reason; coverage per province shows the result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let regulator: Client;
let tehranAssociation: Client;
let nationalAssociation: Client;
let manager: Client;
let inspector: Client;
let citizen: Client;

beforeAll(async () => {
  t = await startTestServer();
  [regulator, tehranAssociation, nationalAssociation, manager, inspector] = await Promise.all(
    ['regulator', 'association.tehran', 'association', 'manager.11001', 'inspector.tehran'].map((u) =>
      t.signInStaff(u),
    ),
  );
  citizen = await t.signInCitizen('09120000001');
});
afterAll(async () => {
  await t?.stop();
});

const snapshot = async () =>
  Object.fromEntries(
    await Promise.all(
      ['office_competencies', 'audit_events'].map(async (table) => [table, await t.count(table)] as const),
    ),
  );
const competency = async (officeId: number, code: string) =>
  (
    await t.query<{
      status: string;
      valid_from: string;
      valid_until: string | null;
      pilot: boolean;
      reason: string | null;
    }>(
      "select status, to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_until, 'YYYY-MM-DD') as valid_until, pilot, reason from office_competencies where office_id = $1 and service_code = $2",
      [officeId, code],
    )
  )[0] ?? null;
const finder = async (service: string) =>
  (await t.anonymous().get(`/api/v1/offices?service=${service}&pageSize=50`))
    .json()
    .items.map((o: { code: string }) => o.code)
    .sort();

describe('granting', () => {
  it('a pilot for Fars and Khorasan Razavi reaches every active office there, once each, audited per office', async () => {
    const before = await snapshot();
    const res = await regulator.post('/api/v1/competencies/grants', {
      serviceCode: 'expert-opinion',
      provinceIds: [4, 2],
      validFrom: '1403-01-01',
      pilot: true,
      reason: 'طرح آزمایشی',
    });
    expect(res.statusCode, res.body).toBe(200);
    // Shiraz (6) and Mashhad (7), and Khorasan Razavi's demo offices at Sabzevar and Neyshabur (8, 9;
    // decision 0077).
    expect(res.json()).toEqual({
      serviceCode: 'expert-opinion',
      granted: 4,
      reactivated: 0,
      alreadyHeld: 0,
      officeIds: [6, 7, 8, 9],
    });
    expect(await competency(6, 'expert-opinion')).toMatchObject({
      status: 'active',
      valid_from: '2024-03-20',
      pilot: true,
    });
    expect(await snapshot()).toEqual({
      office_competencies: before.office_competencies + 4,
      audit_events: before.audit_events + 4,
    });
    expect(await finder('expert-opinion')).toEqual([
      '11001',
      '11002',
      '11003',
      '12001',
      '12002',
      '12003',
      '13001',
      '13002',
      '14001',
    ]);
    const again = (
      await regulator.post('/api/v1/competencies/grants', {
        serviceCode: 'expert-opinion',
        provinceIds: [4],
        validFrom: '1403-01-01',
        pilot: true,
      })
    ).json();
    expect(again).toMatchObject({ granted: 0, alreadyHeld: 1 });
  });

  it('a grant to named offices counts those already holding it, and dates bound it in the finder', async () => {
    const res = await regulator.post('/api/v1/competencies/grants', {
      serviceCode: 'protest',
      officeIds: [1, 6],
      validFrom: '1403-01-01',
      validUntil: '1403-06-31',
    });
    expect(res.json()).toMatchObject({ granted: 1, alreadyHeld: 1, officeIds: [6] });
    // The grant ended in 1403 (2024): Shiraz is not competent today.
    expect(await finder('protest')).not.toContain('14001');
  });

  it('re-granting a withdrawn competency reactivates it with the new dates', async () => {
    await t.query(
      "update office_competencies set status = 'withdrawn', reason = 'تخلف' where office_id = 7 and service_code = 'protest'",
    );
    await t.query(
      "insert into office_competencies (office_id, service_code, status, valid_from, reason) values (7, 'protest', 'withdrawn', '2020-01-01', 'تخلف') on conflict do nothing",
    );
    const res = await regulator.post('/api/v1/competencies/grants', {
      serviceCode: 'protest',
      officeIds: [7],
      validFrom: '1404-01-01',
    });
    expect(res.json()).toMatchObject({ granted: 1, reactivated: 1, alreadyHeld: 0 });
    expect(await competency(7, 'protest')).toMatchObject({
      status: 'active',
      valid_from: '2025-03-21',
      valid_until: null,
    });
  });

  it('an unknown service, an online-only one, unknown offices or provinces, and both or neither targets are field errors; nothing is written', async () => {
    const before = await snapshot();
    const grant = (body: Record<string, unknown>) =>
      regulator.post('/api/v1/competencies/grants', { validFrom: '1403-01-01', ...body });
    expect(
      fieldErrors(expectProblem(await grant({ serviceCode: 'no-such', officeIds: [1] }), 400, 'validation_failed'))
        .serviceCode.code,
    ).toBe('unknown_service');
    await t.query(
      "insert into catalog_services (code, title_fa, title_en, kind, channels) values ('online-only', 'فقط برخط', 'Online only', 'inquiry', 'online') on conflict do nothing",
    );
    expect(
      fieldErrors(expectProblem(await grant({ serviceCode: 'online-only', officeIds: [1] }), 400, 'validation_failed'))
        .serviceCode.code,
    ).toBe('service_not_at_offices');
    expect(
      fieldErrors(expectProblem(await grant({ serviceCode: 'protest', officeIds: [1, 999] }), 400, 'validation_failed'))
        .officeIds.code,
    ).toBe('office_not_found');
    expect(
      fieldErrors(expectProblem(await grant({ serviceCode: 'protest', provinceIds: [999] }), 400, 'validation_failed'))
        .provinceIds.code,
    ).toBe('invalid_value');
    expect(
      fieldErrors(
        expectProblem(
          await grant({ serviceCode: 'protest', officeIds: [1], provinceIds: [1] }),
          400,
          'validation_failed',
        ),
      ).officeIds.code,
    ).toBe('offices_or_provinces');
    expect(
      fieldErrors(expectProblem(await grant({ serviceCode: 'protest' }), 400, 'validation_failed')).officeIds.code,
    ).toBe('offices_or_provinces');
    expect(
      fieldErrors(
        expectProblem(
          await grant({ serviceCode: 'protest', officeIds: [1], validUntil: '1402-01-01' }),
          400,
          'validation_failed',
        ),
      ).validUntil.code,
    ).toBe('date_before_start');
    expect(
      fieldErrors(
        expectProblem(
          await grant({ serviceCode: 'protest', officeIds: [1], validFrom: '1403-02-31x' }),
          400,
          'validation_failed',
        ),
      ).validFrom.code,
    ).toBe('invalid_jalali_date');
    expect(await snapshot()).toEqual(before);
  });

  it('a closed office cannot be granted anything', async () => {
    await t.query("update offices set status = 'closed' where id = 3");
    const before = await snapshot();
    expect(
      fieldErrors(
        expectProblem(
          await regulator.post('/api/v1/competencies/grants', {
            serviceCode: 'protest',
            officeIds: [3],
            validFrom: '1403-01-01',
          }),
          400,
          'validation_failed',
        ),
      ).officeIds.code,
    ).toBe('office_not_found');
    expect(await snapshot()).toEqual(before);
    await t.query("update offices set status = 'active' where id = 3");
  });

  it('only the regulator grants', async () => {
    const before = await snapshot();
    for (const client of [tehranAssociation, nationalAssociation, manager, inspector, citizen]) {
      expectProblem(
        await client.post('/api/v1/competencies/grants', {
          serviceCode: 'protest',
          officeIds: [6],
          validFrom: '1403-01-01',
        }),
        403,
        'forbidden',
      );
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('suspending and withdrawing', () => {
  it('suspend with a reason (the finder drops the office), lift it, then withdraw: audited each time', async () => {
    const before = await snapshot();
    const suspended = await regulator.post('/api/v1/offices/2/competencies/licence-renewal/status', {
      status: 'suspended',
      reason: 'گزارش بازرسی',
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(
      suspended.json().competencies.find((c: { serviceCode: string }) => c.serviceCode === 'licence-renewal'),
    ).toMatchObject({ status: 'suspended', reason: 'گزارش بازرسی', inForce: false });
    expect(await finder('licence-renewal')).not.toContain('11002');
    expect(
      (await regulator.post('/api/v1/offices/2/competencies/licence-renewal/status', { status: 'active' })).statusCode,
    ).toBe(200);
    expect(await finder('licence-renewal')).toContain('11002');
    expect(
      (
        await regulator.post('/api/v1/offices/2/competencies/licence-renewal/status', {
          status: 'withdrawn',
          reason: 'پایان طرح آزمایشی',
        })
      ).statusCode,
    ).toBe(200);
    expect(await competency(2, 'licence-renewal')).toMatchObject({ status: 'withdrawn', reason: 'پایان طرح آزمایشی' });
    expect(await snapshot()).toEqual({ ...before, audit_events: before.audit_events + 3 });
    const actions = await t.query<{ action: string }>('select action from audit_events order by seq desc limit 3');
    expect(actions.map((a) => a.action)).toEqual(Array(3).fill('competency.status.change'));
  });

  it('a withdrawn competency is not reinstated by a status change; no reason, or a competency never held, is refused', async () => {
    const before = [await snapshot(), await competency(2, 'licence-renewal'), await competency(1, 'petition')];
    expectProblem(
      await regulator.post('/api/v1/offices/2/competencies/licence-renewal/status', { status: 'active' }),
      409,
      'competency_status_conflict',
    );
    expectProblem(
      await regulator.post('/api/v1/offices/2/competencies/licence-renewal/status', {
        status: 'withdrawn',
        reason: 'x',
      }),
      409,
      'competency_status_conflict',
    );
    expectProblem(
      await regulator.post('/api/v1/offices/1/competencies/petition/status', { status: 'active' }),
      409,
      'competency_status_conflict',
    );
    expect(
      fieldErrors(
        expectProblem(
          await regulator.post('/api/v1/offices/1/competencies/petition/status', { status: 'suspended' }),
          400,
          'validation_failed',
        ),
      ).reason.code,
    ).toBe('reason_required');
    expectProblem(
      await regulator.post('/api/v1/offices/4/competencies/no-such/status', { status: 'suspended', reason: 'x' }),
      404,
      'not_found',
    );
    expectProblem(
      await regulator.post('/api/v1/offices/999/competencies/petition/status', { status: 'suspended', reason: 'x' }),
      404,
      'not_found',
    );
    expectProblem(
      await tehranAssociation.post('/api/v1/offices/1/competencies/petition/status', {
        status: 'suspended',
        reason: 'x',
      }),
      403,
      'forbidden',
    );
    expect([await snapshot(), await competency(2, 'licence-renewal'), await competency(1, 'petition')]).toEqual(before);
  });
});

describe('coverage', () => {
  it('per province: active offices and those competent today, for the nation', async () => {
    const res = await regulator.get('/api/v1/competencies/coverage?serviceCode=licence-renewal');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.service).toMatchObject({ code: 'licence-renewal', channels: 'office' });
    const byId = Object.fromEntries(body.provinces.map((p: { province: { id: number } }) => [p.province.id, p]));
    // Office 11002's was withdrawn above.
    expect(byId[1]).toMatchObject({ activeOffices: 3, competentOffices: 2, pilotOffices: 2 });
    expect(byId[3]).toMatchObject({ activeOffices: 2, competentOffices: 2 });
    expect(byId[4]).toMatchObject({ activeOffices: 1, competentOffices: 0 });
    expect(body.provinces.length).toBeGreaterThanOrEqual(31);
  });

  it('a province sees its own province; a manager their own office; an unknown service is a field error', async () => {
    const tehran = (await tehranAssociation.get('/api/v1/competencies/coverage?serviceCode=petition')).json();
    expect(tehran.provinces.map((p: { province: { id: number } }) => p.province.id)).toEqual([1]);
    const own = (await manager.get('/api/v1/competencies/coverage?serviceCode=petition')).json();
    expect(own.provinces).toEqual([
      expect.objectContaining({ province: expect.objectContaining({ id: 1 }), activeOffices: 1, competentOffices: 1 }),
    ]);
    expect(
      fieldErrors(
        expectProblem(await regulator.get('/api/v1/competencies/coverage?serviceCode=nope'), 400, 'validation_failed'),
      ).serviceCode.code,
    ).toBe('unknown_service');
    expectProblem(await citizen.get('/api/v1/competencies/coverage?serviceCode=petition'), 403, 'forbidden');
  });
});
