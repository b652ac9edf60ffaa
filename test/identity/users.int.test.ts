import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '#server/seed/demo-data';
import { nationalId, STRONG_PASSWORD, staffBody } from '../support/fixtures';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let manager: Client;
let regulator: Client;
beforeAll(async () => {
  t = await startTestServer();
  manager = await t.signInStaff('manager.11001');
  regulator = await t.signInStaff('regulator');
});
afterAll(async () => {
  await t?.stop();
});

const snapshot = async () => ({
  users: await t.count('users'),
  grants: await t.count('role_grants'),
  audit: await t.count('audit_events'),
});
const createAs = (client: Client, body: Record<string, unknown>) => client.post('/api/v1/users', body);

/** Sends a body that must be refused with one field error, and proves nothing was written. */
async function refusedField(body: Record<string, unknown>, field: string, code: string, fa: RegExp, en: RegExp) {
  const before = await snapshot();
  const problem = expectProblem(await createAs(manager, body), 400, 'validation_failed');
  const errors = fieldErrors(problem);
  expect(errors[field], JSON.stringify(problem.errors)).toBeDefined();
  expect(errors[field].code).toBe(code);
  expect(errors[field].message.fa).toMatch(fa);
  expect(errors[field].message.en).toMatch(en);
  expect(await snapshot()).toEqual(before);
  return problem;
}

describe('creating staff: validation, in Persian and English, field by field', () => {
  it('an invalid national ID (wrong check digit) is refused on nationalId', async () => {
    await refusedField(
      staffBody('v.nid', { nationalId: '0012345678' }),
      'nationalId',
      'invalid_national_id',
      /کد ملی/,
      /national ID/i,
    );
  });

  it('ten equal digits are not a national ID even though they pass the checksum', async () => {
    await refusedField(
      staffBody('v.nid2', { nationalId: '1111111111' }),
      'nationalId',
      'invalid_national_id',
      /کد ملی/,
      /national ID/i,
    );
  });

  it('an invalid mobile number is refused on mobile', async () => {
    await refusedField(staffBody('v.mobile', { mobile: '0812345678' }), 'mobile', 'invalid_mobile', /همراه/, /mobile/i);
  });

  it('an invalid Sheba is refused on sheba', async () => {
    await refusedField(
      staffBody('v.sheba', { sheba: 'IR000000000000000000000000' }),
      'sheba',
      'invalid_sheba',
      /شبا/,
      /Sheba/,
    );
  });

  it('a Jalali date that does not exist (1403-07-31: Mehr has 30 days) is refused on birthDate', async () => {
    await refusedField(
      staffBody('v.birth', { birthDate: '1403-07-31' }),
      'birthDate',
      'invalid_jalali_date',
      /تاریخ/,
      /Jalali date/,
    );
  });

  it('a weak password is refused on password', async () => {
    await refusedField(
      staffBody('v.pass', { password: 'short1' }),
      'password',
      'weak_password',
      /گذرواژه/,
      /password/i,
    );
    await refusedField(
      staffBody('v.pass2', { password: 'onlyletterslong' }),
      'password',
      'weak_password',
      /گذرواژه/,
      /password/i,
    );
  });

  it('an unknown field is refused by name rather than ignored', async () => {
    await refusedField(staffBody('v.extra', { isAdmin: true }), 'isAdmin', 'unknown_field', /شناخته/, /not recognised/);
  });

  it('a missing required field is named', async () => {
    const body = staffBody('v.missing');
    delete body.lastName;
    await refusedField(body, 'lastName', 'required', /الزامی/, /required/);
  });

  it('an office role without an office is refused on officeId', async () => {
    const body = staffBody('v.scope');
    delete body.officeId;
    await refusedField(body, 'officeId', 'scope_required', /حوزه/, /scope/);
  });

  it('an office that does not exist is refused on officeId', async () => {
    const before = await snapshot();
    const problem = expectProblem(
      await createAs(regulator, staffBody('v.noffice', { officeId: 99_999 })),
      400,
      'validation_failed',
    );
    expect(fieldErrors(problem).officeId.code).toBe('invalid_value');
    expect(await snapshot()).toEqual(before);
  });

  it('every invalid field is reported in one answer', async () => {
    const problem = expectProblem(
      await createAs(manager, {
        username: 'Bad Name!',
        password: 'weak',
        firstName: '',
        lastName: 'ب',
        nationalId: '123',
        mobile: '12',
        birthDate: '1403-13-01',
        sheba: 'IR12',
        role: 'operator',
        officeId: 1,
      }),
      400,
      'validation_failed',
    );
    expect(Object.keys(fieldErrors(problem)).sort()).toEqual([
      'birthDate',
      'firstName',
      'mobile',
      'nationalId',
      'password',
      'sheba',
      'username',
    ]);
  });

  it('a role that does not exist is refused', async () => {
    await refusedField(staffBody('v.role', { role: 'superuser' }), 'role', 'invalid_value', /مجاز/, /not allowed/);
  });
});

describe('creating staff: success and conflicts', () => {
  it('creates the account (201), records it in the audit log, and the new operator can sign in', async () => {
    const before = await snapshot();
    const res = await createAs(
      manager,
      staffBody('new.operator', {
        nationalId: '۰۴۹۹۳۷۰۸۹۹',
        mobile: '+989121234567',
        birthDate: '۱۳۷۰/۰۵/۰۱',
        sheba: 'IR820540102680020817909002',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const user = res.json().user;
    expect(user).toMatchObject({
      username: 'new.operator',
      nationalId: '0499370899',
      mobile: '09121234567',
      disabled: false,
      roles: [{ role: 'operator', scope: { kind: 'office', officeId: 1, provinceId: 1 } }],
    });
    expect(user).not.toHaveProperty('passwordHash');
    expect(await snapshot()).toEqual({ users: before.users + 1, grants: before.grants + 1, audit: before.audit + 1 });
    const [event] = await t.query<{
      action: string;
      entity_id: string;
      office_id: number;
      data: Record<string, unknown>;
    }>('select action, entity_id, office_id, data from audit_events order by seq desc limit 1');
    expect(event).toMatchObject({
      action: 'users.create',
      entity_id: String(user.id),
      office_id: 1,
      data: { username: 'new.operator', role: 'operator' },
    });
    expect(JSON.stringify(event.data)).not.toContain(STRONG_PASSWORD);
    const [row] = await t.query<{ birth_date: string; sheba: string }>(
      'select birth_date, sheba from users where id = $1',
      [user.id],
    );
    expect(row).toEqual({ birth_date: '1991-07-23', sheba: 'IR820540102680020817909002' });

    const client = await t.signInStaff('new.operator', STRONG_PASSWORD);
    expect((await client.get('/api/v1/auth/me')).json().user.roles[0].role).toBe('operator');
    expect((await manager.get('/api/v1/users?q=new.operator')).json().items.map((u: { id: number }) => u.id)).toEqual([
      user.id,
    ]);
  });

  it('a taken username is 409 username_taken, whatever its case, and writes nothing', async () => {
    const before = await snapshot();
    const problem = expectProblem(await createAs(manager, staffBody('Operator.11001')), 409, 'username_taken');
    expect(fieldErrors(problem).username).toBeDefined();
    expectProblem(
      await createAs(manager, staffBody('new.operator', { nationalId: nationalId() })),
      409,
      'username_taken',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('a refused role assignment writes nothing either', async () => {
    const before = await snapshot();
    expectProblem(await createAs(manager, staffBody('other.office', { officeId: 3 })), 403, 'role_not_assignable');
    expect(await snapshot()).toEqual(before);
  });
});

describe('resetting a password', () => {
  it('sets the new password, the old one stops working, open sessions end, and the reset is audited', async () => {
    const operator = await t.signInStaff('operator.11001');
    const [{ id }] = await t.query<{ id: number }>("select id from users where username = 'operator.11001'");
    const auditBefore = await t.count('audit_events');
    expect((await manager.post(`/api/v1/users/${id}/password`, { password: 'Brand-new-1403' })).statusCode).toBe(204);
    expectProblem(await operator.get('/api/v1/auth/me'), 401, 'unauthenticated');
    expectProblem(
      await t.anonymous().post('/api/v1/auth/staff/login', { username: 'operator.11001', password: DEMO_PASSWORD }),
      401,
      'invalid_credentials',
    );
    expect(
      (await t.anonymous().post('/api/v1/auth/staff/login', { username: 'operator.11001', password: 'Brand-new-1403' }))
        .statusCode,
    ).toBe(200);
    // The reset, then the refused sign-in with the old password and the sign-in with the new one.
    const events = await t.query<{ action: string; entity_id: string; data: unknown }>(
      'select action, entity_id, data from audit_events where seq > $1 order by seq',
      [auditBefore],
    );
    expect(events.map((e) => [e.action, e.entity_id])).toEqual([
      ['users.reset-password', String(id)],
      ['auth.sign-in-failed', String(id)],
      ['auth.sign-in', String(id)],
    ]);
    for (const event of events) {
      expect(JSON.stringify(event.data)).not.toContain('Brand-new-1403');
      expect(JSON.stringify(event.data)).not.toContain(DEMO_PASSWORD);
    }
  });

  it('a weak new password is refused on password', async () => {
    const [{ id }] = await t.query<{ id: number }>("select id from users where username = 'consultant.11001'");
    const problem = expectProblem(
      await manager.post(`/api/v1/users/${id}/password`, { password: 'abc' }),
      400,
      'validation_failed',
    );
    expect(fieldErrors(problem).password.code).toBe('weak_password');
  });

  it('an unknown user, or a citizen, is 404 not_found', async () => {
    expectProblem(
      await regulator.post('/api/v1/users/999999/password', { password: 'Brand-new-1403' }),
      404,
      'not_found',
    );
    const [{ id }] = await t.query<{ id: number }>(
      "select id from users where mobile = '09120000001' and kind = 'citizen'",
    );
    expectProblem(
      await regulator.post(`/api/v1/users/${id}/password`, { password: 'Brand-new-1403' }),
      404,
      'not_found',
    );
  });

  it('a non-numeric id is a 400 on id', async () => {
    const problem = expectProblem(
      await regulator.post('/api/v1/users/abc/password', { password: 'Brand-new-1403' }),
      400,
      'validation_failed',
    );
    expect(problem.errors?.[0].field).toBe('id');
  });
});
