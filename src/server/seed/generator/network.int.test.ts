/**
 * The generated office network as loaded: every row lands beside the demo's, the invariants hold in
 * the database itself (no overlapping contracts, licences within their office's competencies,
 * attempts within the exam's limit), the training read model agrees, and the same seed loads the
 * same rows. On PGlite always, and on PostgreSQL too when DATABASE_URL is set (scratch databases).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '#server/db/client';
import { DEMO_STAFF } from '#server/seed/demo-data';
import { NETWORK_TABLES, seedDataset } from '#server/seed/generator/load';
import { qualificationsOf } from '#server/modules/operators/training/qualifications';
import { LICENCE_FILTERS, searchStaff } from '#server/modules/operators/registry/store';
import { effectiveStatus, type LicenceStatus } from '#core/licensing';
import { tehranIsoDate } from '#core/jalali';
import { scratchBackends } from '../../../../test/support/scratch-databases';

// The demo part is dated around a fixed instant, and the registry's standings are read on its day.
const OPTIONS = {
  scale: 'tiny' as const,
  seed: 11,
  offices: 24,
  citizens: 200,
  chunkSize: 500,
  now: new Date('2026-05-05T06:30:00Z'),
};
const DEMO_USERS = DEMO_STAFF.length;

const backends = scratchBackends('daftar_network_int');

/** The generated rows of each network table (the demo's depend on the day they were loaded). */
const GENERATED: Record<string, string> = {
  office_status_events: 'office_id > 7',
  office_competencies: 'office_id > 7',
  operator_profiles: `user_id > ${DEMO_USERS}`,
  employment_contracts: `user_id > ${DEMO_USERS}`,
  insurance_periods: `user_id > ${DEMO_USERS}`,
  course_sessions: `created_by > ${DEMO_USERS}`,
  session_enrolments: `user_id > ${DEMO_USERS}`,
  exam_attempts: `user_id > ${DEMO_USERS}`,
  activity_licences: `user_id > ${DEMO_USERS}`,
  licence_events: `actor_user_id > ${DEMO_USERS}`,
};

async function one<T = Record<string, unknown>>(database: Database, text: string): Promise<T> {
  return (await database.pool.query(text)).rows[0] as T;
}

describe.each(backends)('the generated office network on $name', (backend) => {
  const { opened } = backend;
  const open = () => backend.open();
  afterAll(() => backend.cleanup());

  it('loads beside the demo network, keeps its invariants in the database, and moves the sequences past it', async () => {
    const database = await open();
    const result = await seedDataset(database, OPTIONS);
    for (const table of Object.keys(GENERATED)) {
      const { n } = await one<{ n: number }>(
        database,
        `select count(*)::int as n from ${table} where ${GENERATED[table]}`,
      );
      expect(n, table).toBeGreaterThan(0);
      expect(result.generated[table], table).toBe(n);
    }
    // Every generated office has hours, a capacity and a history; every office staff member a profile.
    expect(
      await one(
        database,
        `select count(*)::int as n from offices where id > 7 and (jsonb_array_length(opening_hours) = 0 or counters < 1)`,
      ),
    ).toEqual({ n: 0 });
    expect(
      await one(
        database,
        `select count(*)::int as n from offices o where not exists (select 1 from office_status_events e where e.office_id = o.id)`,
      ),
    ).toEqual({ n: 0 });
    expect(
      await one(
        database,
        `select count(*)::int as n from role_grants g where g.role in ('operator', 'office_manager', 'consultant')
      and not exists (select 1 from operator_profiles p where p.user_id = g.user_id)`,
      ),
    ).toEqual({ n: 0 });

    // No two contracts of one person overlap at one office, nor a full-time one with any other.
    expect(
      await one(
        database,
        `select count(*)::int as n from employment_contracts a join employment_contracts b on a.user_id = b.user_id and a.id < b.id
      where (a.office_id = b.office_id or a.full_time or b.full_time)
        and daterange(a.starts_on, coalesce(a.terminated_on, a.ends_on), '[]') && daterange(b.starts_on, coalesce(b.terminated_on, b.ends_on), '[]')`,
      ),
    ).toEqual({ n: 0 });
    // Licences cover only their office's competencies; attempts stay within the exam's limit.
    expect(
      await one(
        database,
        `select count(*)::int as n from activity_licences l cross join lateral jsonb_array_elements_text(l.service_codes) c(code)
      where not exists (select 1 from office_competencies oc where oc.office_id = l.office_id and oc.service_code = c.code)`,
      ),
    ).toEqual({ n: 0 });
    expect(
      await one(
        database,
        `select count(*)::int as n from exam_attempts a join exams x on x.id = a.exam_id where a.attempt_number > x.max_attempts`,
      ),
    ).toEqual({ n: 0 });
    expect(
      await one(
        database,
        `select count(*)::int as n from (select session_id from session_enrolments group by session_id) e
      join course_sessions s on s.id = e.session_id where (select count(*) from session_enrolments x where x.session_id = s.id) > s.capacity`,
      ),
    ).toEqual({ n: 0 });

    // Every licence holder's training qualifies them for the general course, as licensing reads it.
    const { user_id: holder } = await one<{ user_id: number }>(
      database,
      `select user_id from activity_licences where user_id > ${DEMO_USERS} order by id limit 1`,
    );
    const general = (await qualificationsOf(database.db, Number(holder))).find((q) => q.code === 'GEN-101')!;
    expect(general).toMatchObject({ attended: true, examPassed: true, qualified: true });

    // The registry's licence filters find exactly the people whose most telling licence has that standing.
    const day = tehranIsoDate(OPTIONS.now);
    const { rows: licences } =
      await database.pool.query(`select l.id::int, l.user_id::int as "userId", l.status, l.expires_on::text as "expiresOn",
      l.suspended_until::text as "suspendedUntil" from activity_licences l`);
    const { rows: staff } = await database.pool.query(
      `select distinct user_id::int as id from role_grants where role in ('operator', 'office_manager', 'consultant')`,
    );
    const rank = (l: { status: LicenceStatus; expiresOn: string }) =>
      l.status === 'active' && l.expiresOn >= day ? 0 : l.status === 'suspended' ? 1 : l.status === 'active' ? 2 : 3;
    const standing = new Map<number, string>();
    for (const { id } of staff) {
      const mine = licences
        .filter((l) => l.userId === id)
        .sort((a, b) => rank(a) - rank(b) || b.expiresOn.localeCompare(a.expiresOn) || b.id - a.id);
      standing.set(id, mine.length ? effectiveStatus(mine[0], day) : 'none');
    }
    const all = { all: true, provinceIds: [], officeIds: [], courtIds: [], citizenId: null, userId: null };
    for (const licence of LICENCE_FILTERS) {
      const expected = [...standing.values()].filter((v) =>
        licence === 'valid' ? v === 'active' || v === 'expiring' : v === licence,
      ).length;
      const { total } = await searchStaff(database.db, all, { licence, page: 1, pageSize: 25 }, day);
      expect(total, licence).toBe(expected);
    }

    // New rows take ids after the generated ones.
    for (const table of NETWORK_TABLES) {
      const { max, next } = await one<{ max: string; next: string }>(
        database,
        `select (select max(id) from ${table}) as max,
        nextval(pg_get_serial_sequence('${table}', 'id')) as next`,
      );
      expect(Number(next), table).toBe(Number(max) + 1);
    }
  });

  it('the same seed gives the same network in another database', async () => {
    const [a, b] = [opened[0] ?? (await open()), await open()];
    await seedDataset(b, { ...OPTIONS, chunkSize: 50_000 });
    for (const [table, where] of Object.entries(GENERATED)) {
      const sum = `select count(*)::int as n, md5(string_agg(t::text, E'\\n' order by t::text)) as sum from ${table} t where ${where}`;
      expect(await one(b, sum), table).toEqual(await one(a, sum));
    }
  });
});
