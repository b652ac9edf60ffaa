/**
 * The office record: the public directory with what each office offers, the profile its manager
 * or association keeps, and its status over time as the regulator decides it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let anonymous: Client;
let manager: Client;
let otherManager: Client;
let tehranAssociation: Client;
let isfahanAssociation: Client;
let regulator: Client;
let inspector: Client;
let operator: Client;

beforeAll(async () => {
  t = await startTestServer();
  anonymous = t.anonymous();
  [manager, otherManager, tehranAssociation, isfahanAssociation, regulator, inspector, operator] = await Promise.all(
    [
      'manager.11001',
      'manager.11002',
      'association.tehran',
      'association.isfahan',
      'regulator',
      'inspector.tehran',
      'operator.11001',
    ].map((u) => t.signInStaff(u)),
  );
});
afterAll(async () => {
  await t?.stop();
});

const snapshot = async () =>
  Object.fromEntries(
    await Promise.all(
      ['offices', 'office_status_events', 'office_competencies', 'audit_events'].map(
        async (table) => [table, await t.count(table)] as const,
      ),
    ),
  );
const officeRow = async (id: number) =>
  (
    await t.query('select status, address, counters, hearing_booths, opening_hours, phone from offices where id = $1', [
      id,
    ])
  )[0];

const profile = (overrides: Record<string, unknown> = {}) => ({
  phone: '021-88001199',
  address: 'تهران، میدان ونک، خیابان ملاصدرا، پلاک ۱۴',
  location: { lat: 35.758, lon: 51.41 },
  openingHours: [
    { day: 0, opens: '08:00', closes: '12:00' },
    { day: 0, opens: '13:00', closes: '17:00' },
    { day: 1, opens: '08:00', closes: '16:00' },
    { day: 5, opens: '08:00', closes: '12:00' },
  ],
  counters: 5,
  hearingBooths: 2,
  ...overrides,
});

describe('the public directory', () => {
  it("shows each office's hours, capacity and the services it offers today, without internal history", async () => {
    const res = await anonymous.get('/api/v1/offices?pageSize=50');
    expect(res.statusCode, res.body).toBe(200);
    const vanak = res.json().items.find((o: { code: string }) => o.code === '11001');
    expect(vanak).toMatchObject({ counters: 3, hearingBooths: 1, status: 'active' });
    expect(vanak.openingHours).toContainEqual({ day: 5, opens: '08:00', closes: '13:00' });
    expect(vanak.services).toEqual(expect.arrayContaining(['petition', 'expert-opinion', 'licence-renewal']));
    expect(vanak).not.toHaveProperty('statusEvents');
    expect(vanak).not.toHaveProperty('competencies');
    const shiraz = (await anonymous.get('/api/v1/offices/6')).json();
    expect(shiraz.services).toContain('petition');
    expect(shiraz.services).not.toContain('expert-opinion');
    expect(shiraz.services).not.toContain('licence-renewal');
  });

  it('?service= keeps only active offices competent for it today', async () => {
    const codes = async (q: string) =>
      (await anonymous.get(`/api/v1/offices?pageSize=50&${q}`))
        .json()
        .items.map((o: { code: string }) => o.code)
        .sort();
    expect(await codes('service=licence-renewal')).toEqual(['11001', '11002', '11003', '13001', '13002']);
    expect(await codes('service=expert-opinion')).toEqual(['11001', '11002', '11003', '13001', '13002']);
    expect(await codes('service=licence-renewal&provinceId=3')).toEqual(['13001', '13002']);
    expect(await codes('service=no-such-service')).toEqual([]);
  });

  it('a competency out of its dates, or suspended, is not offered', async () => {
    await t.query(
      "update office_competencies set valid_until = '2020-01-01' where office_id = 3 and service_code = 'protest'",
    );
    await t.query(
      "update office_competencies set status = 'suspended' where office_id = 2 and service_code = 'protest'",
    );
    const codes = (await anonymous.get('/api/v1/offices?service=protest&pageSize=50'))
      .json()
      .items.map((o: { code: string }) => o.code);
    expect(codes).not.toContain('11003');
    expect(codes).not.toContain('11002');
    expect(codes).toContain('11001');
    expect((await anonymous.get('/api/v1/offices/3')).json().services).not.toContain('protest');
  });
});

describe('the profile', () => {
  it("the office's manager updates hours, capacity and location; sorted, audited, shown in the directory", async () => {
    const res = await manager.request({
      method: 'PUT',
      url: '/api/v1/offices/1/profile',
      body: profile({
        openingHours: [
          { day: 5, opens: '08:00', closes: '12:00' },
          { day: 0, opens: '13:00', closes: '17:00' },
          { day: 0, opens: '08:00', closes: '12:00' },
        ],
      }),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      counters: 5,
      hearingBooths: 2,
      phone: '021-88001199',
      location: { lat: 35.758, lon: 51.41 },
    });
    expect(res.json().openingHours).toEqual([
      { day: 0, opens: '08:00', closes: '12:00' },
      { day: 0, opens: '13:00', closes: '17:00' },
      { day: 5, opens: '08:00', closes: '12:00' },
    ]);
    const [audit] = await t.query<{ action: string; office_id: number }>(
      'select action, office_id from audit_events order by seq desc limit 1',
    );
    expect(audit).toEqual({ action: 'office.profile.update', office_id: 1 });
  });

  it("the province's association may edit it too; another office's manager or province may not", async () => {
    expect(
      (await tehranAssociation.request({ method: 'PUT', url: '/api/v1/offices/2/profile', body: profile() }))
        .statusCode,
    ).toBe(200);
    const before = [await snapshot(), await officeRow(1)];
    expectProblem(
      await otherManager.request({ method: 'PUT', url: '/api/v1/offices/1/profile', body: profile({ counters: 9 }) }),
      403,
      'forbidden',
    );
    expectProblem(
      await isfahanAssociation.request({
        method: 'PUT',
        url: '/api/v1/offices/1/profile',
        body: profile({ counters: 9 }),
      }),
      403,
      'forbidden',
    );
    expectProblem(
      await operator.request({ method: 'PUT', url: '/api/v1/offices/1/profile', body: profile({ counters: 9 }) }),
      403,
      'forbidden',
    );
    expectProblem(
      await manager.request({ method: 'PUT', url: '/api/v1/offices/999/profile', body: profile() }),
      404,
      'not_found',
    );
    expect([await snapshot(), await officeRow(1)]).toEqual(before);
  });

  it('overlapping hours, closing before opening and a bad time are field errors naming the period; nothing is written', async () => {
    const before = [await snapshot(), await officeRow(1)];
    const body = expectProblem(
      await manager.request({
        method: 'PUT',
        url: '/api/v1/offices/1/profile',
        body: profile({
          openingHours: [
            { day: 0, opens: '08:00', closes: '13:00' },
            { day: 0, opens: '12:00', closes: '17:00' },
            { day: 1, opens: '17:00', closes: '08:00' },
            { day: 2, opens: '8am', closes: '16:00' },
          ],
        }),
      }),
      400,
      'validation_failed',
    );
    const field = fieldErrors(body);
    expect(field['openingHours.1.opens'].code).toBe('overlapping_hours');
    expect(field['openingHours.2.closes'].code).toBe('closes_before_opens');
    expect(field['openingHours.3.opens'].code).toBe('invalid_time');
    expect(field['openingHours.1.opens'].message.fa).toContain('هم‌پوشانی');
    expect([await snapshot(), await officeRow(1)]).toEqual(before);
  });

  it('counters and booths out of range, a location outside Iran and a day beyond Friday are refused', async () => {
    const before = [await snapshot(), await officeRow(1)];
    const field = fieldErrors(
      expectProblem(
        await manager.request({
          method: 'PUT',
          url: '/api/v1/offices/1/profile',
          body: profile({ counters: 0, hearingBooths: 21 }),
        }),
        400,
        'validation_failed',
      ),
    );
    expect(field.counters.code).toBe('too_small');
    expect(field.hearingBooths.code).toBe('too_big');
    const more = fieldErrors(
      expectProblem(
        await manager.request({
          method: 'PUT',
          url: '/api/v1/offices/1/profile',
          body: profile({
            location: { lat: 41.0, lon: 29.0 },
            openingHours: [{ day: 7, opens: '08:00', closes: '12:00' }],
          }),
        }),
        400,
        'validation_failed',
      ),
    );
    expect(more.location.code).toBe('outside_iran');
    expect(more['openingHours.0.day'].code).toBe('invalid_day');
    expect([await snapshot(), await officeRow(1)]).toEqual(before);
  });
});

describe('status over time', () => {
  it('the regulator suspends an office with reason and dates: status, history event and audit move together', async () => {
    const before = await snapshot();
    const res = await regulator.post('/api/v1/offices/5/status', {
      status: 'suspended',
      reason: 'تخلف در دریافت هزینهٔ مازاد',
      fromDate: '1403-01-15',
      untilDate: '1403-03-15',
    });
    expect(res.statusCode, res.body).toBe(200);
    const history = res.json();
    expect(history.office.status).toBe('suspended');
    expect(history.statusEvents[0]).toMatchObject({
      status: 'suspended',
      reason: 'تخلف در دریافت هزینهٔ مازاد',
      fromDate: '1403-01-15',
      untilDate: '1403-03-15',
    });
    expect(await snapshot()).toEqual({
      ...before,
      office_status_events: before.office_status_events + 1,
      audit_events: before.audit_events + 1,
    });
    const [audit] = await t.query<{ action: string; data: { from: string; to: string } }>(
      'select action, data from audit_events order by seq desc limit 1',
    );
    expect(audit).toMatchObject({ action: 'office.status.change', data: { from: 'active', to: 'suspended' } });
    // A suspended office drops out of the finder's service filter.
    expect(
      (await anonymous.get('/api/v1/offices?service=petition&provinceId=3'))
        .json()
        .items.map((o: { code: string }) => o.code),
    ).toEqual(['13001']);
  });

  it('reinstates a suspended office, then closes it for good: closed → active is a conflict and writes nothing', async () => {
    expect(
      (await regulator.post('/api/v1/offices/5/status', { status: 'active', fromDate: '1403-02-01' })).json().office
        .status,
    ).toBe('active');
    expect(
      (
        await regulator.post('/api/v1/offices/5/status', {
          status: 'closed',
          reason: 'انصراف دارندهٔ پروانه',
          fromDate: '1403-02-10',
        })
      ).json().office.status,
    ).toBe('closed');
    const before = [await snapshot(), await officeRow(5)];
    expectProblem(
      await regulator.post('/api/v1/offices/5/status', { status: 'active', fromDate: '1403-02-11' }),
      409,
      'office_status_conflict',
    );
    expectProblem(
      await regulator.post('/api/v1/offices/5/status', { status: 'suspended', reason: 'x', fromDate: '1403-02-11' }),
      409,
      'office_status_conflict',
    );
    expectProblem(
      await tehranAssociation.request({ method: 'PUT', url: '/api/v1/offices/5/profile', body: profile() }),
      403,
      'forbidden',
    );
    expectProblem(
      await isfahanAssociation.request({ method: 'PUT', url: '/api/v1/offices/5/profile', body: profile() }),
      409,
      'office_status_conflict',
    );
    expect([await snapshot(), await officeRow(5)]).toEqual(before);
  });

  it('a suspension without a reason, a future date, an end before the start, or a bad date is refused; nothing is written', async () => {
    const before = [await snapshot(), await officeRow(7)];
    expect(
      fieldErrors(
        expectProblem(
          await regulator.post('/api/v1/offices/7/status', { status: 'suspended', fromDate: '1403-01-01' }),
          400,
          'validation_failed',
        ),
      ).reason.code,
    ).toBe('reason_required');
    expect(
      fieldErrors(
        expectProblem(
          await regulator.post('/api/v1/offices/7/status', {
            status: 'suspended',
            reason: 'x',
            fromDate: '1499-01-01',
          }),
          400,
          'validation_failed',
        ),
      ).fromDate.code,
    ).toBe('date_in_future');
    expect(
      fieldErrors(
        expectProblem(
          await regulator.post('/api/v1/offices/7/status', {
            status: 'suspended',
            reason: 'x',
            fromDate: '1403-05-01',
            untilDate: '1403-04-01',
          }),
          400,
          'validation_failed',
        ),
      ).untilDate.code,
    ).toBe('date_before_start');
    expect(
      fieldErrors(
        expectProblem(
          await regulator.post('/api/v1/offices/7/status', {
            status: 'suspended',
            reason: 'x',
            fromDate: '1403-13-40',
          }),
          400,
          'validation_failed',
        ),
      ).fromDate.code,
    ).toBe('invalid_jalali_date');
    expectProblem(
      await regulator.post('/api/v1/offices/7/status', { status: 'active', fromDate: '1403-01-01' }),
      409,
      'office_status_conflict',
    );
    expect([await snapshot(), await officeRow(7)]).toEqual(before);
  });

  it('only the regulator changes status', async () => {
    for (const client of [manager, tehranAssociation, inspector]) {
      expectProblem(
        await client.post('/api/v1/offices/1/status', { status: 'suspended', reason: 'x', fromDate: '1403-01-01' }),
        403,
        'forbidden',
      );
    }
    expect((await officeRow(1)).status).toBe('active');
  });
});

describe("the office's history", () => {
  it('shows status events and every competency with its state to the manager, the province and the nation', async () => {
    const res = await manager.get('/api/v1/offices/1/history');
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json();
    expect(h.statusEvents[0]).toMatchObject({
      status: 'active',
      fromDate: expect.stringMatching(/^13\d\d-\d\d-\d\d$/),
    });
    expect(h.competencies.find((c: { serviceCode: string }) => c.serviceCode === 'licence-renewal')).toMatchObject({
      status: 'active',
      pilot: true,
      inForce: true,
    });
    expect((await inspector.get('/api/v1/offices/2/history')).statusCode).toBe(200);
    expect((await regulator.get('/api/v1/offices/6/history')).statusCode).toBe(200);
  });

  it("does not exist outside the caller's office or province, nor to those who do not keep records: 404, as a missing office", async () => {
    expectProblem(await otherManager.get('/api/v1/offices/1/history'), 404, 'not_found');
    expectProblem(await inspector.get('/api/v1/offices/4/history'), 404, 'not_found');
    expectProblem(await operator.get('/api/v1/offices/1/history'), 404, 'not_found');
    expectProblem(await anonymous.get('/api/v1/offices/1/history'), 401, 'unauthenticated');
    expectProblem(await regulator.get('/api/v1/offices/999/history'), 404, 'not_found');
  });
});
