/**
 * Service records made by the database (`daftar seed --service-records N`): as many as asked,
 * within the period and the generated offices' provinces, each priced as the fee engine quotes it
 * under the schedule in force that day, the same rows for the same seed, and the monthly rollups
 * (offices, provinces, counties) equal to the records. On PGlite always, and on PostgreSQL too
 * when DATABASE_URL is set.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { quoteService, scheduleInForce, INCLUDED_PAGES, INCLUDED_PARTIES } from '#core/fees';
import { tehranIsoDate } from '#core/jalali';
import { openDatabase, type Database } from '#server/db/client';
import { runMigrations } from '#server/db/migrate';
import { approvedSchedules } from '#server/modules/tariffs/store';
import { seedDataset } from '#server/seed/generator/load';
import { DATASET_EPOCH } from '#server/seed/generator/plan';

const RECORDS = 3_000;
const OPTIONS = {
  scale: 'tiny' as const,
  seed: 7,
  citizens: 50,
  serviceRecords: RECORDS,
  now: new Date('2026-05-05T06:30:00Z'),
};

const backends: { name: string; open(): Promise<Database>; cleanup(): Promise<void> }[] = [
  { name: 'PGlite', open: () => openDatabase({ dataDir: 'memory://' }), cleanup: async () => {} },
];
if (process.env.DATABASE_URL) {
  const created: string[] = [];
  const urlFor = (name: string) => {
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const admin = async (statements: string[]) => {
    const client = new pg.Client({ connectionString: urlFor('postgres') });
    await client.connect();
    for (const s of statements) await client.query(s);
    await client.end();
  };
  backends.push({
    name: 'PostgreSQL',
    async open() {
      const name = `daftar_service_records_int_${process.pid}_${created.length}`;
      await admin([`drop database if exists ${name}`, `create database ${name}`]);
      created.push(name);
      return openDatabase({ databaseUrl: urlFor(name), poolSize: 2 });
    },
    cleanup: () => admin(created.map((name) => `drop database if exists ${name} with (force)`)),
  });
}

describe.each(backends)('service records made in SQL on $name', (backend) => {
  const opened: Database[] = [];
  afterAll(async () => {
    for (const d of opened) await d.close();
    await backend.cleanup();
  });
  const fresh = async () => {
    const database = await backend.open();
    opened.push(database);
    await runMigrations(database);
    await seedDataset(database, OPTIONS);
    return database;
  };

  it('as many as asked, in the period, priced by the fee engine, with the rollups equal to them', async () => {
    const database = await fresh();
    const q = async <T>(text: string) => (await database.pool.query(text)).rows as T[];
    const [{ n, first, last, offices, online_outside }] = await q<{
      n: string;
      first: Date;
      last: Date;
      offices: string;
      online_outside: string;
    }>(`select count(*) as n, min(created_at) as first, max(created_at) as last,
               count(distinct office_id) as offices,
               count(*) filter (where channel = 'online' and office_id is not null) as online_outside
        from service_records`);
    expect(Number(n)).toBe(RECORDS);
    expect(new Date(first).getTime()).toBeGreaterThanOrEqual(DATASET_EPOCH - 3 * 365 * 86_400_000);
    expect(new Date(last).getTime()).toBeLessThan(DATASET_EPOCH);
    expect(Number(offices)).toBeGreaterThan(5);
    expect(Number(online_outside)).toBe(0);
    // An office's record is in the office's province.
    const [{ misplaced }] = await q<{ misplaced: string }>(
      `select count(*) as misplaced from service_records r join offices o on o.id = r.office_id where o.province_id <> r.province_id`,
    );
    expect(Number(misplaced)).toBe(0);

    // Each record's amount is the fee engine's quote for its service, channel and extras under the schedule in force that day.
    const schedules = await approvedSchedules(database.db);
    const sample = await q<{
      service_code: string;
      channel: 'office' | 'online';
      extra_parties: number;
      extra_pages: number;
      amount_rials: string;
      schedule_id: number;
      created_at: Date;
    }>(
      'select service_code, channel, extra_parties, extra_pages, amount_rials, schedule_id, created_at from service_records order by id limit 300',
    );
    for (const r of sample) {
      const schedule = scheduleInForce(schedules, tehranIsoDate(new Date(r.created_at)))!;
      expect(r.schedule_id).toBe(schedule.id);
      const quote = quoteService(schedule, {
        service: r.service_code,
        channel: r.channel,
        parties: INCLUDED_PARTIES + r.extra_parties,
        pages: INCLUDED_PAGES + r.extra_pages,
      });
      expect(quote.ok && quote.quote.totalRials).toBe(Number(r.amount_rials));
    }
    // Filings carry extras and other services none.
    const [{ extras_on_others }] = await q<{ extras_on_others: string }>(
      `select count(*) as extras_on_others from service_records
        where service_code not in ('petition', 'complaint', 'appeal', 'objection', 'legal-notice', 'brief', 'expert-opinion', 'protest')
          and (extra_parties > 0 or extra_pages > 0)`,
    );
    expect(Number(extras_on_others)).toBe(0);

    // The rollups sum exactly the records.
    const [sums] = await q<Record<string, string>>(`select
      (select count(*) from service_records) as records,
      (select sum(amount_rials) from service_records) as amount,
      (select sum(records) from service_volume_monthly) as office_rollup,
      (select sum(amount_rials) from service_volume_monthly) as office_amount,
      (select sum(records) from service_volume_province_monthly) as province_rollup,
      (select sum(records) from service_volume_county_monthly) as county_rollup`);
    expect(Number(sums.office_rollup)).toBe(Number(sums.records));
    expect(Number(sums.office_amount)).toBe(Number(sums.amount));
    expect(Number(sums.province_rollup)).toBe(Number(sums.records));
    expect(Number(sums.county_rollup)).toBe(Number(sums.records));
  });

  it('the same seed makes the same records in another database', async () => {
    const [a, b] = [opened[0], await fresh()];
    const rows = (d: Database) =>
      d.pool
        .query(
          `select md5(string_agg(concat_ws('|', id, service_code, channel, office_id, province_id, amount_rials, extra_parties, extra_pages, created_at), ',' order by id)) as h
           from service_records`,
        )
        .then((r) => r.rows[0].h as string);
    expect(await rows(b)).toBe(await rows(a));
  });
});
