/**
 * filing-submit: submitting paid filings through the API (`POST /api/v1/filings/:id/submit` with an
 * Idempotency-Key each, signed in as an operator) against the same statements the submit use case
 * issues, sent directly through node-postgres from the same number of concurrent callers, in one
 * run on one PostgreSQL database (a scratch database made and dropped here; PostgreSQL only).
 *
 * Both sides submit filings prepared for them directly in the database (status `paid`, quote fixed).
 * The reference does what `submitFiling` does, statement for statement and write for write: read
 * the filing; in one transaction claim the idempotency key, lock the filing and read with it the
 * court costs already settled, the applicant's mobile and the operator's licence verdict (one
 * statement), update the filing with its filing event (one), insert the service record with its
 * month's volume (one), queue the SMS in the notifier outbox; then store the answer under the key,
 * append the audit event (one named statement: lock the chain head, insert the event with its hash,
 * move the head) and commit, those three in one round trip as the use case sends them (the begin
 * goes out with the claim too); then hand the message to the job queue.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { extrasOf } from '#core/fees';
import { asFilingQuote, divideNewlyPaid } from '#core/filing-quote';
import { isValidMobile } from '#core/identifiers';
import { tehranIsoDate } from '#core/jalali';
import { toPersianDigits } from '#core/persian-digits';
import { hashedTextBeforeSeq } from '#server/platform/audit/chain';
import { AUDIT_APPEND_WITH_HEAD_SQL } from '#server/platform/audit/audit-log';
import { pipelined } from '#server/db/pipeline';
import { requestHash } from '#server/platform/http/idempotency';
import { quoteFees } from '#server/modules/tariffs/fees';
import { trackingCodeFor } from '#server/modules/filings/service';
import { VOLUME_SLOTS, volumeMonthOf } from '#server/modules/records/volume';
import { printBench, startQuietServer } from './lib';

const COUNT = Number(process.env.BENCH_SUBMIT_COUNT ?? 3_000);
const WARMUP = 200;
const CONNECTIONS = 16;
/** The job queue's delivery retry policy for an outbox message (platform/jobs/jobs.ts). */
const DELIVERY_RETRY = { retryLimit: 5, retryDelay: 2, retryBackoff: true };

/**
 * The filing locked and read with the court costs its submissions settled, the applicant's contact
 * and the operator's licence verdict (operators/licences/may-perform.ts): the statement
 * `lockForSubmit` issues, with its parameters in order ($1 filing, $2 operator, $3 day).
 */
const LOCK_SQL = `
  select f.*,
    (select coalesce(sum((e.data->>'courtCostsRials')::bigint), 0) from filing_events e
      where e.filing_id = f.id and e.action in ('submitted', 'resubmitted')) as court_costs_settled,
    c.mobile, s.title_fa,
    coalesce((
      select case
        when o.status <> 'active' then 'office_not_active'
        when not exists (select 1 from office_competencies oc
                where oc.office_id = o.id and oc.service_code = f.service_code and oc.status = 'active'
                  and oc.valid_from <= $3::date and (oc.valid_until is null or oc.valid_until >= $3::date))
          then 'office_lacks_competency'
        else coalesce((
          select case when a.status = 'revoked' then 'licence_revoked'
               when a.status = 'suspended' and (a.suspended_until is null or a.suspended_until >= $3::date) then 'licence_suspended'
               when a.expires_on < $3::date then 'licence_expired'
               else 'ok' end
          from activity_licences a
          where a.user_id = $2 and a.office_id = o.id and a.service_codes ? f.service_code
          order by case when a.status = 'revoked' then 3
               when a.status = 'suspended' and (a.suspended_until is null or a.suspended_until >= $3::date) then 2
               when a.expires_on < $3::date then 1
               else 0 end, a.expires_on desc
          limit 1), 'licence_required')
        end
      from offices o where o.id = f.office_id), 'office_not_active') as licence
  from filings f
  left join citizens c on c.id = f.applicant_citizen_id
  left join catalog_services s on s.code = f.service_code
  where f.id = $1
  for update of f`;

function urlFor(base: string, database: string) {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function filingSubmit(): Promise<string> {
  if (!process.env.DATABASE_URL) {
    const line =
      'bench filing-submit: skipped (PostgreSQL only: set DATABASE_URL to a server where a scratch database may be created)';
    console.log(line);
    return line;
  }
  const scratch = `daftar_bench_submit_${process.pid}`;
  const admin = new pg.Client({ connectionString: urlFor(process.env.DATABASE_URL, 'postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${scratch}`);
  await admin.query(`create database ${scratch}`);
  const databaseUrl = urlFor(process.env.DATABASE_URL, scratch);
  const server = await startQuietServer({ DATABASE_URL: databaseUrl });
  try {
    const login = await fetch(`${server.url}/api/v1/auth/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator.11001', password: 'Daftar-1403' }),
    });
    if (!login.ok) throw new Error(`operator sign-in failed: ${login.status}`);
    const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
    const cookie = cookies.join('; ');
    const csrf = /daftar_csrf=([^;]+)/.exec(cookie)![1];
    const pool = server.ctx.database.pool;
    const {
      rows: [me],
    } = await pool.query(
      "select u.id as user_id, g.office_id, g.province_id from users u join role_grants g on g.user_id = u.id where u.username = 'operator.11001'",
    );
    const {
      rows: [place],
    } = await pool.query(
      'select (select id from citizens order by id limit 1) as citizen, (select id from courts where province_id = $1 order by id limit 1) as court',
      [me.province_id],
    );
    const quote = await quoteFees(server.ctx.db, {
      service: 'petition',
      parties: 2,
      pages: 2,
      isoDate: tehranIsoDate(server.ctx.clock.now()),
    });

    /** Paid, confirmed filings of the operator's office, ready to submit: ids first … first + n - 1. */
    const prepare = async (n: number) => {
      const { rows } = await pool.query(
        `insert into filings (service_code, status, channel, office_id, province_id, applicant_citizen_id, created_by, court_id,
          subject, quote, total_rials, paid_rials, confirmed_at)
        select 'petition', 'paid', 'office', $1, $2, $3, $4, $5, 'مطالبهٔ وجه چک', $6::jsonb, $7, $7, now() from generate_series(1, $8)
        returning id`,
        [
          me.office_id,
          me.province_id,
          place.citizen,
          me.user_id,
          place.court,
          JSON.stringify(quote),
          quote.totalRials,
          n,
        ],
      );
      const ids = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
      return { first: ids[0], last: ids[ids.length - 1] };
    };

    // ——— Through the API, load from autocannon's worker thread. ———
    const viaApi = async (range: { first: number; last: number }) => {
      process.env.BENCH_SUBMIT_FIRST_ID = String(range.first);
      process.env.BENCH_SUBMIT_LAST_ID = String(range.last);
      const result = await autocannon({
        url: server.url,
        connections: CONNECTIONS,
        workers: 1,
        amount: range.last - range.first + 1,
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        requests: [
          {
            method: 'POST',
            body: '{}',
            setupRequest: path.join(path.dirname(fileURLToPath(import.meta.url)), 'submit-request.cjs'),
          },
        ],
      });
      if (result.non2xx > 0 || result.errors > 0)
        throw new Error(`filing-submit: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
      return { opsPerSecond: result.requests.total / result.duration, p99: result.latency.p99 };
    };

    // ——— The reference: the use case's statements through node-postgres. ———
    const userId = Number(me.user_id);
    const boss = server.ctx.jobs!.boss;
    const submitDirect = async (id: number) => {
      const key = `bench-direct-${id}`;
      const hash = requestHash('filings.submit', { filingId: id });
      const now = new Date();
      const day = tehranIsoDate(now);
      const [f] = (await pool.query('select * from filings where id = $1', [id])).rows;
      if (!f) throw new Error(`filing ${id} missing`);
      const client = await pool.connect();
      let answer: { id: number; status: 'submitted'; trackingCode: string };
      let outboxId: number;
      try {
        // The transaction's begin goes out with the key's claim, in one round trip.
        const [, claimed] = await pipelined(
          client,
          [
            { text: 'begin' },
            {
              // Named, as the use case names its own (a name of the reference's: the pool is shared).
              name: 'bench-idempotency-claim',
              text: `insert into idempotency_keys (key, user_id, operation, request_hash, status, body, created_at) values ($1, $2, $3, $4, 0, '{}', $5)
          on conflict do nothing returning key`,
              values: [key, userId, 'filings.submit', hash, now],
            },
          ],
          true,
        );
        if (claimed.rowCount !== 1) throw new Error('key taken');
        const [locked] = (await client.query(LOCK_SQL, [id, userId, day])).rows;
        if (locked.licence !== 'ok') throw new Error(`operator may not perform the service: ${locked.licence}`);
        const trackingCode = locked.tracking_code ?? trackingCodeFor({ id, provinceId: locked.province_id }, day);
        const q = asFilingQuote(locked.quote)!;
        const { courtRials, officeRials } = divideNewlyPaid({
          newlyPaidRials: Number(locked.paid_rials) - Number(locked.billed_rials),
          courtCostsRials: q.courtCosts.totalRials,
          courtCostsSettledRials: Number(locked.court_costs_settled),
        });
        const data = {
          trackingCode,
          courtId: locked.court_id,
          gateway: 'embedded-court-desk',
          courtCostsRials: courtRials,
        };
        await client.query(
          `with updated as (update filings set status = 'submitted', tracking_code = $1, submitted_at = $2, decided_at = null, billed_rials = $3 where id = $4)
          insert into filing_events (filing_id, at, actor_user_id, action, from_status, to_status, channel, office_id, court_id, data)
          values ($4, $2, $5, 'submitted', $6, 'submitted', 'office', $7, null, $8)`,
          [trackingCode, now, locked.paid_rials, id, userId, locked.status, locked.office_id, JSON.stringify(data)],
        );
        const { extraParties, extraPages } = extrasOf(q);
        await client.query(
          `with record as (
            insert into service_records (service_code, channel, office_id, province_id, operator_user_id, citizen_id, filing_id, ticket_id, schedule_id, amount_rials, extra_parties, extra_pages, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id),
          volume as (
            insert into service_volume_monthly (month, province_id, office_id, service_code, channel, slot, records, extra_parties, extra_pages, amount_rials)
            values ($14, $4, coalesce($3, 0), $1, $2, pg_backend_pid() % ${VOLUME_SLOTS}, 1, $11, $12, $10)
            on conflict (month, province_id, office_id, service_code, channel, slot) do update set records = service_volume_monthly.records + excluded.records,
              extra_parties = service_volume_monthly.extra_parties + excluded.extra_parties, extra_pages = service_volume_monthly.extra_pages + excluded.extra_pages,
              amount_rials = service_volume_monthly.amount_rials + excluded.amount_rials)
          select id from record`,
          [
            locked.service_code,
            locked.channel,
            locked.office_id,
            locked.province_id,
            userId,
            locked.applicant_citizen_id,
            id,
            locked.ticket_id,
            q.schedule.id,
            officeRials,
            extraParties,
            extraPages,
            now,
            volumeMonthOf(now),
          ],
        );
        if (!isValidMobile(locked.mobile)) throw new Error('the benchmark applicant has no mobile');
        const {
          rows: [queued],
        } = await client.query(
          `insert into notifier_outbox (channel, recipient, body, template, province_id, created_at)
          values ('sms', $1, $2, 'filings.submitted', $3, $4) returning id`,
          [
            locked.mobile,
            `دفتر: «${locked.title_fa}» شما به دادگاه فرستاده شد. کد رهگیری: ${toPersianDigits(trackingCode)} (${trackingCode})`,
            locked.province_id,
            now,
          ],
        );
        outboxId = Number(queued.id);
        answer = { id, status: 'submitted', trackingCode };
        // The answer stored under the key, the audit event appended as the use case appends it (one
        // named statement locks the head, inserts the event with its hash — the database supplies the
        // number — and moves the head) and the commit, in one round trip.
        const event = {
          at: new Date().toISOString(),
          actorUserId: userId,
          action: 'filings.submitted',
          entityType: 'filing',
          entityId: String(id),
          provinceId: locked.province_id,
          officeId: locked.office_id,
          data: { from: locked.status, to: 'submitted', channel: 'office', ...data },
        };
        const [, appended] = await pipelined(
          client,
          [
            {
              name: 'bench-idempotency-answer',
              text: 'update idempotency_keys set status = $1, body = $2 where user_id = $3 and key = $4',
              values: [200, JSON.stringify(answer), userId, key],
            },
            {
              name: 'audit-append-with-head',
              text: AUDIT_APPEND_WITH_HEAD_SQL,
              values: [
                event.at,
                event.actorUserId,
                event.action,
                event.entityType,
                event.entityId,
                event.provinceId,
                event.officeId,
                JSON.stringify(event.data),
                hashedTextBeforeSeq(event),
              ],
            },
            { text: 'commit' },
          ],
          true,
        );
        if (appended.rowCount !== 1) throw new Error('the audit chain has no head');
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
      // After the commit, the message is handed to the job queue (one insert into its job table).
      await boss.send('notifier.deliver', { id: outboxId }, { ...DELIVERY_RETRY, singletonKey: `msg-${outboxId}` });
    };
    const viaSql = async (range: { first: number; last: number }) => {
      let next = range.first;
      const started = performance.now();
      const latencies: number[] = [];
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (next <= range.last) {
            const id = next++;
            const t = performance.now();
            await submitDirect(id);
            latencies.push(performance.now() - t);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      return { opsPerSecond: latencies.length / seconds, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0 };
    };

    const apiWarm = await prepare(WARMUP);
    const sqlWarm = await prepare(WARMUP);
    const apiSet = await prepare(COUNT);
    const sqlSet = await prepare(COUNT);
    await viaSql(sqlWarm);
    await viaApi(apiWarm);
    const reference = await viaSql(sqlSet);
    const api = await viaApi(apiSet);
    const {
      rows: [check],
    } = await pool.query(
      `select count(*) filter (where status = 'submitted')::int as submitted, count(*)::int as n from filings`,
    );
    if (check.submitted !== check.n)
      throw new Error(`filing-submit: ${check.n - check.submitted} filings were not submitted`);
    const {
      rows: [sms],
    } = await pool.query(
      "select count(*)::int as queued, (select count(*)::int from pgboss.job where name = 'notifier.deliver') as handed from notifier_outbox where template = 'filings.submitted'",
    );
    if (sms.queued !== check.n || sms.handed !== check.n)
      throw new Error(`filing-submit: ${sms.queued} SMS queued and ${sms.handed} handed over for ${check.n} filings`);
    return printBench({
      name: 'filing-submit',
      figures: {
        db: server.ctx.database.kind,
        filings: COUNT,
        connections: CONNECTIONS,
        api_rps: Math.round(api.opsPerSecond),
        api_p99_ms: api.p99.toFixed(1),
        sql_rps: Math.round(reference.opsPerSecond),
        sql_p99_ms: reference.p99.toFixed(1),
      },
      ratio: api.opsPerSecond / reference.opsPerSecond,
      // Issue #14: at least 0.7 of the same writes issued raw, when every office of a province submits at once.
      goal: { op: '>=', value: 0.7 },
    });
  } finally {
    await server.stop();
    await admin.query(`drop database if exists ${scratch} with (force)`);
    await admin.end();
  }
}
