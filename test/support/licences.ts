/**
 * Licensing staff created inside a test. Performing a service needs an activity licence at the
 * office (docs/decisions/0014); the demo staff hold one from the seed, a user a test creates does
 * not. Rather than relaxing the rule, such tests give their user a licence here: one covering
 * every service the office is competent for, valid for a year from today.
 */
import type { TestServer } from './test-server';

let serial = 0;

export interface LicenceFixture {
  /** The user, by id or username. */
  user: number | string;
  officeId: number;
  /** The services licensed (default: everything the office holds an active competency for). */
  serviceCodes?: string[];
}

/** Inserts an active licence and returns its id. */
export async function licenseStaff(t: Pick<TestServer, 'query' | 'today'>, fixture: LicenceFixture): Promise<number> {
  const [user] =
    typeof fixture.user === 'number'
      ? await t.query<{ id: number }>('select id from users where id = $1', [fixture.user])
      : await t.query<{ id: number }>('select id from users where username = $1', [fixture.user]);
  if (!user) throw new Error(`licenseStaff: no user ${fixture.user}`);
  const [office] = await t.query<{ code: string; province_id: number }>(
    'select code, province_id from offices where id = $1',
    [fixture.officeId],
  );
  const codes =
    fixture.serviceCodes ??
    (
      await t.query<{ service_code: string }>(
        "select service_code from office_competencies where office_id = $1 and status = 'active'",
        [fixture.officeId],
      )
    ).map((r) => r.service_code);
  serial += 1;
  const number = `${office.code}-T${process.pid % 10_000}-${serial}`;
  const [row] = await t.query<{ id: number }>(
    `insert into activity_licences (number, user_id, office_id, province_id, service_codes, status, issued_on, expires_on, issued_by)
     values ($1, $2, $3, $4, $5::jsonb, 'active', $6::date, $6::date + 365, $2) returning id`,
    [number, Number(user.id), fixture.officeId, office.province_id, JSON.stringify(codes), t.today()],
  );
  return Number(row.id);
}
