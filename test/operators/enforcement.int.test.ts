/**
 * Licence and competency enforcement on real service actions (docs/decisions/0014): every refusal
 * code comes from an action an operator takes at the counter, and a refused action writes nothing.
 * Each test changes one thing through SQL (a suspension, an expiry, the office's status, a
 * competency) and puts it back afterwards.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mobile, nationalId, STRONG_PASSWORD, staffBody } from '../support/fixtures';
import { multipart, pdf } from '../filings/files';
import { licenseStaff } from '../support/licences';
import { expectProblem } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

const CITIZEN1 = { id: 1, nationalId: '0499370899', mobile: '09120000001' };

let t: TestServer;
let operator: Client; // operator.11001, office 1 (Tehran)
let operatorId: number;
let association: Client;

beforeAll(async () => {
  t = await startTestServer();
  operator = await t.signInStaff('operator.11001');
  association = await t.signInStaff('association.tehran');
  [{ id: operatorId }] = await t.query<{ id: number }>(
    "select id::int as id from users where username = 'operator.11001'",
  );
});
afterAll(async () => {
  await t?.stop();
});

/** What each action could write: none of it may change when the action is refused. */
const TABLES = [
  'service_records',
  'payments',
  'filings',
  'citizens',
  'users',
  'consents',
  'otp_challenges',
  'notifier_outbox',
  'audit_events',
];
const counts = async () =>
  Object.fromEntries(await Promise.all(TABLES.map(async (name) => [name, await t.count(name)] as const)));

const restore: string[] = [];
afterEach(async () => {
  for (const statement of restore.splice(0)) await t.query(statement);
});
/** Runs the change now and its inverse after the test. */
async function change(statement: string, inverse: string) {
  restore.push(inverse);
  await t.query(statement);
}
const suspendOperator = () =>
  change(
    `update activity_licences set status = 'suspended', status_reason = 'بازرسی', suspended_until = null where user_id = ${operatorId}`,
    `update activity_licences set status = 'active', status_reason = null, suspended_until = null where user_id = ${operatorId}`,
  );

async function consentCode(mobileNumber: string): Promise<string> {
  const [row] = await t.query<{ body: string }>(
    "select body from notifier_outbox where recipient = $1 and template = 'otp.consent' order by id desc limit 1",
    [mobileNumber],
  );
  return /\((\d{6})\)/.exec(row?.body ?? '')![1];
}
async function askConsent(purpose = 'follow-up', client = operator) {
  // Codes for one purpose may be asked for once a minute: make room, as time would.
  await t.query("update otp_challenges set created_at = $2::timestamptz - interval '2 minutes' where mobile = $1", [
    CITIZEN1.mobile,
    t.now(),
  ]);
  return client.post('/api/v1/counter/consents', { nationalId: CITIZEN1.nationalId, purpose });
}
async function consent(purpose = 'follow-up') {
  expect((await askConsent(purpose)).statusCode).toBe(202);
  const confirmed = await operator.post('/api/v1/counter/consents/confirm', {
    nationalId: CITIZEN1.nationalId,
    purpose,
    code: await consentCode(CITIZEN1.mobile),
  });
  expect(confirmed.statusCode, confirmed.body).toBe(201);
  return confirmed.json() as { id: number };
}
const lookup = (consentId: number, client = operator) =>
  client.post('/api/v1/counter/status-lookups', { consentId, citizenId: CITIZEN1.id });

/** Refused with this code, and nothing written. */
async function expectRefused(action: () => Promise<import('light-my-request').Response>, code: string) {
  const before = await counts();
  const problem = expectProblem(await action(), 403, code);
  expect(problem.message.fa).toMatch(/[\u0600-\u06FF]/);
  expect(await counts()).toEqual(before);
  return problem;
}

describe('a suspended licence refuses every service action, and nothing is written', () => {
  it('a status lookup under a consent given before the suspension is refused inside its transaction', async () => {
    const c = await consent();
    await suspendOperator();
    const problem = await expectRefused(() => lookup(c.id), 'licence_suspended');
    expect(problem).toMatchObject({ serviceCode: 'follow-up', officeId: 1 });
    expect(
      (await t.query('select service_record_id from consents where id = $1', [c.id]))[0].service_record_id,
    ).toBeNull();
  });

  it('asking a citizen for consent is refused at once, before any code is sent', async () => {
    await suspendOperator();
    await expectRefused(() => askConsent('case-report'), 'licence_suspended');
  });

  it('registering an e-account is refused, both the mobile code and the registration itself', async () => {
    const person = {
      nationalId: nationalId(),
      firstName: 'مینا',
      lastName: 'رستمی',
      fatherName: 'بهروز',
      birthDate: '1370/06/31',
      mobile: mobile(),
      address: 'تهران، خیابان ولیعصر، پلاک ۴',
      postalCode: '1969833114',
      identityCheck: 'national-card',
    };
    expect((await operator.post('/api/v1/eaccounts/mobile-code', { mobile: person.mobile })).statusCode).toBe(202);
    const [row] = await t.query<{ body: string }>(
      "select body from notifier_outbox where recipient = $1 and template = 'otp.mobile-confirm' order by id desc limit 1",
      [person.mobile],
    );
    const mobileCode = /\((\d{6})\)/.exec(row.body)![1];
    await suspendOperator();
    await expectRefused(() => operator.post('/api/v1/eaccounts', { ...person, mobileCode }), 'licence_suspended');
    await expectRefused(
      () => operator.post('/api/v1/eaccounts/mobile-code', { mobile: mobile() }),
      'licence_suspended',
    );
  });

  it('creating an office filing is refused; submitting one paid before the suspension is refused and it stays paid', async () => {
    const petition = {
      service: 'petition',
      applicantCitizenId: CITIZEN1.id,
      parties: [
        { kind: 'citizen', role: 'claimant', nationalId: CITIZEN1.nationalId },
        { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران' },
      ],
      courtId: 1,
      branch: 3,
      subject: 'مطالبهٔ وجه چک',
      facts: 'خوانده وجه چک را نپرداخته است.',
      claims: [{ description: 'وجه چک', valueRials: 500_000_000 }],
    };
    const created = await operator.post('/api/v1/filings', petition);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const confirmed = await operator.post(`/api/v1/filings/${id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    await t.server.ctx.db.transaction((tx) =>
      t.server.ctx.ports.onPaymentCredited.filing(tx, {
        id: 950_000 + id,
        purpose: 'filing',
        filingId: id,
        serviceRecordId: null,
        amountRials: confirmed.json().quote.totalRials,
        receiptNumber: `E${id}`,
        createdBy: 1,
        paidAt: t.now(),
      }),
    );
    await suspendOperator();
    await expectRefused(() => operator.post('/api/v1/filings', petition), 'licence_suspended');
    await expectRefused(
      () =>
        operator.request({
          method: 'POST',
          url: `/api/v1/filings/${id}/submit`,
          headers: { 'idempotency-key': `enf-${id}` },
        }),
      'licence_suspended',
    );
    expect((await t.query('select status from filings where id = $1', [id]))[0].status).toBe('paid');
  });

  it('editing, attaching to, confirming and paying an office filing are refused up front, and the filing is left as it was', async () => {
    const petition = {
      service: 'petition',
      applicantCitizenId: CITIZEN1.id,
      parties: [
        { kind: 'citizen', role: 'claimant', nationalId: CITIZEN1.nationalId },
        { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران' },
      ],
      courtId: 1,
      branch: 3,
      subject: 'مطالبهٔ وجه چک',
      facts: 'خوانده وجه چک را نپرداخته است.',
      claims: [{ description: 'وجه چک', valueRials: 500_000_000 }],
    };
    const draft = (await operator.post('/api/v1/filings', petition)).json().id as number;
    const confirmed = (await operator.post('/api/v1/filings', petition)).json().id as number;
    expect((await operator.post(`/api/v1/filings/${confirmed}/confirm`)).statusCode).toBe(200);
    const snapshot = async () => ({
      rows: await t.query(
        'select id, status, subject, quote, total_rials, confirmed_at from filings where id in ($1, $2) order by id',
        [draft, confirmed],
      ),
      events: await t.query(
        'select filing_id, count(*)::int as n from filing_events where filing_id in ($1, $2) group by filing_id order by filing_id',
        [draft, confirmed],
      ),
      attachments: await t.count('filing_attachments'),
    });
    const { service: _service, applicantCitizenId: _applicant, ...content } = petition;
    const edited = { ...content, subject: 'موضوعی دیگر' };
    const before = await snapshot();
    await suspendOperator();
    const upload = multipart({ name: 'cheque.pdf', type: 'application/pdf', bytes: await pdf(1) }, 'چک');
    for (const action of [
      () => operator.request({ method: 'PUT', url: `/api/v1/filings/${draft}`, body: edited }),
      () => operator.request({ method: 'PUT', url: `/api/v1/filings/${confirmed}`, body: edited }),
      () =>
        operator.request({
          method: 'POST',
          url: `/api/v1/filings/${draft}/attachments`,
          payload: upload.payload,
          headers: upload.headers,
        }),
      () => operator.post(`/api/v1/filings/${draft}/confirm`),
      () => operator.post(`/api/v1/filings/${confirmed}/payment`),
    ]) {
      const problem = await expectRefused(action, 'licence_suspended');
      expect(problem).toMatchObject({ serviceCode: 'petition', officeId: 1 });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('charging an office service at the counter is refused', async () => {
    await suspendOperator();
    await expectRefused(
      () =>
        operator.request({
          method: 'POST',
          url: '/api/v1/payments',
          body: { serviceCode: 'password-delivery', citizenId: 1 },
          headers: { 'idempotency-key': 'enf-pay-1' },
        }),
      'licence_suspended',
    );
  });

  it('a suspension whose end date has passed counts as lifted', async () => {
    await change(
      `update activity_licences set status = 'suspended', status_reason = 'بازرسی', suspended_until = '${t.today()}'::date - 2 where user_id = ${operatorId}`,
      `update activity_licences set status = 'active', status_reason = null, suspended_until = null where user_id = ${operatorId}`,
    );
    expect((await askConsent('case-report')).statusCode).toBe(202);
  });
});

describe('each refusal has its own code', () => {
  it('an expired licence: licence_expired', async () => {
    const c = await consent();
    await change(
      `update activity_licences set expires_on = '${t.today()}'::date - 1 where user_id = ${operatorId}`,
      `update activity_licences set expires_on = '${t.today()}'::date + 300 where user_id = ${operatorId}`,
    );
    await expectRefused(() => lookup(c.id), 'licence_expired');
  });

  it('a revoked licence: licence_revoked', async () => {
    await change(
      `update activity_licences set status = 'revoked', status_reason = 'تخلف' where user_id = ${operatorId}`,
      `update activity_licences set status = 'active', status_reason = null where user_id = ${operatorId}`,
    );
    await expectRefused(() => askConsent(), 'licence_revoked');
  });

  it('a licence that does not name the service: licence_required', async () => {
    const c = await consent();
    await change(
      `update activity_licences set service_codes = service_codes - 'follow-up' where user_id = ${operatorId}`,
      `update activity_licences set service_codes = service_codes || '["follow-up"]'::jsonb where user_id = ${operatorId}`,
    );
    await expectRefused(() => lookup(c.id), 'licence_required');
    // Other services of the licence still work.
    expect((await askConsent('case-report')).statusCode).toBe(202);
  });

  it('a staff member without any licence: licence_required; licensed, the same action works', async () => {
    const created = await (await t.signInStaff('manager.11001')).post(
      '/api/v1/users',
      staffBody('enf.unlicensed', { role: 'operator', officeId: 1 }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const newcomer = await t.signInStaff('enf.unlicensed', STRONG_PASSWORD);
    await expectRefused(() => askConsent('follow-up', newcomer), 'licence_required');
    await licenseStaff(t, { user: 'enf.unlicensed', officeId: 1 });
    expect((await askConsent('case-report', newcomer)).statusCode).toBe(202);
  });

  it('an office that is suspended: office_not_active, whatever the licence', async () => {
    const c = await consent();
    await change(
      "update offices set status = 'suspended' where id = 1",
      "update offices set status = 'active' where id = 1",
    );
    await expectRefused(() => lookup(c.id), 'office_not_active');
    await expectRefused(() => askConsent(), 'office_not_active');
  });

  it('a competency withdrawn from the office: office_lacks_competency', async () => {
    const c = await consent();
    await change(
      "update office_competencies set status = 'withdrawn' where office_id = 1 and service_code = 'follow-up'",
      "update office_competencies set status = 'active' where office_id = 1 and service_code = 'follow-up'",
    );
    await expectRefused(() => lookup(c.id), 'office_lacks_competency');
  });

  it('a competency not yet in force or already ended: office_lacks_competency', async () => {
    await change(
      `update office_competencies set valid_until = '${t.today()}'::date - 1 where office_id = 1 and service_code = 'case-report'`,
      "update office_competencies set valid_until = null where office_id = 1 and service_code = 'case-report'",
    );
    await expectRefused(() => askConsent('case-report'), 'office_lacks_competency');
  });

  it('online self-service has no operator and needs no licence', async () => {
    const citizen = await t.signInCitizen(CITIZEN1.mobile);
    expect((await citizen.get('/api/v1/me/overview')).statusCode).toBe(200);
  });
});

describe("the association's suspension through the API refuses the operator's next service", () => {
  it('suspend → refused with the Persian message; reinstate → served again', async () => {
    const [licence] = await t.query<{ id: number }>('select id::int as id from activity_licences where user_id = $1', [
      operatorId,
    ]);
    const suspended = await association.post(`/api/v1/licences/${licence.id}/suspend`, {
      reason: 'شکایت شهروند در دست بررسی است',
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const problem = await expectRefused(() => askConsent(), 'licence_suspended');
    expect(problem.message.fa).toContain('معلق');
    expect(
      (await association.post(`/api/v1/licences/${licence.id}/reinstate`, { reason: 'بررسی پایان یافت' })).statusCode,
    ).toBe(200);
    expect((await askConsent('case-report')).statusCode).toBe(202);
  });
});
