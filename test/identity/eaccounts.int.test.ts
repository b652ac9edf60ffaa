/**
 * Judicial e-accounts: registration at the counter and online, the citizen lookup, legal persons
 * and representatives — through the HTTP API, with every bad input the issue lists.
 */
import { judicialIdFor } from '#core/judicial-id';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '#core/check-digit';
import { isValidLegalId } from '#core/identifiers';
import { mobile, nationalId } from '../support/fixtures';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let operator: Client;
let isfahanCitizen: Promise<Client> | undefined;
/** One signed-in citizen for the whole file (a second sign-in code within a minute is refused). */
const citizenClient = () => (isfahanCitizen ??= t.signInCitizen('09130000002'));
beforeAll(async () => {
  t = await startTestServer();
  operator = await t.signInStaff('operator.11001');
});
afterAll(async () => {
  await t?.stop();
});

/** The latest code sent to a mobile with this SMS template, read from the outbox. */
async function codeSentTo(mobileNumber: string, template = 'otp.mobile-confirm'): Promise<string> {
  const [row] = await t.query<{ body: string }>(
    'select body from notifier_outbox where recipient = $1 and template = $2 order by id desc limit 1',
    [mobileNumber, template],
  );
  const code = /\((\d{6})\)/.exec(row?.body ?? '')?.[1];
  if (!code) throw new Error(`no ${template} code sent to ${mobileNumber}`);
  return code;
}

function person(overrides: Record<string, unknown> = {}) {
  return {
    nationalId: nationalId(),
    firstName: 'مینا',
    lastName: 'رستمی',
    fatherName: 'بهروز',
    birthDate: '۱۳۷۰/۰۶/۳۱',
    mobile: mobile(),
    address: 'تهران، خیابان ولیعصر، کوچهٔ نهم، پلاک ۴',
    postalCode: '۱۹۶۹۸۳۳۱۱۴',
    identityCheck: 'national-card',
    ...overrides,
  };
}

/** Sends the confirmation code at the counter and returns a complete registration body. */
async function confirmedBody(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = person(overrides);
  const sent = await operator.post('/api/v1/eaccounts/mobile-code', { mobile: body.mobile });
  expect(sent.statusCode, sent.body).toBe(202);
  return { ...body, mobileCode: await codeSentTo(body.mobile as string) };
}

const counts = async () => ({
  citizens: await t.count('citizens'),
  users: await t.count('users'),
  records: await t.count('service_records'),
  audit: await t.count('audit_events'),
});

/** A valid 11-digit national company ID. */
function legalId(seed: number): string {
  for (let last = 0; last < 10; last++) {
    const id = `${String(10_100_000_00 + seed).padStart(10, '0')}${last}`;
    if (isValidLegalId(id)) return id;
  }
  throw new Error('no legal id');
}

describe('registration at the counter', () => {
  it('gives a judicial ID with a valid check digit, a citizen sign-in account, a priced service record, an audit event and an SMS', async () => {
    const body = await confirmedBody();
    const res = await operator.post('/api/v1/eaccounts', body);
    expect(res.statusCode, res.body).toBe(201);
    const { eaccount, serviceRecordId, amountRials } = res.json();
    expect(hasValidCheckDigit(eaccount.judicialId)).toBe(true);
    expect(eaccount).toMatchObject({
      nationalId: body.nationalId,
      birthDate: '1370-06-31',
      identityCheck: 'national-card',
      channel: 'office',
      provinceId: 1,
    });
    expect(amountRials).toBe(335_000);

    const [record] = await t.query<{
      service_code: string;
      office_id: number;
      operator_user_id: number | null;
      amount_rials: string;
      channel: string;
    }>('select service_code, office_id, operator_user_id, amount_rials, channel from service_records where id = $1', [
      serviceRecordId,
    ]);
    expect(record).toMatchObject({ service_code: 'sana-registration', office_id: 1, channel: 'office' });
    expect(Number(record.amount_rials)).toBe(335_000);
    expect(record.operator_user_id).not.toBeNull();
    // The fee's payment starts with the registration, for the registered citizen, at the office's counter.
    const { payment } = res.json();
    const [started] = await t.query<{
      amount_rials: string;
      status: string;
      service_record_id: string;
      payer_citizen_id: string;
    }>('select amount_rials, status, service_record_id, payer_citizen_id from payments where id = $1', [
      payment.paymentId,
    ]);
    expect(started).toMatchObject({ status: 'pending' });
    expect([Number(started.amount_rials), Number(started.service_record_id), Number(started.payer_citizen_id)]).toEqual(
      [335_000, serviceRecordId, eaccount.id],
    );

    const [citizen] = await t.query<{
      postal_code: string;
      mobile_confirmed_at: Date | null;
      registered_office_id: number;
    }>('select postal_code, mobile_confirmed_at, registered_office_id from citizens where id = $1', [eaccount.id]);
    expect(citizen.postal_code).toBe('1969833114');
    expect(citizen.mobile_confirmed_at).not.toBeNull();
    expect(citizen.registered_office_id).toBe(1);

    const audit = await t.query<{ action: string }>(
      "select action from audit_events where entity_type = 'citizen' and entity_id = $1",
      [String(eaccount.id)],
    );
    expect(audit.map((a) => a.action)).toContain('eaccounts.register');
    const sms = await t.query<{ body: string }>(
      "select body from notifier_outbox where recipient = $1 and template = 'eaccount.registered'",
      [body.mobile],
    );
    expect(sms[0].body).toContain(eaccount.judicialId);

    // The citizen signs in with the registered mobile and sees their own profile.
    const citizenClient = await t.signInCitizen(body.mobile as string);
    const me = await citizenClient.get('/api/v1/citizens/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().nationalId).toBe(body.nationalId);
  });

  it('a national ID that already has an e-account is refused with 409 eaccount_exists and nothing is written', async () => {
    const before = await counts();
    const res = await operator.post('/api/v1/eaccounts', await confirmedBody({ nationalId: '0499370899' }));
    const problem = expectProblem(res, 409, 'eaccount_exists');
    expect(fieldErrors(problem).nationalId).toBeDefined();
    expect(await counts()).toEqual(before);
  });

  it('two registrations of one national ID at the same moment give one e-account and one 409', async () => {
    const id = nationalId();
    const [a, b] = [await confirmedBody({ nationalId: id }), await confirmedBody({ nationalId: id })];
    const results = await Promise.all([operator.post('/api/v1/eaccounts', a), operator.post('/api/v1/eaccounts', b)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await t.query('select id from citizens where national_id = $1', [id])).length).toBe(1);
  });

  it('a wrong mobile code is refused with 400 invalid_mobile_code next to the field, and nothing is written', async () => {
    const body = await confirmedBody();
    const wrong = String((Number(body.mobileCode) + 1) % 1_000_000).padStart(6, '0');
    const before = await counts();
    const problem = expectProblem(
      await operator.post('/api/v1/eaccounts', { ...body, mobileCode: wrong }),
      400,
      'invalid_mobile_code',
    );
    expect(fieldErrors(problem).mobileCode).toBeDefined();
    expect(await counts()).toEqual(before);
    // The right code still works afterwards.
    expect((await operator.post('/api/v1/eaccounts', body)).statusCode).toBe(201);
  });

  it('an expired mobile code is refused, and a code is spent by the registration it confirmed', async () => {
    const body = await confirmedBody();
    await t.query("update otp_challenges set expires_at = $2::timestamptz - interval '1 second' where mobile = $1", [
      body.mobile,
      t.now(),
    ]);
    expectProblem(await operator.post('/api/v1/eaccounts', body), 400, 'invalid_mobile_code');

    const again = await confirmedBody();
    expect((await operator.post('/api/v1/eaccounts', again)).statusCode).toBe(201);
    const reuse = { ...again, nationalId: nationalId() };
    expectProblem(await operator.post('/api/v1/eaccounts', reuse), 400, 'invalid_mobile_code');
  });

  it('five wrong codes spend the code: even the right one is refused afterwards', async () => {
    const body = await confirmedBody();
    const wrong = String((Number(body.mobileCode) + 7) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++)
      expectProblem(
        await operator.post('/api/v1/eaccounts', { ...body, mobileCode: wrong }),
        400,
        'invalid_mobile_code',
      );
    expectProblem(await operator.post('/api/v1/eaccounts', body), 400, 'invalid_mobile_code');
  });

  it('without the mobile code nobody learns whether a national ID is registered', async () => {
    expectProblem(
      await t.anonymous().post('/api/v1/eaccounts/self', {
        ...person({ nationalId: '0499370899' }),
        identityCheck: undefined,
        provinceId: 1,
        mobileCode: '123456',
      }),
      400,
      'invalid_mobile_code',
    );
  });

  it("the visitor's ticket is recorded on the registration service; another office's ticket is refused", async () => {
    const [other] = await t.query<{ id: number }>(
      'insert into queue_tickets (office_id, day, number) values (2, $1::date, 900) returning id::int as id',
      [t.today()],
    );
    const refused = expectProblem(
      await operator.post('/api/v1/eaccounts', { ...(await confirmedBody()), ticketId: other.id }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(refused).ticketId).toBeDefined();
    const ticket = (await operator.post('/api/v1/counter/tickets')).json().ticket;
    const res = await operator.post('/api/v1/eaccounts', { ...(await confirmedBody()), ticketId: ticket.id });
    expect(res.statusCode, res.body).toBe(201);
    const [record] = await t.query<{ ticket_id: string }>('select ticket_id from service_records where id = $1', [
      res.json().serviceRecordId,
    ]);
    expect(Number(record.ticket_id)).toBe(ticket.id);
  });

  it('a mobile that already belongs to an e-account is refused before a code is sent', async () => {
    expectProblem(
      await operator.post('/api/v1/eaccounts/mobile-code', { mobile: '09120000001' }),
      409,
      'mobile_in_use',
    );
  });

  it('a second code for the same mobile within a minute is refused with 429 otp_too_soon', async () => {
    const m = mobile();
    expect((await operator.post('/api/v1/eaccounts/mobile-code', { mobile: m })).statusCode).toBe(202);
    const res = expectProblem(await operator.post('/api/v1/eaccounts/mobile-code', { mobile: m }), 429, 'otp_too_soon');
    expect(res.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('invalid national ID, mobile, postal code, birth date, identity check and missing names are named field by field', async () => {
    const before = await counts();
    const res = await operator.post('/api/v1/eaccounts', {
      ...person(),
      nationalId: '0499370898',
      mobile: '0912123',
      postalCode: '12345',
      birthDate: '1370/13/40',
      identityCheck: 'hearsay',
      firstName: '',
      mobileCode: '12',
    });
    const fields = fieldErrors(expectProblem(res, 400, 'validation_failed'));
    expect(fields.nationalId.code).toBe('invalid_national_id');
    expect(fields.mobile.code).toBe('invalid_mobile');
    expect(fields.postalCode.code).toBe('invalid_postal_code');
    expect(fields.birthDate.code).toBe('invalid_jalali_date');
    expect(fields.identityCheck).toBeDefined();
    expect(fields.firstName).toBeDefined();
    expect(fields.mobileCode.code).toBe('invalid_mobile_code');
    expect(await counts()).toEqual(before);
  });

  it('a birth date in the future and a city outside the province are refused', async () => {
    const future = await confirmedBody({ birthDate: '1450/01/01' });
    expect(
      fieldErrors(expectProblem(await operator.post('/api/v1/eaccounts', future), 400, 'validation_failed')).birthDate,
    ).toBeDefined();
    const [isfahanCity] = await t.query<{ id: number }>('select id from cities where province_id = 3 limit 1');
    const wrongCity = await confirmedBody({ cityId: isfahanCity.id });
    expect(
      fieldErrors(expectProblem(await operator.post('/api/v1/eaccounts', wrongCity), 400, 'validation_failed')).cityId,
    ).toBeDefined();
  });

  it('only operators and office managers register e-accounts at the counter', async () => {
    expectProblem(
      await t.anonymous().post('/api/v1/eaccounts/mobile-code', { mobile: mobile() }),
      401,
      'unauthenticated',
    );
    for (const who of ['clerk.tehran', 'inspector.tehran', 'regulator', 'consultant.11001']) {
      const client = await t.signInStaff(who);
      expectProblem(await client.post('/api/v1/eaccounts/mobile-code', { mobile: mobile() }), 403, 'forbidden');
      expectProblem(await client.post('/api/v1/eaccounts', { ...person(), mobileCode: '123456' }), 403, 'forbidden');
    }
    const citizen = await citizenClient();
    expectProblem(await citizen.post('/api/v1/eaccounts', { ...person(), mobileCode: '123456' }), 403, 'forbidden');
    const manager = await t.signInStaff('manager.13001');
    const m = mobile();
    expect((await manager.post('/api/v1/eaccounts/mobile-code', { mobile: m })).statusCode).toBe(202);
    const res = await manager.post('/api/v1/eaccounts', { ...person({ mobile: m }), mobileCode: await codeSentTo(m) });
    expect(res.statusCode, res.body).toBe(201);
    // Registered at an Isfahan office, the citizen belongs to Isfahan unless told otherwise.
    expect(res.json().eaccount.provinceId).toBe(3);
  });
});

describe('online self-registration', () => {
  const selfBody = async (overrides: Record<string, unknown> = {}) => {
    const { identityCheck: _ignored, ...body } = person(overrides);
    const client = t.anonymous();
    const sent = await client.post('/api/v1/eaccounts/self/mobile-code', { mobile: body.mobile });
    expect(sent.statusCode, sent.body).toBe(202);
    return { client, body: { ...body, provinceId: 3, mobileCode: await codeSentTo(body.mobile as string) } };
  };

  it('a citizen registers with a mobile code and is signed in, with identity check online and an online service record', async () => {
    const { client, body } = await selfBody();
    const res = await client.post('/api/v1/eaccounts/self', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().eaccount).toMatchObject({ identityCheck: 'online', channel: 'online', provinceId: 3 });
    expect(res.json().user).toMatchObject({ kind: 'citizen', roles: [{ role: 'citizen' }] });
    const me = await client.get('/api/v1/citizens/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().nationalId).toBe(body.nationalId);
    const [record] = await t.query<{ channel: string; office_id: number | null }>(
      "select channel, office_id from service_records where citizen_id = $1 and service_code = 'sana-registration'",
      [res.json().eaccount.id],
    );
    expect(record).toEqual({ channel: 'online', office_id: null });
  });

  it('a wrong code signs nobody in and writes nothing', async () => {
    const { client, body } = await selfBody();
    const before = await counts();
    const wrong = String((Number(body.mobileCode) + 3) % 1_000_000).padStart(6, '0');
    expectProblem(
      await client.post('/api/v1/eaccounts/self', { ...body, mobileCode: wrong }),
      400,
      'invalid_mobile_code',
    );
    expect(await counts()).toEqual(before);
    expectProblem(await client.get('/api/v1/auth/me'), 401, 'unauthenticated');
  });

  it('an identity check other than online cannot be claimed online', async () => {
    const { client, body } = await selfBody();
    const problem = expectProblem(
      await client.post('/api/v1/eaccounts/self', { ...body, identityCheck: 'biometric' }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(problem).identityCheck).toBeDefined();
  });

  it('when the channel policy of sana-registration is office-only, online registration answers 403 channel_not_allowed', async () => {
    const { client, body } = await selfBody();
    await t.query("update catalog_services set channels = 'office' where code = 'sana-registration'");
    try {
      expectProblem(await client.post('/api/v1/eaccounts/self', body), 403, 'channel_not_allowed');
      expectProblem(
        await t.anonymous().post('/api/v1/eaccounts/self/mobile-code', { mobile: mobile() }),
        403,
        'channel_not_allowed',
      );
      expect((await t.query('select id from citizens where national_id = $1', [body.nationalId])).length).toBe(0);
      // The counter still registers.
      expect((await operator.post('/api/v1/eaccounts', await confirmedBody())).statusCode).toBe(201);
    } finally {
      await t.query("update catalog_services set channels = 'both' where code = 'sana-registration'");
    }
  });

  it('when the policy is online-only, the counter answers 403 channel_not_allowed', async () => {
    const body = await confirmedBody();
    await t.query("update catalog_services set channels = 'online' where code = 'sana-registration'");
    try {
      expectProblem(await operator.post('/api/v1/eaccounts', body), 403, 'channel_not_allowed');
    } finally {
      await t.query("update catalog_services set channels = 'both' where code = 'sana-registration'");
    }
  });
});

describe('citizen lookup at the counter', () => {
  it('shows only name, judicial ID and a masked mobile', async () => {
    const res = await operator.get('/api/v1/citizens/lookup?nationalId=0499370899');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: 1,
      firstName: 'امیر',
      lastName: 'تهرانی',
      judicialId: judicialIdFor(1, 1),
      maskedMobile: '0912***0001',
      provinceId: 1,
    });
    expect(res.body).not.toContain('09120000001');
  });

  it('accepts Persian digits, answers 404 eaccount_not_found for someone without an e-account and 400 for an invalid ID', async () => {
    expect(
      (await operator.get(`/api/v1/citizens/lookup?nationalId=${encodeURIComponent('۰۴۹۹۳۷۰۸۹۹')}`)).statusCode,
    ).toBe(200);
    expectProblem(await operator.get(`/api/v1/citizens/lookup?nationalId=${nationalId()}`), 404, 'eaccount_not_found');
    expectProblem(await operator.get('/api/v1/citizens/lookup?nationalId=1234567890'), 400, 'validation_failed');
  });

  it('citizens, clerks and oversight staff cannot look citizens up', async () => {
    expectProblem(await t.anonymous().get('/api/v1/citizens/lookup?nationalId=0499370899'), 401, 'unauthenticated');
    for (const who of ['clerk.tehran', 'association', 'inspector.tehran']) {
      expectProblem(
        await (await t.signInStaff(who)).get('/api/v1/citizens/lookup?nationalId=0499370899'),
        403,
        'forbidden',
      );
    }
    expectProblem(await (await citizenClient()).get('/api/v1/citizens/lookup?nationalId=0499370899'), 403, 'forbidden');
  });
});

describe('legal persons and representatives', () => {
  it('a company is registered by a valid national company ID, once, with its agent, and found by search', async () => {
    const id = legalId(4711);
    const res = await operator.post('/api/v1/legal-persons', {
      nationalCompanyId: id,
      name: 'شرکت آزمون پارس',
      registrationNumber: '۴۵۶۷۸',
      provinceId: 1,
      agentNationalId: '0499370899',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      nationalCompanyId: id,
      registrationNumber: '45678',
      agent: { citizenId: 1, nationalId: '0499370899' },
    });
    expectProblem(
      await operator.post('/api/v1/legal-persons', {
        nationalCompanyId: id,
        name: 'دیگری',
        registrationNumber: '1',
        provinceId: 1,
      }),
      409,
      'legal_person_exists',
    );
    const found = await operator.get(`/api/v1/legal-persons?q=${id}`);
    expect(found.json().items.map((i: { id: number }) => i.id)).toEqual([res.json().id]);
    const byName = await operator.get(`/api/v1/legal-persons?q=${encodeURIComponent('آزمون پارس')}`);
    expect(byName.json().total).toBeGreaterThanOrEqual(1);
  });

  it('an invalid company ID, an unknown agent and an unknown province are named field by field', async () => {
    const bad = expectProblem(
      await operator.post('/api/v1/legal-persons', {
        nationalCompanyId: '10100000001',
        name: 'شرکت',
        registrationNumber: '1',
        provinceId: 1,
      }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(bad).nationalCompanyId.code).toBe('invalid_company_id');
    const agent = expectProblem(
      await operator.post('/api/v1/legal-persons', {
        nationalCompanyId: legalId(4712),
        name: 'شرکت',
        registrationNumber: '1',
        provinceId: 1,
        agentNationalId: nationalId(),
      }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(agent).agentNationalId.code).toBe('citizen_not_found');
    const province = expectProblem(
      await operator.post('/api/v1/legal-persons', {
        nationalCompanyId: legalId(4713),
        name: 'شرکت',
        registrationNumber: '1',
        provinceId: 999,
      }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(province).provinceId).toBeDefined();
  });

  it('a lawyer needs a licence number and bar association; a guardian does not; both are found by national ID', async () => {
    const missing = expectProblem(
      await operator.post('/api/v1/representatives', { nationalId: '1290000018', kind: 'lawyer' }),
      400,
      'validation_failed',
    );
    expect(Object.keys(fieldErrors(missing)).sort()).toEqual(['issuer', 'licenceNumber']);
    const lawyer = await operator.post('/api/v1/representatives', {
      nationalId: '1290000018',
      kind: 'lawyer',
      licenceNumber: '۱۲۳۴۵',
      issuer: 'کانون وکلای دادگستری اصفهان',
      validUntil: '1405/12/29',
    });
    expect(lawyer.statusCode, lawyer.body).toBe(201);
    expect(lawyer.json()).toMatchObject({
      kind: 'lawyer',
      licenceNumber: '12345',
      validUntil: '1405-12-29',
      nationalId: '1290000018',
    });
    expectProblem(
      await operator.post('/api/v1/representatives', {
        nationalId: '1290000018',
        kind: 'lawyer',
        licenceNumber: '12345',
        issuer: 'کانون',
      }),
      409,
      'representative_exists',
    );
    expect(
      (await operator.post('/api/v1/representatives', { nationalId: '1290000018', kind: 'guardian' })).statusCode,
    ).toBe(201);
    const found = await operator.get('/api/v1/representatives?nationalId=1290000018');
    expect(
      found
        .json()
        .items.map((r: { kind: string }) => r.kind)
        .sort(),
    ).toEqual(['guardian', 'lawyer']);
    const byLicence = await operator.get('/api/v1/representatives?q=12345');
    expect(byLicence.json().items[0].id).toBe(lawyer.json().id);
    expect(
      fieldErrors(
        expectProblem(
          await operator.post('/api/v1/representatives', { nationalId: nationalId(), kind: 'guardian' }),
          400,
          'validation_failed',
        ),
      ).nationalId.code,
    ).toBe('citizen_not_found');
  });

  it('only office staff create or search parties', async () => {
    for (const who of ['clerk.tehran', 'regulator']) {
      const client = await t.signInStaff(who);
      expectProblem(await client.get('/api/v1/legal-persons'), 403, 'forbidden');
      expectProblem(
        await client.post('/api/v1/representatives', { nationalId: '1290000018', kind: 'guardian' }),
        403,
        'forbidden',
      );
    }
    expectProblem(await t.anonymous().get('/api/v1/representatives'), 401, 'unauthenticated');
  });
});
