/**
 * The rollups the dashboard reads equal the facts they sum. The monthly service rollup — the
 * offices' rollup and its per-province and per-county sums (docs/decisions/0067): after a random
 * mix of services (a fixed seed), some recorded in parallel transactions and some rolled back, and
 * after a correction made by hand. The rollups the statistics job refreshes — filings by month of
 * submission, notices (decision 0059) and the service standard's completion and satisfaction
 * sources: after a random mix of notices, copies, filings and surveys written, corrected and
 * deleted, also when refreshes run at once. And all of them again after `daftar stats rebuild`
 * recomputes them from the facts, even when they had drifted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jalaliMonthOfIso, jalaliMonthStartIso, tehranIsoDate } from '#core/jalali';
import { recordService } from '#server/modules/records/service-records';
import { STATS_REFRESH_JOB } from '#server/modules/stats/filing-rollups';
import { rebuildStatsRollups } from '#server/modules/stats/rebuild';
import { startTestServer, type TestServer } from '../support/test-server';

let t: TestServer;

/** mulberry32: a small seeded generator, so the mix is the same on every run. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

type Key = string;
/** The rollup's rows summed over their stripes. */
async function rollup(): Promise<Map<Key, string>> {
  const rows = await t.query<{ k: string; v: string }>(
    `select concat_ws('|', month::text, province_id, office_id, service_code, channel) as k,
            concat_ws('|', sum(records), sum(extra_parties), sum(extra_pages), sum(amount_rials)) as v
     from service_volume_monthly group by 1`,
  );
  return new Map(rows.map((r) => [r.k, r.v]));
}

/** The per-province (`province`) or per-county (`county`) sums, over their stripes, without the rows at 0. */
async function coarse(level: 'province' | 'county'): Promise<Map<Key, string>> {
  const rows = await t.query<{ k: string; v: string }>(
    level === 'province'
      ? `select concat_ws('|', month::text, province_id, service_code, channel) as k,
                concat_ws('|', sum(records), sum(extra_parties), sum(extra_pages), sum(amount_rials)) as v
         from service_volume_province_monthly group by 1 having sum(records) <> 0`
      : `select concat_ws('|', month::text, province_id, county_id, service_code, channel) as k,
                concat_ws('|', sum(records), sum(extra_parties), sum(extra_pages), sum(amount_rials)) as v
         from service_volume_county_monthly group by 1 having sum(records) <> 0`,
  );
  return new Map(rows.map((r) => [r.k, r.v]));
}

/** The records' figures (fromRecords) summed per province, or per county of the office (0 online or none). */
async function coarseFromRecords(level: 'province' | 'county'): Promise<Map<Key, string>> {
  const counties = new Map(
    (
      await t.query<{ id: number; county: number }>(
        'select o.id, coalesce(o.county_id, c.county_id, 0) as county from offices o left join cities c on c.id = o.city_id',
      )
    ).map((r) => [Number(r.id), Number(r.county)]),
  );
  const sums = new Map<Key, number[]>();
  for (const [k, v] of await fromRecords()) {
    const [month, province, office, service, channel] = k.split('|');
    const key =
      level === 'province'
        ? [month, province, service, channel].join('|')
        : [month, province, counties.get(Number(office)) ?? 0, service, channel].join('|');
    const s = sums.get(key) ?? [0, 0, 0, 0];
    v.split('|').forEach((x, i) => {
      s[i] += Number(x);
    });
    sums.set(key, s);
  }
  return new Map([...sums].map(([k, s]) => [k, s.join('|')]));
}

/** The same figures counted from the records, each one's Tehran day placed in its Jalali month here. */
async function fromRecords(): Promise<Map<Key, string>> {
  const rows = await t.query<{
    day: string;
    province_id: number;
    office_id: number;
    service_code: string;
    channel: string;
    n: string;
    parties: string;
    pages: string;
    amount: string;
  }>(
    `select ((created_at at time zone 'Asia/Tehran')::date)::text as day, province_id, coalesce(office_id, 0) as office_id,
            service_code, channel, count(*) as n, sum(extra_parties) as parties, sum(extra_pages) as pages, sum(amount_rials) as amount
     from service_records group by 1, 2, 3, 4, 5`,
  );
  const sums = new Map<Key, number[]>();
  for (const r of rows) {
    const k = [
      jalaliMonthStartIso(jalaliMonthOfIso(r.day)),
      r.province_id,
      r.office_id,
      r.service_code,
      r.channel,
    ].join('|');
    const s = sums.get(k) ?? [0, 0, 0, 0];
    [r.n, r.parties, r.pages, r.amount].forEach((v, i) => {
      s[i] += Number(v);
    });
    sums.set(k, s);
  }
  return new Map([...sums].map(([k, s]) => [k, s.join('|')]));
}

beforeAll(async () => {
  t = await startTestServer();
  const offices = await t.query<{ id: number; province_id: number }>('select id, province_id from offices order by id');
  const random = seeded(19);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const services = ['petition', 'complaint', 'brief', 'legal-notice', 'follow-up'];
  // Around the turn of the Jalali months and the year: 1404-12 / 1405-01 and 1405-01 / 1405-02.
  const start = Date.parse('2026-03-01T00:00:00Z');
  const span = Date.parse('2026-05-05T00:00:00Z') - start;
  const one = () => {
    const online = random() < 0.3;
    const o = pick(offices);
    return {
      input: {
        serviceCode: pick(services),
        channel: online ? ('online' as const) : ('office' as const),
        officeId: online ? null : o.id,
        provinceId: online ? 1 + Math.floor(random() * 31) : o.province_id,
        operatorUserId: null,
        citizenId: null,
        scheduleId: null,
        amountRials: 10_000 * (1 + Math.floor(random() * 50)),
        extraParties: Math.floor(random() * 3),
        extraPages: Math.floor(random() * 5),
      },
      at: new Date(start + Math.floor(random() * span)),
      rolledBack: random() < 0.1,
    };
  };
  for (let batch = 0; batch < 30; batch++) {
    // Eight at once, so concurrent transactions add to the same keys through different stripes.
    const writes = Array.from({ length: 8 }, one);
    await Promise.all(
      writes.map((w) =>
        t.server.ctx.db
          .transaction(async (tx) => {
            await recordService(tx, w.input, w.at);
            if (w.rolledBack) throw new Error('rolled back');
          })
          .catch((error: Error) => {
            if (error.message !== 'rolled back') throw error;
          }),
      ),
    );
  }
});
afterAll(async () => {
  await t?.stop();
});

/** The Gregorian first day of the Jalali month of an instant, in Tehran (the rollups' `month`). */
const monthOf = (ms: number) => jalaliMonthStartIso(jalaliMonthOfIso(tehranIsoDate(new Date(ms))));
/** Whole hours between two instants, rounded half away from zero (the rollups' `round(...)`). */
const hoursBetween = (from: number, to: number) => Math.sign(to - from) * Math.round(Math.abs(to - from) / 3_600_000);
const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::bigint::text`;

/** Adds each figure of `values` to the sums kept under `key`. */
function add(sums: Map<Key, number[]>, key: Key, values: number[]) {
  const s = sums.get(key) ?? values.map(() => 0);
  values.forEach((v, i) => {
    s[i] += v;
  });
  sums.set(key, s);
}
const joined = (sums: Map<Key, number[]>) => new Map([...sums].map(([k, s]) => [k, s.join('|')]));

/** A rollup table as key → figures, its key and figure columns joined with `|`. */
async function table(name: string, keys: string[], figures: string[]): Promise<Map<Key, string>> {
  const rows = await t.query<{ k: string; v: string }>(
    `select concat_ws('|', ${keys.map((c) => `${c}::text`).join(', ')}) as k, concat_ws('|', ${figures.join(', ')}) as v from ${name}`,
  );
  return new Map(rows.map((r) => [r.k, r.v]));
}
const NOTICE_KEYS = ['month', 'province_id', 'office_id', 'kind'];
const NOTICE_FIGURES = ['issued', 'opened_at_office', 'opened_online', 'office_delay_hours', 'online_delay_hours'];
const KPI_KEYS = ['month', 'province_id', 'office_id', 'service_code', 'channel'];
const KPI_FIGURES = ['filings_started', 'filings_finished', 'surveys_answered', 'surveys_satisfied'];
const FILING_KEYS = ['month', 'province_id', 'office_id', 'service_code', 'channel'];
const FILING_FIGURES = ['submitted', 'accepted', 'returned', 'response_hours'];
const rollups = async () => ({
  notices: await table('stats_notices_monthly', NOTICE_KEYS, NOTICE_FIGURES),
  kpis: await table('stats_kpi_monthly', KPI_KEYS, KPI_FIGURES),
  filings: await table('stats_filings_monthly', FILING_KEYS, FILING_FIGURES),
});

/**
 * The same figures counted here from the facts, row by row: every addressee's copy in the Jalali
 * month of its notice's issue; filings started by month of creation and submitted by month of
 * submission; answered surveys by month of answer.
 */
async function fromFacts() {
  const notices = new Map<Key, number[]>();
  const copies = await t.query<{
    province_id: number;
    office_id: number | null;
    channel: 'office' | 'online' | null;
    kind: string;
    issued: string;
    delivered: string | null;
  }>(
    `select d.province_id, d.delivered_office_id as office_id, d.delivered_channel as channel, n.kind,
            ${ms('n.issued_at')} as issued, ${ms('d.delivered_at')} as delivered
     from notice_deliveries d join notices n on n.id = d.notice_id`,
  );
  for (const c of copies) {
    const opened = c.delivered != null;
    const hours = opened ? hoursBetween(Number(c.issued), Number(c.delivered)) : 0;
    const atOffice = opened && c.channel === 'office';
    const online = opened && c.channel === 'online';
    add(notices, [monthOf(Number(c.issued)), c.province_id, c.office_id ?? 0, c.kind].join('|'), [
      1,
      atOffice ? 1 : 0,
      online ? 1 : 0,
      atOffice ? hours : 0,
      online ? hours : 0,
    ]);
  }

  const kpis = new Map<Key, number[]>();
  const filings = new Map<Key, number[]>();
  const rows = await t.query<{
    province_id: number;
    office_id: number | null;
    service_code: string;
    channel: string;
    status: string;
    created: string;
    submitted: string | null;
    decided: string | null;
  }>(
    `select province_id, office_id, service_code, channel, status,
            ${ms('created_at')} as created, ${ms('submitted_at')} as submitted, ${ms('decided_at')} as decided
     from filings`,
  );
  for (const f of rows) {
    const place = [f.province_id, f.office_id ?? 0, f.service_code, f.channel].join('|');
    add(kpis, `${monthOf(Number(f.created))}|${place}`, [1, f.submitted != null ? 1 : 0, 0, 0]);
    if (f.submitted == null) continue;
    const decided = (f.status === 'accepted' || f.status === 'returned') && f.decided != null;
    add(filings, `${monthOf(Number(f.submitted))}|${place}`, [
      1,
      f.status === 'accepted' ? 1 : 0,
      f.status === 'returned' ? 1 : 0,
      decided ? hoursBetween(Number(f.submitted), Number(f.decided)) : 0,
    ]);
  }
  const surveys = await t.query<{
    province_id: number;
    office_id: number;
    service_code: string | null;
    answered: string;
    satisfaction: number;
  }>(
    `select province_id, office_id, service_code, ${ms('answered_at')} as answered, satisfaction
     from quality_surveys where answered_at is not null and satisfaction is not null`,
  );
  for (const s of surveys) {
    const key = [monthOf(Number(s.answered)), s.province_id, s.office_id, s.service_code ?? '', 'office'].join('|');
    add(kpis, key, [0, 0, 1, s.satisfaction >= 4 ? 1 : 0]);
  }
  return { notices: joined(notices), kpis: joined(kpis), filings: joined(filings) };
}

/**
 * Notices with one to three addressees' copies, filings at every stage and counter surveys, at
 * random instants around the turn of the Jalali year (a fixed seed); then corrections (a copy
 * opened, moved to another channel or office, or found not opened after all; a notice's issue
 * moved earlier; a filing submitted, decided or its submission moved; a survey's answer changed)
 * and deletions (copies, notices with their copies, filings, surveys).
 */
async function mixOfFacts() {
  const random = seeded(59);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const some = <T>(xs: readonly T[], share: number) => xs.filter(() => random() < share);
  const offices = await t.query<{ id: number; province_id: number }>('select id, province_id from offices order by id');
  const citizens = (await t.query<{ id: number }>('select id::int as id from citizens order by id limit 40')).map(
    (c) => c.id,
  );
  const [{ staff, court }] = await t.query<{ staff: number; court: number }>(
    'select (select min(id)::int from users) as staff, (select min(id)::int from courts) as court',
  );
  const start = Date.parse('2026-02-25T00:00:00Z');
  const span = Date.parse('2026-05-04T00:00:00Z') - start;
  /** An instant on a whole minute within the span. */
  const instant = () => start + Math.floor((random() * span) / 60_000) * 60_000;
  const minutes = (most: number) => Math.floor(random() * most) * 60_000;
  const iso = (n: number) => new Date(n).toISOString();

  const noticeIds: number[] = [];
  for (let i = 0; i < 60; i++) {
    const issued = instant();
    const [n] = await t.query<{ id: number }>(
      `insert into notices (case_id, court_id, province_id, kind, title, body, issued_by, issued_at)
       values (1, $1, $2, $3, 'ابلاغیهٔ آزمون', 'متن', $4, $5) returning id::int as id`,
      [
        court,
        1 + Math.floor(random() * 31),
        pick(['summons', 'decision', 'order', 'notification']),
        staff,
        iso(issued),
      ],
    );
    noticeIds.push(n.id);
    const addressees = some(citizens, 0.05).slice(0, 3);
    for (const citizen of addressees.length ? addressees : [pick(citizens)]) {
      const opened = random() < 0.6;
      const office = random() < 0.5 ? pick(offices) : null;
      await t.query(
        `insert into notice_deliveries (notice_id, citizen_id, province_id, delivered_at, delivered_channel, delivered_office_id)
         values ($1, $2, $3, $4, $5, $6)`,
        [
          n.id,
          citizen,
          office?.province_id ?? 1 + Math.floor(random() * 31),
          opened ? iso(issued + minutes(72 * 60)) : null,
          opened ? (office ? 'office' : 'online') : null,
          opened ? (office?.id ?? null) : null,
        ],
      );
    }
  }
  const copies = await t.query<{ id: number }>(
    'select d.id::int as id from notice_deliveries d where d.notice_id = any($1::bigint[]) order by d.id',
    [noticeIds],
  );
  for (const c of some(copies, 0.25)) {
    const office = pick(offices);
    const change = random();
    if (change < 0.4)
      await t.query(
        `update notice_deliveries d set delivered_at = n.issued_at + $2::interval, delivered_channel = 'office', delivered_office_id = $3
         from notices n where n.id = d.notice_id and d.id = $1`,
        [c.id, `${Math.floor(random() * 500)} minutes`, office.id],
      );
    else if (change < 0.7)
      await t.query(
        `update notice_deliveries d set delivered_at = n.issued_at + interval '3 hours', delivered_channel = 'online', delivered_office_id = null
         from notices n where n.id = d.notice_id and d.id = $1`,
        [c.id],
      );
    else
      await t.query(
        'update notice_deliveries set delivered_at = null, delivered_channel = null, delivered_office_id = null where id = $1',
        [c.id],
      );
  }
  for (const id of some(noticeIds, 0.15))
    await t.query(`update notices set issued_at = issued_at - interval '9 days' where id = $1`, [id]);
  for (const c of some(copies, 0.1)) await t.query('delete from notice_deliveries where id = $1', [c.id]);
  for (const id of some(noticeIds, 0.08)) await t.query('delete from notices where id = $1', [id]);

  const filingIds: number[] = [];
  for (let i = 0; i < 90; i++) {
    const created = instant();
    const status = pick(['draft', 'confirmed', 'paid', 'submitted', 'accepted', 'returned'] as const);
    const submitted = ['submitted', 'accepted', 'returned'].includes(status) ? created + minutes(5 * 24 * 60) : null;
    const decided = submitted != null && status !== 'submitted' ? submitted + minutes(20 * 24 * 60) : null;
    const online = random() < 0.35;
    const office = pick(offices);
    const [f] = await t.query<{ id: number }>(
      `insert into filings (service_code, status, channel, office_id, province_id, applicant_citizen_id, created_by, subject,
                            created_at, submitted_at, decided_at)
       values ($1, $2, $3, $4, $5, $6, $7, 'خواستهٔ آزمون', $8, $9, $10) returning id::int as id`,
      [
        pick(['petition', 'complaint', 'brief', 'appeal']),
        status,
        online ? 'online' : 'office',
        online ? null : office.id,
        online ? 1 + Math.floor(random() * 31) : office.province_id,
        pick(citizens),
        staff,
        iso(created),
        submitted == null ? null : iso(submitted),
        decided == null ? null : iso(decided),
      ],
    );
    filingIds.push(f.id);
  }
  for (const id of some(filingIds, 0.25)) {
    const change = random();
    if (change < 0.4)
      await t.query(
        `update filings set status = 'submitted', submitted_at = created_at + interval '2 days', decided_at = null where id = $1`,
        [id],
      );
    else if (change < 0.7)
      await t.query(
        `update filings set status = $2, submitted_at = coalesce(submitted_at, created_at + interval '1 day'),
                            decided_at = coalesce(submitted_at, created_at + interval '1 day') + interval '150 hours'
         where id = $1`,
        [id, pick(['accepted', 'returned'])],
      );
    else await t.query(`update filings set submitted_at = submitted_at + interval '12 days' where id = $1`, [id]);
  }
  for (const id of some(filingIds, 0.1)) await t.query('delete from filings where id = $1', [id]);

  const surveyIds: number[] = [];
  for (let i = 0; i < 70; i++) {
    const office = pick(offices);
    const sent = instant();
    const answered = random() < 0.8;
    const [s] = await t.query<{ id: number }>(
      `insert into quality_surveys (ticket_id, office_id, province_id, citizen_id, service_code, token_hash, sent_at, expires_at,
                                    answered_at, satisfaction)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id::int as id`,
      [
        900_000_000 + i,
        office.id,
        office.province_id,
        pick(citizens),
        random() < 0.2 ? null : pick(['petition', 'complaint', 'brief']),
        `rollup-mix-${i}`,
        iso(sent),
        iso(sent + 7 * 86_400_000),
        answered ? iso(sent + minutes(3 * 24 * 60)) : null,
        answered ? 1 + Math.floor(random() * 5) : null,
      ],
    );
    surveyIds.push(s.id);
  }
  for (const id of some(surveyIds, 0.2))
    await t.query(
      `update quality_surveys set satisfaction = $2, answered_at = coalesce(answered_at, sent_at + interval '1 day') where id = $1`,
      [id, 1 + Math.floor(random() * 5)],
    );
  for (const id of some(surveyIds, 0.1)) await t.query('delete from quality_surveys where id = $1', [id]);
}

describe('the rollups the statistics job refreshes equal the facts', () => {
  it('after a random mix of notices, copies, filings and surveys written, corrected and deleted', async () => {
    await mixOfFacts();
    await STATS_REFRESH_JOB.run(t.server.ctx.database, { now: () => t.now() });
    const expected = await fromFacts();
    expect(expected.notices.size).toBeGreaterThan(40);
    expect(expected.kpis.size).toBeGreaterThan(50);
    expect(expected.filings.size).toBeGreaterThan(20);
    const actual = await rollups();
    expect(actual.notices).toEqual(expected.notices);
    expect(actual.kpis).toEqual(expected.kpis);
    expect(actual.filings).toEqual(expected.filings);
  });

  it('two refreshes at once (the job at a server’s start and `daftar stats rebuild`) both finish, the rollups as one leaves them', async () => {
    const expected = await fromFacts();
    const database = t.server.ctx.database;
    // Each deleted the rollups and inserted them again: the second's insert met the first's rows.
    await Promise.all([
      STATS_REFRESH_JOB.run(database, { now: () => t.now() }),
      database.db.transaction((tx) => rebuildStatsRollups(tx, t.now())),
      STATS_REFRESH_JOB.run(database, { now: () => t.now() }),
    ]);
    const actual = await rollups();
    expect(actual.notices).toEqual(expected.notices);
    expect(actual.kpis).toEqual(expected.kpis);
    expect(actual.filings).toEqual(expected.filings);
  });
});

describe('the rollup equals the records', () => {
  it('after a random mix of services, some in parallel and some rolled back', async () => {
    const expected = await fromRecords();
    expect(expected.size).toBeGreaterThan(100);
    expect(await rollup()).toEqual(expected);
    expect(await coarse('province')).toEqual(await coarseFromRecords('province'));
    expect(await coarse('county')).toEqual(await coarseFromRecords('county'));
    // Offices in more than one county, and online services (county 0), so the county sums are tested.
    expect(new Set([...(await coarse('county')).keys()].map((k) => k.split('|')[2])).size).toBeGreaterThan(2);
    // The demo in every province (decision 0077) makes the records it sums larger: room for a loaded machine.
  }, 360_000);

  it('the province and county sums follow a correction made by hand in the offices’ rollup, and a deletion', async () => {
    const [row] = await t.query<{ month: string; province_id: number; office_id: number; service_code: string }>(
      `select month::text, province_id, office_id, service_code from service_volume_monthly
        where office_id <> 0 order by month, office_id, service_code limit 1`,
    );
    const key = [row.month, row.province_id, row.office_id, row.service_code];
    await t.query(
      `update service_volume_monthly set records = records + 5, amount_rials = amount_rials + 1000
        where month = $1 and province_id = $2 and office_id = $3 and service_code = $4`,
      key,
    );
    const [{ n }] = await t.query<{ n: string }>(
      `select sum(records) as n from service_volume_province_monthly where month = $1 and province_id = $2 and service_code = $3`,
      [row.month, row.province_id, row.service_code],
    );
    const [{ m }] = await t.query<{ m: string }>(
      `select sum(records) as m from service_volume_monthly where month = $1 and province_id = $2 and service_code = $3`,
      [row.month, row.province_id, row.service_code],
    );
    expect(Number(n)).toBe(Number(m));
    await t.query(
      'delete from service_volume_monthly where month = $1 and province_id = $2 and office_id = $3 and service_code = $4',
      key,
    );
    const fine = await rollup();
    const sum = (level: 'province' | 'county') =>
      coarse(level).then((c) => [...c.values()].map((v) => Number(v.split('|')[0])));
    const total = [...fine.values()].reduce((a, v) => a + Number(v.split('|')[0]), 0);
    expect((await sum('province')).reduce((a, b) => a + b, 0)).toBe(total);
    expect((await sum('county')).reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('after the rebuild (`daftar stats rebuild`), row for row, and the dashboard reads the same', async () => {
    await t.server.ctx.db.transaction((tx) => rebuildStatsRollups(tx, t.now()));
    expect(await rollup()).toEqual(await fromRecords());
    expect(await coarse('province')).toEqual(await coarseFromRecords('province'));
    expect(await coarse('county')).toEqual(await coarseFromRecords('county'));
    // The rebuild leaves no stale rows behind in the sums.
    const [{ zero }] = await t.query<{ zero: string }>(
      `select (select count(*) from service_volume_province_monthly where records = 0)
            + (select count(*) from service_volume_county_monthly where records = 0) as zero`,
    );
    expect(Number(zero)).toBe(0);
    const before = await rollup();
    const others = await rollups();
    // Drift a rebuild must undo: a row lost, a figure changed, a row that has no facts.
    await t.query(`delete from stats_notices_monthly where ctid = (select min(ctid) from stats_notices_monthly)`);
    await t.query(
      `update stats_kpi_monthly set filings_started = filings_started + 7 where ctid = (select min(ctid) from stats_kpi_monthly)`,
    );
    await t.query(
      `insert into stats_filings_monthly (month, province_id, office_id, service_code, channel, submitted, accepted, returned, response_hours)
       values ('2020-03-20', 1, 0, 'petition', 'online', 3, 1, 1, 10)`,
    );
    await t.server.ctx.db.transaction((tx) => rebuildStatsRollups(tx, t.now()));
    expect(await rollup()).toEqual(before);
    expect(await rollup()).toEqual(await fromRecords());
    expect(await rollups()).toEqual(others);
    expect(await rollups()).toEqual(await fromFacts());
    const [{ n }] = await t.query<{ n: string }>(
      `select count(*) as n from service_records
       where created_at >= '2026-02-19T20:30:00Z' and created_at < '2026-05-21T20:30:00Z'`,
    );
    const client = await t.signInStaff('regulator');
    const body = (await client.get('/api/v1/stats/services?fromMonth=1404-12&toMonth=1405-02')).json();
    expect(body.totals.records).toBe(Number(n));
    // A province (read from the county sums) and its counties, against its records.
    const [{ p, online }] = await t.query<{ p: string; online: string }>(
      `select count(*) as p, count(*) filter (where channel = 'online') as online from service_records
       where province_id = 1 and created_at >= '2026-02-19T20:30:00Z' and created_at < '2026-05-21T20:30:00Z'`,
    );
    const tehran = (await client.get('/api/v1/stats/services?provinceId=1&fromMonth=1404-12&toMonth=1405-02')).json();
    expect(tehran.totals.records).toBe(Number(p));
    expect(tehran.totals.online).toBe(Number(online));
    const byCounty = (tehran.children as { office: number }[]).reduce((a, c) => a + c.office, 0);
    expect(byCounty).toBe(Number(p) - Number(online));
  });
});
