/**
 * The generated quality records as loaded on a small scale: a year of counter tickets on the
 * offices' working days only, one survey at most per ticket, for a citizen of the office's province,
 * complaints whose state matches their dates, inspections with the whole checklist answered and
 * their result the passed items' weights; the counter's daily and monthly sums equal to the tickets
 * and the surveys' monthly sums to the answers (kept in step when tickets and surveys change after
 * the load); scores that differ between offices. On PGlite always,
 * and on PostgreSQL too when DATABASE_URL is set.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { provinceScores, talliesFromCounts } from '#core/quality/score';
import type { Database } from '#server/db/client';
import { monthsCounts } from '#server/modules/quality/store';
import { daysWithMonth } from '#server/modules/records/volume';
import { seedDataset } from '#server/seed/generator/load';
import { DEFAULT_WEIGHTS } from '#core/quality/score';
import { scratchBackends } from '../../../../test/support/scratch-databases';

// The dataset's day is 15 Ordibehesht 1405 (2026-05-05): records run from 1 Ordibehesht 1404.
const OPTIONS = {
  scale: 'tiny' as const,
  seed: 7,
  offices: 10,
  citizens: 400,
  chunkSize: 700,
  ticketsPerDay: 3,
  now: new Date('2026-05-05T06:30:00Z'),
};
const FROM = '2025-04-21';
const TODAY = '2026-05-05';
// The checklist's weights as decision 0050 lists them.
const WEIGHTS = {
  signageAndLicence: 15,
  tariffPosted: 15,
  queueTicketing: 10,
  counterPrivacy: 15,
  staffLicences: 20,
  videoEquipment: 10,
  accessibility: 15,
};

/**
 * Each Tehran day from the first to the last the records hold, with the first day of its Jalali
 * month by #core/jalali: the months the monthly sums should be filed under, as a VALUES list.
 */
async function daysAndMonths(database: Database): Promise<string> {
  const { rows } = await database.pool.query(`select least(
      (select min(day) from queue_tickets), (select min((answered_at at time zone 'Asia/Tehran')::date) from quality_surveys))::text as first,
    greatest(
      (select max(day) from queue_tickets), (select max((answered_at at time zone 'Asia/Tehran')::date) from quality_surveys))::text as last`);
  return daysWithMonth(rows[0].first, rows[0].last)
    .map((d) => `('${d.day}'::date, '${d.month}'::date)`)
    .join(', ');
}

/** The counter's monthly sums as the tickets give them now, and as stored, where they differ. */
const TICKET_MONTHS_DRIFT = (dayMonths: string) => `with dm(day, month) as (values ${dayMonths}),
  fresh as (
    select t.office_id, dm.month, count(s) as n, coalesce(sum(s), 0) as s, coalesce(sum(s * s), 0) as q, count(*) filter (where status = 'done') as served
    from (select office_id, day, status, quality_ticket_wait_score(created_at, called_at) as s from queue_tickets) t join dm using (day) group by 1, 2)
  select count(*)::int as n from fresh f full join quality_ticket_months m using (office_id, month)
  where coalesce(f.n, 0) <> coalesce(m.wait_n, 0) or coalesce(f.served, 0) <> coalesce(m.served, 0)
    or abs(coalesce(f.s, 0) - coalesce(m.wait_sum, 0)) > 1e-9 or abs(coalesce(f.q, 0) - coalesce(m.wait_sq, 0)) > 1e-9`;

/** The survey answers' monthly sums as the surveys give them now (satisfaction 1–5 as 0–1), and as stored, where they differ. */
const SURVEY_MONTHS_DRIFT = (dayMonths: string) => `with dm(day, month) as (values ${dayMonths}),
  fresh as (
    select s.office_id, dm.month, count(*) as n, sum(s.v) as s, sum(s.v * s.v) as q, count(*) filter (where s.would_return) as back
    from (select office_id, (answered_at at time zone 'Asia/Tehran')::date as day, would_return,
            (satisfaction - 1) / 4.0 as v from quality_surveys where answered_at is not null) s
    join dm using (day) group by 1, 2)
  select count(*)::int as n from fresh f full join quality_survey_months m using (office_id, month)
  where coalesce(f.n, 0) <> coalesce(m.answers, 0) or coalesce(f.back, 0) <> coalesce(m.would_return, 0)
    or abs(coalesce(f.s, 0) - coalesce(m.satisfaction_sum, 0)) > 1e-9 or abs(coalesce(f.q, 0) - coalesce(m.satisfaction_sq, 0)) > 1e-9`;

/** The counter's daily sums as the tickets give them now, and as stored, where they differ. */
const DRIFT = `with fresh as (
    select office_id, day, count(s) as n, coalesce(sum(s), 0) as s, coalesce(sum(s * s), 0) as q, count(*) filter (where status = 'done') as served
    from (select office_id, day, status, quality_ticket_wait_score(created_at, called_at) as s from queue_tickets) t group by 1, 2)
  select count(*)::int as n from fresh f full join quality_ticket_days d using (office_id, day)
  where coalesce(f.n, 0) <> coalesce(d.wait_n, 0) or coalesce(f.served, 0) <> coalesce(d.served, 0)
    or abs(coalesce(f.s, 0) - coalesce(d.wait_sum, 0)) > 1e-9 or abs(coalesce(f.q, 0) - coalesce(d.wait_sq, 0)) > 1e-9`;

describe.each(scratchBackends('daftar_quality_gen_int'))('the generated quality records on $name', (backend) => {
  let database: Database;
  afterAll(() => backend.cleanup());

  it('loads tickets, surveys, complaints and inspections that keep the quality area’s rules', async () => {
    database = await backend.open();
    const result = await seedDataset(database, OPTIONS);
    const n = async (text: string) => Number((await database.pool.query(text)).rows[0].n);
    // The generated offices come after the demo's.
    const generatedOffices = `(select id from (select id from offices order by id desc limit ${OPTIONS.offices}) g)`;

    // Counts: what the load reports is what the tables hold beside the demo's rows.
    expect(result.generated.queue_tickets).toBe(
      await n(`select count(*) as n from queue_tickets where office_id in ${generatedOffices}`),
    );
    expect(result.generated.queue_tickets).toBeGreaterThan(10 * 300 * 1.5);
    expect(result.generated.quality_surveys).toBe(
      await n(`select count(*) as n from quality_surveys where office_id in ${generatedOffices}`),
    );
    expect(result.generated.quality_surveys).toBeGreaterThan(100);
    expect(result.generated.quality_inspections).toBeGreaterThanOrEqual(10);
    expect(result.generated.quality_complaints).toBeGreaterThan(0);

    // Tickets: a year to the day before the dataset's, never on a Friday, served ones called before done.
    expect(
      await n(`select count(*) as n from queue_tickets where office_id in ${generatedOffices}
        and (day < '${FROM}' or day >= '${TODAY}' or extract(isodow from day) = 5)`),
    ).toBe(0);
    expect(
      await n(`select count(*) as n from queue_tickets where office_id in ${generatedOffices}
        and (status = 'done' and not (created_at <= called_at and called_at < done_at) or status = 'cancelled' and called_at is not null)`),
    ).toBe(0);
    // Surveys: one per served ticket of a citizen of the office's province; answers 1–5 before the dataset's day.
    expect(
      await n(`select count(*) as n from quality_surveys s join queue_tickets t on t.id = s.ticket_id
        join citizens c on c.id = s.citizen_id join offices o on o.id = s.office_id
        where t.status = 'done' and t.citizen_id = s.citizen_id and t.office_id = s.office_id and c.province_id = o.province_id
          and s.expires_at = s.sent_at + interval '7 days'`),
    ).toBe(await n(`select count(*) as n from quality_surveys where office_id in ${generatedOffices}`));
    expect(
      await n(`select count(*) as n from quality_surveys where office_id in ${generatedOffices} and answered_at is not null
        and (satisfaction not between 1 and 5 or would_return is null or answered_at >= '${TODAY}'::date)`),
    ).toBe(0);
    // Complaints: decided ones with reasons and a day before the dataset's, answered ones with an answer.
    expect(
      await n(`select count(*) as n from quality_complaints where office_id in ${generatedOffices} and (
        (state in ('upheld', 'dismissed')) <> (reasons is not null and decided_on is not null and decided_on < '${TODAY}')
        or (state = 'answered' and answer is null) or occurred_on > filed_on
        or (channel = 'office') <> (filed_at_office_id is not null and filed_at_office_id <> office_id))`),
    ).toBe(0);
    // Inspections: every item of the checklist answered; the result is the passed items' weights.
    const weights = Object.entries(WEIGHTS)
      .map(([item, w]) => `case when (items->'${item}'->>'passed')::boolean then ${w} else 0 end`)
      .join(' + ');
    expect(
      await n(`select count(*) as n from quality_inspections where office_id in ${generatedOffices}
        and (result <> ${weights} or (select count(*) from jsonb_object_keys(items)) <> 7)`),
    ).toBe(0);

    // The counter's daily sums are the tickets' own, after the load and after tickets change.
    expect(await n(DRIFT)).toBe(0);
    await database.pool.query(`update queue_tickets set status = 'cancelled', called_at = null, done_at = null
      where id in (select id from queue_tickets order by id desc limit 3)`);
    await database.pool.query(`update queue_tickets set called_at = called_at + interval '25 minutes'
      where id in (select id from queue_tickets where status = 'done' order by id limit 3)`);
    await database.pool.query(
      `delete from queue_tickets where id in (select id from queue_tickets order by id limit 2 offset 10)`,
    );
    await database.pool.query(`insert into queue_tickets (office_id, day, number, status, created_at, called_at, done_at)
      select office_id, day, 900, 'done', created_at, created_at + interval '40 minutes', created_at + interval '50 minutes'
      from queue_tickets where id = (select max(id) from queue_tickets)`);
    // Surveys: one answered late (the next month), one answer changed, one not answered after all,
    // one answered, one deleted, one added.
    await database.pool.query(`update quality_surveys set answered_at = answered_at + interval '40 days'
      where id = (select min(id) from quality_surveys where answered_at is not null)`);
    await database.pool.query(`update quality_surveys set satisfaction = 6 - satisfaction, would_return = not would_return
      where id in (select id from quality_surveys where answered_at is not null order by id desc limit 3)`);
    await database.pool.query(`update quality_surveys set answered_at = null, satisfaction = null, would_return = null
      where id = (select max(id) from quality_surveys where answered_at is not null)`);
    await database.pool.query(`update quality_surveys set answered_at = sent_at + interval '2 hours', satisfaction = 2, would_return = false
      where id = (select min(id) from quality_surveys where answered_at is null)`);
    await database.pool.query(
      `delete from quality_surveys where id = (select id from quality_surveys where answered_at is not null order by id limit 1 offset 5)`,
    );
    await database.pool.query(`insert into quality_surveys (ticket_id, office_id, province_id, citizen_id, token_hash, sent_at, expires_at,
        answered_at, satisfaction, would_return)
      select t.id, t.office_id, s.province_id, s.citizen_id, 'drift-test', t.created_at, t.created_at + interval '7 days',
        t.created_at + interval '1 day', 5, true
      from queue_tickets t, (select province_id, citizen_id from quality_surveys limit 1) s
      where t.id = (select max(id) from queue_tickets)`);
    expect(await n(DRIFT)).toBe(0);
    const dayMonths = await daysAndMonths(database);
    expect(await n(TICKET_MONTHS_DRIFT(dayMonths))).toBe(0);
    expect(await n(SURVEY_MONTHS_DRIFT(dayMonths))).toBe(0);
    // The monthly sums hold rows (the comparison is not between two empty tables).
    expect(await n('select count(*) as n from quality_ticket_months where wait_n > 0')).toBeGreaterThan(50);
    expect(await n('select count(*) as n from quality_survey_months where answers > 0')).toBeGreaterThan(50);

    // The generated offices' scores differ visibly in a month (Tehran, Azar 1404, default weights).
    const offices = (
      await database.pool.query(
        `select id from offices where province_id = 1 and id in ${generatedOffices} order by id`,
      )
    ).rows.map((r) => Number(r.id));
    const [counts] = await monthsCounts(database.db, offices, ['1404-09']);
    const scores = provinceScores(
      new Map(offices.map((id) => [id, talliesFromCounts(counts.get(id)!)])),
      DEFAULT_WEIGHTS,
    );
    const figures = [...scores.offices.values()].map((s) => s.score).filter((s): s is number => s != null);
    expect(figures.length).toBe(offices.length);
    expect(Math.max(...figures) - Math.min(...figures)).toBeGreaterThan(5);

    // New rows take ids after the generated ones.
    for (const table of ['queue_tickets', 'quality_surveys', 'quality_inspections', 'quality_complaints']) {
      const { rows } = await database.pool.query(
        `select (select max(id) from ${table}) as max, nextval(pg_get_serial_sequence('${table}', 'id')) as next`,
      );
      expect(Number(rows[0].next), table).toBe(Number(rows[0].max) + 1);
    }
  });
});
