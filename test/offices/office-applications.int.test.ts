/**
 * Applications to open an office: filed by the founder or the association for them, reviewed by
 * the province's association, decided by the regulator — an approval licenses the office with the
 * next number of the province's series, in one transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalId } from '../support/fixtures';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let citizen: Client;
let isfahanCitizen: Client;
let tehranAssociation: Client;
let isfahanAssociation: Client;
let nationalAssociation: Client;
let regulator: Client;
let inspector: Client;
let manager: Client;
let tehranCity: number;
let isfahanCity: number;

beforeAll(async () => {
  t = await startTestServer();
  [citizen, isfahanCitizen] = await Promise.all([t.signInCitizen('09120000001'), t.signInCitizen('09130000002')]);
  [tehranAssociation, isfahanAssociation, nationalAssociation, regulator, inspector, manager] = await Promise.all(
    ['association.tehran', 'association.isfahan', 'association', 'regulator', 'inspector.tehran', 'manager.11001'].map(
      (u) => t.signInStaff(u),
    ),
  );
  [{ id: tehranCity }] = await t.query<{ id: number }>(
    'select id from cities where province_id = 1 order by id limit 1',
  );
  [{ id: isfahanCity }] = await t.query<{ id: number }>(
    'select id from cities where province_id = 3 order by id limit 1',
  );
});
afterAll(async () => {
  await t?.stop();
});

const application = (overrides: Record<string, unknown> = {}) => ({
  degreeLevel: 'master',
  degreeField: 'law',
  university: 'دانشگاه تهران',
  graduationYear: 1395,
  experienceYears: 6,
  proposedNameFa: 'دفتر خدمات الکترونیک قضایی پونک',
  provinceId: 1,
  cityId: tehranCity,
  address: 'تهران، پونک، بلوار عدل، پلاک ۱۴',
  location: { lat: 35.76, lon: 51.33 },
  plannedCounters: 4,
  plannedHearingBooths: 1,
  ...overrides,
});
const founder = () => ({ nationalId: nationalId(), firstName: 'نرگس', lastName: 'دادگر', mobile: '09121112233' });

const snapshot = async () =>
  Object.fromEntries(
    await Promise.all(
      ['office_applications', 'offices', 'office_status_events', 'audit_events', 'notifier_outbox'].map(
        async (table) => [table, await t.count(table)] as const,
      ),
    ),
  );

/** An application filed by the national association for a fresh Tehran founder (so Tehran's association may review it). */
async function filed(overrides: Record<string, unknown> = {}, by = nationalAssociation) {
  const res = await by.post('/api/v1/office-applications', application({ founder: founder(), ...overrides }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; status: string };
}
async function reviewed(recommend = true) {
  const { id } = await filed();
  const res = await tehranAssociation.post(`/api/v1/office-applications/${id}/review`, {
    recommend,
    note: 'بازدید محل انجام شد.',
  });
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

describe('filing an application', () => {
  it('a citizen files for themself: the founder is who their account says, and it is audited', async () => {
    const before = await snapshot();
    const res = await citizen.post('/api/v1/office-applications', application());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'submitted',
      filedByFounder: true,
      founder: { nationalId: '0499370899', mobile: '09120000001' },
      province: { id: 1 },
      city: { id: tehranCity },
      plannedCounters: 4,
      location: { lat: 35.76, lon: 51.33 },
      review: null,
      decision: null,
      office: null,
    });
    expect(await snapshot()).toMatchObject({
      office_applications: before.office_applications + 1,
      audit_events: before.audit_events + 1,
    });
    const [audit] = await t.query<{ action: string; entity_id: string }>(
      'select action, entity_id from audit_events order by seq desc limit 1',
    );
    expect(audit).toEqual({ action: 'office-application.submit', entity_id: String(body.id) });
  });

  it('one application in progress per founder: a second one is refused with 409 and nothing is written', async () => {
    const before = await snapshot();
    expectProblem(
      await citizen.post('/api/v1/office-applications', application({ proposedNameFa: 'دفتر دوم' })),
      409,
      'office_application_open',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('the association files for a founder named in the body, in its own province only', async () => {
    const app = await filed({}, tehranAssociation);
    expect(app).toMatchObject({ status: 'submitted', filedByFounder: false });
    const before = await snapshot();
    expectProblem(
      await tehranAssociation.post(
        '/api/v1/office-applications',
        application({ founder: founder(), provinceId: 3, cityId: isfahanCity }),
      ),
      403,
      'forbidden',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('the association must name the founder; a citizen must not', async () => {
    const before = await snapshot();
    expect(
      fieldErrors(
        expectProblem(
          await tehranAssociation.post('/api/v1/office-applications', application()),
          400,
          'validation_failed',
        ),
      ).founder.code,
    ).toBe('founder_required');
    expect(
      fieldErrors(
        expectProblem(
          await isfahanCitizen.post(
            '/api/v1/office-applications',
            application({ founder: founder(), provinceId: 3, cityId: isfahanCity }),
          ),
          400,
          'validation_failed',
        ),
      ).founder.code,
    ).toBe('founder_from_account');
    expect(await snapshot()).toEqual(before);
  });

  it('an unqualified founder is refused with field errors naming the degree, in Persian', async () => {
    const before = await snapshot();
    const field = fieldErrors(
      expectProblem(
        await isfahanCitizen.post(
          '/api/v1/office-applications',
          application({ provinceId: 3, cityId: isfahanCity, degreeField: 'other' }),
        ),
        400,
        'validation_failed',
      ),
    );
    expect(field.degreeField.code).toBe('founder_degree_field');
    expect(field.degreeField.message.fa).toContain('حقوق، فقه یا علوم قضایی');
    const both = fieldErrors(
      expectProblem(
        await isfahanCitizen.post(
          '/api/v1/office-applications',
          application({ provinceId: 3, cityId: isfahanCity, degreeLevel: 'associate', degreeField: 'other' }),
        ),
        400,
        'validation_failed',
      ),
    );
    expect(Object.keys(both).sort()).toEqual(['degreeField', 'degreeLevel']);
    expect(both.degreeLevel.code).toBe('founder_degree_level');
    expect(await snapshot()).toEqual(before);
  });

  it('a city outside the province, a location outside Iran and an unknown province are field errors', async () => {
    const before = await snapshot();
    const field = fieldErrors(
      expectProblem(
        await isfahanCitizen.post(
          '/api/v1/office-applications',
          application({ provinceId: 3, cityId: tehranCity, location: { lat: 48.85, lon: 2.35 } }),
        ),
        400,
        'validation_failed',
      ),
    );
    expect(field.cityId.code).toBe('city_not_in_province');
    expect(field.location.code).toBe('outside_iran');
    expect(
      fieldErrors(
        expectProblem(
          await nationalAssociation.post(
            '/api/v1/office-applications',
            application({ founder: founder(), provinceId: 999 }),
          ),
          400,
          'validation_failed',
        ),
      ).provinceId.code,
    ).toBe('invalid_value');
    expect(await snapshot()).toEqual(before);
  });

  it('schema mistakes name their fields: bad national ID, counters out of range, unknown keys', async () => {
    const before = await snapshot();
    const field = fieldErrors(
      expectProblem(
        await tehranAssociation.post(
          '/api/v1/office-applications',
          application({
            founder: { ...founder(), nationalId: '1234567890' },
            plannedCounters: 0,
            plannedHearingBooths: 21,
            extra: 1,
          }),
        ),
        400,
        'validation_failed',
      ),
    );
    expect(field['founder.nationalId'].code).toBe('invalid_national_id');
    expect(field.plannedCounters.code).toBe('too_small');
    expect(field.plannedHearingBooths.code).toBe('too_big');
    expect(await snapshot()).toEqual(before);
  });

  it('staff who only run offices cannot file one', async () => {
    expectProblem(
      await manager.post('/api/v1/office-applications', application({ founder: founder() })),
      403,
      'forbidden',
    );
  });
});

describe('reading applications', () => {
  it('a citizen lists only their own; a province association only its province; the nation everything', async () => {
    const isfahanApp = await filed({ provinceId: 3, cityId: isfahanCity }, isfahanAssociation);
    const own = (await citizen.get('/api/v1/office-applications')).json();
    expect(own.items.length).toBeGreaterThan(0);
    for (const a of own.items) expect(a.founder.nationalId).toBe('0499370899');
    const tehran = (await tehranAssociation.get('/api/v1/office-applications?pageSize=200')).json();
    expect(tehran.items.every((a: { province: { id: number } }) => a.province.id === 1)).toBe(true);
    expect(tehran.items.map((a: { id: number }) => a.id)).not.toContain(isfahanApp.id);
    const [{ n }] = await t.query<{ n: number }>('select count(*)::int as n from office_applications');
    expect((await regulator.get('/api/v1/office-applications?pageSize=200')).json().total).toBe(n);
    expect(
      (await inspector.get('/api/v1/office-applications?pageSize=200'))
        .json()
        .items.every((a: { province: { id: number } }) => a.province.id === 1),
    ).toBe(true);
  });

  it('asking for another province is refused with 403, not answered empty; filters by status work', async () => {
    expectProblem(await tehranAssociation.get('/api/v1/office-applications?provinceId=3'), 403, 'forbidden');
    const submitted = (await regulator.get('/api/v1/office-applications?status=submitted&provinceId=3')).json();
    expect(submitted.items.length).toBeGreaterThan(0);
    for (const a of submitted.items) expect(a).toMatchObject({ status: 'submitted', province: { id: 3 } });
  });

  it("another founder's or another province's application is not found", async () => {
    const { id } = await filed({ provinceId: 3, cityId: isfahanCity }, isfahanAssociation);
    expectProblem(await citizen.get(`/api/v1/office-applications/${id}`), 404, 'not_found');
    expectProblem(await tehranAssociation.get(`/api/v1/office-applications/${id}`), 404, 'not_found');
    expect((await isfahanAssociation.get(`/api/v1/office-applications/${id}`)).statusCode).toBe(200);
    expectProblem(await manager.get(`/api/v1/office-applications/${id}`), 403, 'forbidden');
  });
});

describe('review and decision', () => {
  it('the association reviews a submitted application once, audited; a second review is a stage conflict', async () => {
    const { id } = await citizenApplication();
    const res = await tehranAssociation.post(`/api/v1/office-applications/${id}/review`, {
      recommend: true,
      note: 'مدارک کامل است.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'recommended', review: { note: 'مدارک کامل است.' } });
    const [audit] = await t.query<{ action: string; data: { to: string } }>(
      'select action, data from audit_events order by seq desc limit 1',
    );
    expect(audit).toMatchObject({ action: 'office-application.review', data: { to: 'recommended' } });
    const before = await snapshot();
    expectProblem(
      await tehranAssociation.post(`/api/v1/office-applications/${id}/review`, { recommend: false }),
      409,
      'application_status_conflict',
    );
    expect(await snapshot()).toEqual(before);
  });

  it("the regulator cannot decide before the review, and another province's association cannot review", async () => {
    const { id } = await filed();
    const before = await snapshot();
    expectProblem(
      await regulator.post(`/api/v1/office-applications/${id}/decide`, { approve: true }),
      409,
      'application_status_conflict',
    );
    expectProblem(
      await isfahanAssociation.post(`/api/v1/office-applications/${id}/review`, { recommend: true }),
      404,
      'not_found',
    );
    expectProblem(
      await inspector.post(`/api/v1/office-applications/${id}/review`, { recommend: true }),
      403,
      'forbidden',
    );
    expectProblem(
      await tehranAssociation.post(`/api/v1/office-applications/${id}/decide`, { approve: true }),
      403,
      'forbidden',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('whoever filed for a founder cannot also review it', async () => {
    const res = await nationalAssociation.post('/api/v1/office-applications', application({ founder: founder() }));
    const before = await snapshot();
    expectProblem(
      await nationalAssociation.post(`/api/v1/office-applications/${res.json().id}/review`, { recommend: true }),
      403,
      'own_decision_not_allowed',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('approval licenses the office: next Tehran number, active from today with its first status event, an SMS, an audit row', async () => {
    const id = await reviewed();
    const before = await snapshot();
    const [{ max }] = await t.query<{ max: string }>(
      "select max(code) as max from offices where code like '11%' and length(code) = 5",
    );
    const res = await regulator.post(`/api/v1/office-applications/${id}/decide`, {
      approve: true,
      note: 'پروانه صادر شود.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const decided = res.json();
    const expectedCode = String(Number(max) + 1);
    expect(decided).toMatchObject({
      status: 'approved',
      decision: { note: 'پروانه صادر شود.' },
      office: { code: expectedCode },
    });
    expect(await snapshot()).toEqual({
      ...before,
      offices: before.offices + 1,
      office_status_events: before.office_status_events + 1,
      audit_events: before.audit_events + 1,
      notifier_outbox: before.notifier_outbox + 1,
    });
    const office = (await t.anonymous().get(`/api/v1/offices/${decided.office.id}`)).json();
    expect(office).toMatchObject({
      code: expectedCode,
      name: { fa: 'دفتر خدمات الکترونیک قضایی پونک' },
      status: 'active',
      province: { id: 1 },
      city: { id: tehranCity },
      counters: 4,
      hearingBooths: 1,
      location: { lat: 35.76, lon: 51.33 },
      services: [],
    });
    expect(office.openingHours.length).toBeGreaterThan(0);
    const [event] = await t.query<{ status: string; from_date: string }>(
      "select status, to_char(from_date, 'YYYY-MM-DD') as from_date from office_status_events where office_id = $1",
      [decided.office.id],
    );
    expect(event.status).toBe('active');
    const [sms] = await t.query<{ recipient: string; body: string }>(
      'select recipient, body from notifier_outbox order by id desc limit 1',
    );
    expect(sms).toEqual({ recipient: '09121112233', body: expect.stringContaining(expectedCode) });
    const [audit] = await t.query<{ action: string; office_id: number }>(
      'select action, office_id from audit_events order by seq desc limit 1',
    );
    expect(audit).toEqual({ action: 'office-application.decide', office_id: decided.office.id });
  });

  it('a second approval of the same province takes the following number', async () => {
    const first = (
      await regulator.post(`/api/v1/office-applications/${await reviewed()}/decide`, { approve: true })
    ).json();
    const second = (
      await regulator.post(`/api/v1/office-applications/${await reviewed(false)}/decide`, { approve: true })
    ).json();
    expect(Number(second.office.code)).toBe(Number(first.office.code) + 1);
  });

  it('a rejection creates no office, tells the founder, and is final', async () => {
    const id = await reviewed(false);
    const before = await snapshot();
    const res = await regulator.post(`/api/v1/office-applications/${id}/decide`, {
      approve: false,
      note: 'محل پیشنهادی مناسب نیست.',
    });
    expect(res.json()).toMatchObject({ status: 'rejected', office: null });
    expect(await snapshot()).toEqual({
      ...before,
      audit_events: before.audit_events + 1,
      notifier_outbox: before.notifier_outbox + 1,
    });
    const after = await snapshot();
    expectProblem(
      await regulator.post(`/api/v1/office-applications/${id}/decide`, { approve: true }),
      409,
      'application_status_conflict',
    );
    expect(await snapshot()).toEqual(after);
  });

  it('once decided, the founder may apply again', async () => {
    const body = { founder: founder() };
    const first = await nationalAssociation.post('/api/v1/office-applications', application(body));
    const id = first.json().id;
    await tehranAssociation.post(`/api/v1/office-applications/${id}/review`, { recommend: false });
    await regulator.post(`/api/v1/office-applications/${id}/decide`, { approve: false });
    expect((await nationalAssociation.post('/api/v1/office-applications', application(body))).statusCode).toBe(201);
  });
});

/** Citizen 1's application in progress (filed by the first test, or a new one). */
async function citizenApplication() {
  const open = (await citizen.get('/api/v1/office-applications?status=submitted')).json().items;
  if (open.length) return open[0] as { id: number };
  const res = await citizen.post('/api/v1/office-applications', application());
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number };
}

describe("the application form's city picker", () => {
  it("lists a province's cities only, publicly", async () => {
    const res = await t.anonymous().get('/api/v1/geo/provinces/3/cities');
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().items.map((c: { id: number }) => c.id);
    expect(ids).toContain(isfahanCity);
    expect(ids).not.toContain(tehranCity);
    expectProblem(await t.anonymous().get('/api/v1/geo/provinces/x/cities'), 400, 'validation_failed');
  });
});
