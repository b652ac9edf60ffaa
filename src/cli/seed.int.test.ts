/**
 * The seeding path end to end on a small scale: COPY in several chunks, one transaction, the demo
 * sign-ins, determinism, the audit chain, and the users commands on top. On PGlite always, and on
 * PostgreSQL too when DATABASE_URL is set (in scratch databases created and dropped here).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '#server/db/client';
import { DEMO_CITIZENS, DEMO_PASSWORD, DEMO_STAFF } from '#server/seed/demo-data';
import { isEmpty } from '#server/seed/demo';
import { DatabaseNotEmptyError, HISTORY_TABLES, seedDataset } from '#server/seed/generator/load';
import { loadConfig } from '#server/platform/config';
import { sha256 } from '#server/platform/auth/tokens';
import { startServer } from '#server/server';
import { verifyPassword } from '#server/platform/auth/passwords';
import { auditVerify } from './commands/audit';
import { CliError } from './commands/common';
import { tableCounts } from './commands/seed';
import { createUser, resetPassword } from './commands/users';
import { scratchBackends } from '../../test/support/scratch-databases';

const SEED = 7;
// The demo part is dated around a fixed instant, so two loads are the same whatever day they run.
const OPTIONS = { scale: 'tiny' as const, seed: SEED, chunkSize: 700, now: new Date('2026-05-05T06:30:00Z') };

const backends = scratchBackends('daftar_seed_int');

async function checksum(database: Database, table: string, afterId: number): Promise<string> {
  const { rows } = await database.pool.query(
    `select count(*)::int as n, md5(string_agg(t::text, E'\\n' order by t.id)) as sum from ${table} t where t.id > $1`,
    [afterId],
  );
  return `${rows[0].n}:${rows[0].sum}`;
}

describe.each(backends)('seeding on $name', (backend) => {
  const { opened } = backend;
  const open = () => backend.open();
  afterAll(() => backend.cleanup());

  it('a load that fails half-way leaves the database empty; a full load then has every row, the demo sign-ins and a sound audit chain', async () => {
    const database = await open();
    await expect(
      seedDataset(database, {
        ...OPTIONS,
        onProgress: (table, done) => {
          if (table === 'users' && done > 1_000) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    expect(await isEmpty(database.db)).toBe(true);
    expect(await tableCounts(database, ['citizens', 'users', 'offices', 'audit_events'])).toEqual({
      citizens: 0,
      users: 0,
      offices: 0,
      audit_events: 0,
    });

    const indexesBefore = (
      await database.pool.query("select indexdef from pg_indexes where schemaname = 'public' order by indexname")
    ).rows;
    const constraintsSql =
      "select conrelid::regclass::text as t, conname, pg_get_constraintdef(oid) as def from pg_constraint where connamespace = 'public'::regnamespace order by 1, 2";
    const constraintsBefore = (await database.pool.query(constraintsSql)).rows;
    const result = await seedDataset(database, { ...OPTIONS, rebuildIndexes: true });
    // The indexes dropped for the bulk load are all back, exactly as the migrations made them.
    expect(
      (await database.pool.query("select indexdef from pg_indexes where schemaname = 'public' order by indexname"))
        .rows,
    ).toEqual(indexesBefore);
    expect((await database.pool.query(constraintsSql)).rows).toEqual(constraintsBefore);
    expect(result.generated.citizens).toBe(2_000);
    expect(result.generated.offices).toBe(6);
    const counts = await tableCounts(database);
    expect(counts.citizens).toBe(2_000 + DEMO_CITIZENS.length);
    expect(counts.users).toBe(result.generated.users + DEMO_STAFF.length + DEMO_CITIZENS.length);
    expect(counts.role_grants).toBe(counts.users);
    expect(counts.offices).toBe(6 + 7);
    expect(counts.provinces).toBe(31);

    // Every demo account is there; staff sign in with the demo password, generated staff too.
    const { rows: staff } = await database.pool.query(
      'select username, password_hash from users where username = any($1)',
      [DEMO_STAFF.map((s) => s.username)],
    );
    expect(staff).toHaveLength(DEMO_STAFF.length);
    expect(await verifyPassword(staff[0].password_hash, DEMO_PASSWORD)).toBe(true);
    const { rows: citizens } = await database.pool.query(
      "select mobile from users where kind = 'citizen' and mobile = any($1)",
      [DEMO_CITIZENS.map((c) => c.mobile)],
    );
    expect(citizens).toHaveLength(DEMO_CITIZENS.length);
    const {
      rows: [manager],
    } = await database.pool.query("select password_hash from users where username = 'manager.11004'");
    expect(await verifyPassword(manager.password_hash, DEMO_PASSWORD)).toBe(true);

    // New rows take ids after the generated ones.
    const {
      rows: [next],
    } = await database.pool.query(
      "insert into offices (code, name_fa, name_en, province_id, city_id, address) values ('19999', 'x', 'x', 1, 1001, 'x') returning id",
    );
    expect(next.id).toBe(counts.offices + 1);
    await database.pool.query('delete from offices where id = $1', [next.id]);

    expect(await auditVerify(database)).toEqual({ ok: true, message: 'audit chain OK: 2 events' });
    const {
      rows: [event],
    } = await database.pool.query('select action, entity_id, data from audit_events where seq = 2');
    expect(event).toMatchObject({ action: 'dataset.seed', entity_id: 'tiny', data: { seed: SEED } });

    // A second load is refused and changes nothing.
    await expect(seedDataset(database, OPTIONS)).rejects.toBeInstanceOf(DatabaseNotEmptyError);
    expect((await tableCounts(database)).citizens).toBe(counts.citizens);
  });

  it('the same seed gives identical tables in another database', async () => {
    const [a, b] = opened.length ? [opened[0], await open()] : [await open(), await open()];
    if (await isEmpty(a.db)) await seedDataset(a, OPTIONS);
    await seedDataset(b, { ...OPTIONS, chunkSize: 50_000 });
    for (const [table, afterId] of [
      ['citizens', DEMO_CITIZENS.length],
      ['offices', 7],
      ['courts', 3],
      ['users', 18],
      ['role_grants', 18],
    ] as const) {
      expect(await checksum(b, table, afterId), table).toBe(await checksum(a, table, afterId));
    }
  });

  it('historical filings: counts per table, the same rows for the same seed, and a citizen’s tracking page shows them', async () => {
    const options = { ...OPTIONS, filings: 400, rebuildIndexes: true };
    const a = await open();
    const b = await open();
    const result = await seedDataset(a, options);
    await seedDataset(b, { ...options, chunkSize: 50_000, rebuildIndexes: false });
    expect(result.generated.filings).toBe(400);
    const counts = await tableCounts(a, HISTORY_TABLES);
    for (const table of HISTORY_TABLES) {
      expect(counts[table], table).toBe(result.generated[table]);
      expect(await checksum(b, table, 0), table).toBe(await checksum(a, table, 0));
    }
    expect(counts.filing_parties).toBeGreaterThanOrEqual(800);
    expect(counts.cases).toBeGreaterThan(300);
    expect(counts.notice_deliveries).toBeGreaterThan(0);
    const {
      rows: [codes],
    } = await a.pool.query(
      "select count(distinct tracking_code)::int as n, bool_and(tracking_code ~ '^14[0-9]{13}$') as shaped from filings",
    );
    expect(codes).toEqual({ n: 400, shaped: true });
    // The app continues after the generated ids.
    const {
      rows: [seq],
    } = await a.pool.query(
      "select nextval(pg_get_serial_sequence('filings', 'id'))::int as next, (select max(id)::int from filings) as max",
    );
    expect(seq.next).toBe(seq.max + 1);

    // A citizen with a delivered notice signs in (a session made directly) and sees it on the tracking page.
    const {
      rows: [who],
    } = await a.pool.query(`select d.citizen_id::int as citizen, u.id::int as "user",
        (select count(*)::int from filings f where f.applicant_citizen_id = d.citizen_id) as filings,
        (select count(*)::int from notice_deliveries x where x.citizen_id = d.citizen_id) as notices
      from notice_deliveries d join users u on u.citizen_id = d.citizen_id
      where d.delivered_at is not null and exists (select 1 from filings f where f.applicant_citizen_id = d.citizen_id)
      order by d.id limit 1`);
    const token = `history-test-${who.user}`;
    await a.pool.query(
      "insert into sessions (token_hash, user_id, csrf_token, expires_at) values ($1, $2, 'x', now() + interval '1 hour')",
      [sha256(token), who.user],
    );
    const server = await startServer(
      { ...loadConfig({ ...process.env, LOG_LEVEL: 'error', DAFTAR_NOTIFIER_CONSOLE: '0', DAFTAR_RUN_JOBS: '0' }) },
      { database: a, listen: false },
    );
    try {
      const response = await server.app.inject({
        method: 'GET',
        url: '/api/v1/me/overview',
        cookies: { daftar_session: token },
      });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.totals.filings).toBe(who.filings);
      expect(body.totals.notices).toBe(who.notices);
      expect(body.filings.length).toBe(Math.min(20, who.filings));
      expect(body.notices.some((n: { delivered: boolean }) => n.delivered)).toBe(true);
      expect(body.filings[0].trackingCode).toMatch(/^14\d{13}$/);
    } finally {
      await server.stop();
    }
  });

  it('users create and reset-password validate like the API and extend the audit chain', async () => {
    const database = opened[0];
    await expect(
      createUser(database, {
        username: 'op.cli',
        role: 'operator',
        officeId: 8,
        firstName: 'سارا',
        lastName: 'کریمی',
        nationalId: '0499370898',
        mobile: '0912',
      }),
    ).rejects.toSatisfy(
      (e: unknown) => e instanceof CliError && e.details.length === 2 && e.details[0].includes('کد ملی نامعتبر است'),
    );
    await expect(
      createUser(database, {
        username: 'op.cli',
        role: 'operator',
        firstName: 'سارا',
        lastName: 'کریمی',
        nationalId: '0499370899',
        mobile: '09121234567',
      }),
    ).rejects.toBeInstanceOf(CliError);
    const created = await createUser(database, {
      username: 'op.cli',
      role: 'operator',
      officeId: 8,
      firstName: 'سارا',
      lastName: 'کریمی',
      nationalId: '۰۴۹۹۳۷۰۸۹۹',
      mobile: '+989121234567',
    });
    expect(created.generatedPassword).toBe(true);
    const {
      rows: [row],
    } = await database.pool.query(
      "select u.national_id, u.mobile, u.password_hash, g.role, g.office_id, g.province_id from users u join role_grants g on g.user_id = u.id where u.username = 'op.cli'",
    );
    expect(row).toMatchObject({
      national_id: '0499370899',
      mobile: '09121234567',
      role: 'operator',
      office_id: 8,
      province_id: 1,
    });
    expect(await verifyPassword(row.password_hash, created.password)).toBe(true);
    await expect(
      createUser(database, {
        username: 'op.cli',
        role: 'operator',
        officeId: 8,
        firstName: 'a',
        lastName: 'b',
        nationalId: '0499370899',
        mobile: '09121234567',
      }),
    ).rejects.toThrow('already taken');

    await expect(resetPassword(database, { username: 'op.cli', password: 'short' })).rejects.toBeInstanceOf(CliError);
    await resetPassword(database, { username: 'op.cli', password: 'Another-pass-2026' });
    const {
      rows: [after],
    } = await database.pool.query("select password_hash from users where username = 'op.cli'");
    expect(await verifyPassword(after.password_hash, 'Another-pass-2026')).toBe(true);
    expect(await auditVerify(database)).toEqual({ ok: true, message: 'audit chain OK: 4 events' });
  });
});
