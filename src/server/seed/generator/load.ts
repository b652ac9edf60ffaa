/**
 * Loads a dataset in one transaction: the demo set first (so the README's sign-ins work at every
 * scale), then the generated rows through COPY in chunks, identity sequences moved past them, an
 * audit event for the whole load, and ANALYZE. A failure rolls everything back.
 *
 * COPY runs on PostgreSQL through pg-copy-streams on the transaction's own client, and on PGlite
 * through its `/dev/blob` COPY on the same (single) session, so both stay inside the transaction.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '#server/db/client';
import type { Tx } from '#server/db/transaction';
import { recordAudit } from '#server/platform/audit/audit-log';
import { isEmpty, seedDemo } from '#server/seed/demo';
import { DEMO_CITIZENS, DEMO_STAFF } from '#server/seed/demo-data';
import { quoteService, scheduleInForce } from '#core/fees';
import { approvedSchedules } from '#server/modules/tariffs/store';
import { loadHolidayCalendar } from '#server/modules/notices/calendar';
import { addDaysIso, tehranIsoDate } from '#core/jalali';
import {
  CASE_PARTIES,
  CASES,
  CITIES,
  CITIZENS,
  COURTS,
  FILING_PARTIES,
  FILINGS,
  NOTICE_DELIVERIES,
  NOTICES,
  OFFICES_WITH_CAPACITY,
  ROLE_GRANTS,
  SERVICE_RECORDS,
  USERS,
  copyColumns,
  copyLine,
  networkTables,
  type TableShape,
} from './copy-text';
import { CATALOG } from '#server/modules/catalog/data';
import { buildNetwork, type NetworkInput, type NetworkStartIds } from './network';
import { loadConsultation } from './consultation';
import { loadQuality } from './quality';
import { DAY, history, type FilingService, type HistoryInput, type HistoryStart, type NoticeKind } from './history';
import { syntheticNationalId, MAX_PER_STREAM } from './ids';
import { FEMALE_NAMES, LAST_NAMES, MALE_NAMES } from './names';
import { buildPlan, citizens, DATASET_EPOCH, type Plan, type StartIds } from './plan';
import { resolveScale, type ScaleName } from './scales';
import { GENERATED_STAFF_PASSWORD_HASH } from './staff-password';
import { rebuildServiceVolume } from '#server/modules/records/volume';
import { insertServiceRecords } from './service-records';
import { refreshFilingRollups } from '#server/modules/stats/filing-rollups';
import { refreshKpiRollups } from '#server/modules/stats/kpi-rollups';
import { refreshNoticeRollups } from '#server/modules/stats/notice-rollups';

export interface SeedOptions {
  scale: ScaleName;
  seed: number;
  offices?: number;
  citizens?: number;
  /** Historical filings (with parties, cases, notices and deliveries); the scale's default when absent. */
  filings?: number;
  /** Service records made in SQL besides the filings' own (service-records.ts); none when absent. */
  serviceRecords?: number;
  /** Rows per COPY statement (memory stays flat at any scale). */
  chunkSize?: number;
  /** Drop the citizens', users' and grants' secondary indexes during the load and rebuild them after (default: from 20,000 citizens). */
  rebuildIndexes?: boolean;
  /** Called when a table's total is known (done = 0) and after every chunk; `indexes` counts rebuilt indexes. */
  onProgress?: (table: string, done: number, total: number) => void;
  /** Counter tickets an average generated office issues on a working day (the quality records' volume; the scale's when absent). */
  ticketsPerDay?: number;
  /** The instant the demo set is dated around (the generated history ends at DATASET_EPOCH whatever it is). */
  now: Date;
}

export interface SeedResult {
  scale: ScaleName;
  seed: number;
  /** Rows written by the generator per table (the demo and reference rows not included). */
  generated: Record<string, number>;
  elapsedMs: number;
  auditSeq: number;
}

export class DatabaseNotEmptyError extends Error {
  constructor() {
    super('the database already holds a dataset');
  }
}

type CopyFn = (table: string, columns: string, text: string) => Promise<void>;

function copier(database: Database, client: pg.PoolClient): CopyFn {
  if (database.kind === 'pglite') {
    const pglite = database.pglite!;
    return async (table, columns, text) => {
      await pglite.query(`COPY ${table} (${columns}) FROM '/dev/blob'`, [], { blob: new Blob([text]) });
    };
  }
  return async (table, columns, text) => {
    await pipeline(Readable.from([Buffer.from(text)]), client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`)));
  };
}

async function nextIds(tx: Tx): Promise<StartIds> {
  const result = await tx.execute(sql`select
    (select coalesce(max(id), 0) + 1 from offices) as "officeId",
    (select coalesce(max(id), 0) + 1 from courts) as "courtId",
    (select coalesce(max(id), 0) + 1 from users) as "userId",
    (select coalesce(max(id), 0) + 1 from role_grants) as "grantId",
    (select coalesce(max(id), 0) + 1 from citizens) as "citizenId"`);
  const row = result.rows[0] as Record<keyof StartIds, number | string>;
  return {
    officeId: Number(row.officeId),
    courtId: Number(row.courtId),
    userId: Number(row.userId),
    grantId: Number(row.grantId),
    citizenId: Number(row.citizenId),
  };
}

/**
 * Sequences do not roll back: after a failed load they would hand the demo rows other ids than a
 * first load does. Starting them at 1 again (only for empty tables) keeps a seed's ids the same.
 */
async function restartEmptySequences(tx: Tx): Promise<void> {
  const { rows } =
    await tx.execute(sql`select table_name as "table", column_name as "column" from information_schema.columns
    where table_schema = 'public' and is_identity = 'YES' order by table_name`);
  for (const { table, column } of rows as { table: string; column: string }[]) {
    await tx.execute(
      sql.raw(
        `select setval(pg_get_serial_sequence('"${table}"', '${column}'), 1, false) where not exists (select 1 from "${table}")`,
      ),
    );
  }
}

const BULK_TABLES = ['citizens', 'users', 'role_grants'];
/** The tables historical filings fill, in foreign-key order. */
export const HISTORY_TABLES = [
  'filings',
  'filing_parties',
  'service_records',
  'cases',
  'case_parties',
  'notices',
  'notice_deliveries',
];

/** Drops the indexes of these tables that back no constraint (primary keys stay); returns their definitions. */
async function dropSecondaryIndexes(tx: Tx, tables: string[]): Promise<string[]> {
  const { rows } = await tx.execute(sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
    where i.schemaname = 'public' and i.tablename in (${sql.join(
      tables.map((t) => sql`${t}`),
      sql`, `,
    )})
      and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)
    order by i.tablename, i.indexname`);
  const list = rows as { name: string; definition: string }[];
  for (const { name } of list) await tx.execute(sql.raw(`drop index "${name}"`));
  return list.map((r) => r.definition);
}

/** Drops the foreign keys declared on these tables; returns them to be added back (and validated) after the load. */
async function dropForeignKeys(
  tx: Tx,
  tables: string[],
): Promise<{ table: string; name: string; definition: string }[]> {
  const { rows } =
    await tx.execute(sql`select c.conrelid::regclass::text as "table", c.conname as name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c where c.contype = 'f' and c.conrelid::regclass::text in (${sql.join(
      tables.map((t) => sql`${t}`),
      sql`, `,
    )})
    order by 1, 2`);
  const list = rows as { table: string; name: string; definition: string }[];
  for (const { table, name } of list) await tx.execute(sql.raw(`alter table "${table}" drop constraint "${name}"`));
  return list;
}

/** The network's tables with an identity column (operator_profiles is keyed by the user). */
export const NETWORK_TABLES = [
  'office_status_events',
  'office_competencies',
  'employment_contracts',
  'insurance_periods',
  'course_sessions',
  'session_enrolments',
  'exam_attempts',
  'activity_licences',
  'licence_events',
];

const SEQUENCED_TABLES = [
  'offices',
  'courts',
  'users',
  'role_grants',
  'citizens',
  ...HISTORY_TABLES,
  ...NETWORK_TABLES,
];

/**
 * What the network generator needs from the demo set already loaded: the next free ids, the demo's
 * courses, the general exam and its question bank, and the regulator's and association's accounts.
 */
async function networkInput(tx: Tx, seed: number, plan: Plan): Promise<NetworkInput> {
  const one = async <T>(query: ReturnType<typeof sql>) => (await tx.execute(query)).rows[0] as T;
  const next = await one<Record<keyof NetworkStartIds, string | number>>(sql`select
    (select coalesce(max(id), 0) + 1 from office_status_events) as "statusEventId", (select coalesce(max(id), 0) + 1 from office_competencies) as "competencyId",
    (select coalesce(max(id), 0) + 1 from employment_contracts) as "contractId", (select coalesce(max(id), 0) + 1 from insurance_periods) as "insuranceId",
    (select coalesce(max(id), 0) + 1 from course_sessions) as "sessionId", (select coalesce(max(id), 0) + 1 from session_enrolments) as "enrolmentId",
    (select coalesce(max(id), 0) + 1 from exam_attempts) as "attemptId", (select coalesce(max(id), 0) + 1 from activity_licences) as "licenceId",
    (select coalesce(max(id), 0) + 1 from licence_events) as "licenceEventId"`);
  const courseRows = (
    await tx.execute(
      sql`select id, code, hours, service_codes as "serviceCodes" from courses where code in ('GEN-101', 'SPC-201', 'SPC-202', 'CE-301') order by id`,
    )
  ).rows as unknown as NetworkInput['courses'];
  const general = courseRows.find((c) => c.code === 'GEN-101');
  if (courseRows.length !== 4 || !general)
    throw new Error('the network needs the demo courses GEN-101, SPC-201, SPC-202 and CE-301');
  const exam = await one<
    NetworkInput['exam'] | undefined
  >(sql`select id, course_id as "courseId", question_count as "questionCount", duration_minutes as "durationMinutes",
    pass_percent as "passPercent", max_attempts as "maxAttempts" from exams where course_id = ${general.id} and active order by id limit 1`);
  const questions = (
    await tx.execute(sql`select id, correct_index as "correctIndex", jsonb_array_length(options) as options
    from exam_questions where course_id = ${general.id} and active order by id`)
  ).rows as unknown as NetworkInput['questions'];
  if (!exam || questions.length < exam.questionCount)
    throw new Error('the network needs the general course’s exam and its question bank');
  const people = (await tx.execute(sql`select id, username from users where username in ('regulator', 'association')`))
    .rows as { id: number; username: string }[];
  const idOf = (username: string) =>
    Number(people.find((p) => p.username === username)?.id ?? 0) ||
    (() => {
      throw new Error(`the network needs the demo account ${username}`);
    })();
  return {
    seed,
    plan,
    start: Object.fromEntries(Object.entries(next).map(([k, v]) => [k, Number(v)])) as unknown as NetworkStartIds,
    courses: courseRows.map((c) => ({ ...c, id: Number(c.id), hours: Number(c.hours) })),
    exam: Object.fromEntries(Object.entries(exam).map(([k, v]) => [k, Number(v)])) as unknown as NetworkInput['exam'],
    questions: questions.map((q) => ({
      id: Number(q.id),
      correctIndex: Number(q.correctIndex),
      options: Number(q.options),
    })),
    officeServices: CATALOG.filter((s) => s.channels !== 'online').map((s) => s.code),
    regulatorId: idOf('regulator'),
    associationId: idOf('association'),
  };
}

/** Names of generated citizens, kept compactly (two small integers each) so filings can name their parties. */
class CitizenNames {
  private readonly first: Uint16Array;
  private readonly last: Uint16Array;
  private readonly firstIndex: Map<string, number>;
  private readonly lastIndex: Map<string, number>;
  private readonly firstNames = [...MALE_NAMES, ...FEMALE_NAMES];
  constructor(
    readonly start: number,
    count: number,
  ) {
    this.first = new Uint16Array(count);
    this.last = new Uint16Array(count);
    this.firstIndex = new Map(this.firstNames.map((n, i) => [n, i]));
    this.lastIndex = new Map(LAST_NAMES.map((n, i) => [n, i]));
  }
  record(id: number, firstName: string, lastName: string) {
    this.first[id - this.start] = this.firstIndex.get(firstName)!;
    this.last[id - this.start] = this.lastIndex.get(lastName)!;
  }
  name(id: number) {
    return `${this.firstNames[this.first[id - this.start]]} ${LAST_NAMES[this.last[id - this.start]]}`;
  }
}

async function historyStart(tx: Tx): Promise<HistoryStart> {
  const result = await tx.execute(sql`select
    (select coalesce(max(id), 0) + 1 from filings) as "filingId", (select coalesce(max(id), 0) + 1 from filing_parties) as "partyId",
    (select coalesce(max(id), 0) + 1 from cases) as "caseId", (select coalesce(max(id), 0) + 1 from case_parties) as "casePartyId",
    (select coalesce(max(id), 0) + 1 from notices) as "noticeId", (select coalesce(max(id), 0) + 1 from notice_deliveries) as "deliveryId",
    (select coalesce(max(id), 0) + 1 from service_records) as "serviceRecordId"`);
  return Object.fromEntries(
    Object.entries(result.rows[0] as Record<string, string | number>).map(([k, v]) => [k, Number(v)]),
  ) as unknown as HistoryStart;
}

/** Everything `history` needs besides the plan: fees from the schedules in force, deadline rules, holidays. */
async function historyInput(
  tx: Tx,
  plan: Plan,
  names: CitizenNames,
  options: { seed: number; filings: number; reservedNationalIds: ReadonlySet<string> },
): Promise<HistoryInput> {
  const schedules = await approvedSchedules(tx);
  if (!schedules.length) throw new Error('historical filings need an approved tariff schedule');
  const rules = (await tx.execute(sql`select kind, days from notice_deadline_rules`)).rows as {
    kind: NoticeKind;
    days: number | null;
  }[];
  // The last three years, but not before the first schedule (a fee is never quoted without one).
  const firstSchedule = Date.parse(`${schedules.map((x) => x.effectiveFrom).sort()[0]}T00:00:00+03:30`);
  const fromMs = Math.max(firstSchedule, DATASET_EPOCH - 3 * 365 * DAY);
  const fees = new Map<string, { totalRials: number; scheduleId: number }>();
  const citizenStart = plan.citizenStart.citizenId;
  const citizenTotal = plan.citizensPerProvince.reduce((a, c) => a + c.count, 0);
  const operators = new Map<number, number[]>();
  const clerks = new Map<number, number[]>();
  const judges = new Map<number, number[]>();
  for (const { user, grant } of plan.staff) {
    const [map, key] =
      grant.role === 'operator'
        ? [operators, grant.officeId]
        : grant.role === 'court_clerk'
          ? [clerks, grant.courtId]
          : grant.role === 'judge'
            ? [judges, grant.courtId]
            : [null, null];
    if (map && key != null) map.set(key, [...(map.get(key) ?? []), user.id]);
  }
  let next = citizenStart;
  const provinces = plan.citizensPerProvince.map(({ provinceId, count }) => {
    const p = { provinceId, citizenStart: next, count };
    next += count;
    return p;
  });
  const outsiderRoom = MAX_PER_STREAM - citizenTotal;
  return {
    seed: options.seed,
    filings: options.filings,
    start: await historyStart(tx),
    fromMs,
    toMs: DATASET_EPOCH,
    offices: plan.offices.map((o) => ({ id: o.id, provinceId: o.provinceId, operators: operators.get(o.id) ?? [] })),
    courts: plan.courts.map((c) => ({
      id: c.id,
      code: c.code,
      kind: c.kind,
      provinceId: c.provinceId,
      branches: c.branches,
      clerks: clerks.get(c.id) ?? [],
      judges: judges.get(c.id) ?? [],
    })),
    provinces,
    userOfCitizen: (id) => plan.citizenStart.userId + (id - citizenStart),
    citizen: (id) => ({
      name: names.name(id),
      nationalId: syntheticNationalId('citizen', id - citizenStart, options.reservedNationalIds),
    }),
    // People named on filings without an e-account draw national IDs after the citizens' in the same bijection.
    outsider: (k, rng) => ({
      name: `${rng.pick(rng.chance(0.5) ? MALE_NAMES : FEMALE_NAMES)} ${rng.pick(LAST_NAMES)}`,
      nationalId: syntheticNationalId('citizen', citizenTotal + (k % outsiderRoom), options.reservedNationalIds),
    }),
    feeRials(service: FilingService, parties: number, isoDay: string) {
      const schedule = scheduleInForce(schedules, isoDay);
      const key = `${schedule?.id}|${service}|${parties}`;
      let fee = fees.get(key);
      if (!fee) {
        const quoted = quoteService(schedule, { service, parties, pages: 2 });
        if (!quoted.ok) throw new Error(`no fee for ${service} on ${isoDay}: ${quoted.problem.kind}`);
        fee = { totalRials: quoted.quote.totalRials, scheduleId: quoted.quote.schedule.id };
        fees.set(key, fee);
      }
      return fee;
    },
    deadlineDays: Object.fromEntries(rules.map((r) => [r.kind, r.days])),
    // The calendar deadlines are counted on (the law's holidays, admins' changes) over the whole history and its longest limit.
    holidays: new Set(
      (
        await loadHolidayCalendar(
          tx,
          tehranIsoDate(new Date(fromMs)),
          addDaysIso(tehranIsoDate(new Date(DATASET_EPOCH)), 2 * 365),
        )
      )
        .holidays()
        .map((h) => h.day),
    ),
  };
}

export async function seedDataset(database: Database, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const chunkSize = options.chunkSize ?? 50_000;
  const progress = options.onProgress ?? (() => {});
  const spec =
    options.scale === 'demo'
      ? null
      : resolveScale(options.scale, {
          offices: options.offices,
          citizens: options.citizens,
          filings: options.filings,
          serviceRecords: options.serviceRecords,
        });
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff)
    throw new Error('seed must be a whole number from 0 to 4294967295');

  const client = await database.pool.connect();
  const generated: Record<string, number> = {};
  let auditSeq = 0;
  try {
    const db = drizzle(client);
    if (!(await isEmpty(db))) throw new DatabaseNotEmptyError();
    const copy = copier(database, client);
    await db.transaction(async (tx) => {
      await restartEmptySequences(tx);
      // The generated history is the volume; the demo's own year of it would be counted twice.
      await seedDemo(tx, options.now, { volume: false });
      if (spec) {
        const existing = await tx.execute(
          sql`select (select coalesce(json_agg(code), '[]') from offices) as offices, (select coalesce(json_agg(code), '[]') from courts) as courts`,
        );
        const codes = existing.rows[0] as { offices: string[]; courts: string[] };
        const reservedNationalIds = new Set([...DEMO_STAFF, ...DEMO_CITIZENS].map((p) => p.nationalId));
        const planInput = {
          spec,
          seed: options.seed,
          start: await nextIds(tx),
          existingOfficeCodes: codes.offices,
          existingCourtCodes: codes.courts,
          reservedNationalIds,
          staffPasswordHash: GENERATED_STAFF_PASSWORD_HASH,
        };
        const plan = buildPlan(planInput);
        const network = buildNetwork(await networkInput(tx, options.seed, plan));
        const networkShapes = networkTables(network);
        const citizenTotal = plan.citizensPerProvince.reduce((a, c) => a + c.count, 0);
        const totals: Record<string, number> = {
          cities: plan.cities.length,
          offices: plan.offices.length,
          courts: plan.courts.length,
          users: plan.staff.length + citizenTotal,
          role_grants: plan.staff.length + citizenTotal,
          citizens: citizenTotal,
          ...Object.fromEntries(networkShapes.map(([shape, rows]) => [shape.table, rows.length])),
          ...(spec.filings > 0 ? { filings: spec.filings } : {}),
          ...(spec.serviceRecords > 0 ? { service_records: spec.serviceRecords } : {}),
        };
        for (const [table, total] of Object.entries(totals)) {
          generated[table] = 0;
          progress(table, 0, total);
        }

        const flush = async <T>(shape: TableShape<T>, lines: string[]) => {
          if (!lines.length) return;
          await copy(shape.table, copyColumns(shape as TableShape<unknown>), lines.join(''));
          generated[shape.table] += lines.length;
          progress(shape.table, generated[shape.table], totals[shape.table]);
          lines.length = 0;
        };
        const copyAll = async <T>(shape: TableShape<T>, rows: T[]) => {
          const lines: string[] = [];
          for (const row of rows) {
            lines.push(copyLine(shape, row));
            if (lines.length >= chunkSize) await flush(shape, lines);
          }
          await flush(shape, lines);
        };
        await copyAll(CITIES, plan.cities);
        await copyAll(
          OFFICES_WITH_CAPACITY,
          plan.offices.map((o) => ({ ...o, ...network.capacity.get(o.id)! })),
        );
        await copyAll(COURTS, plan.courts);
        await copyAll(
          USERS,
          plan.staff.map((s) => s.user),
        );
        await copyAll(
          ROLE_GRANTS,
          plan.staff.map((s) => s.grant),
        );
        // The offices' histories and competencies, and their people's records: tens of thousands of rows at national scale.
        for (const [shape, rows] of networkShapes) await copyAll(shape, rows);

        // Citizens, their accounts and their grants advance together, chunk by chunk, in FK order.
        // Their secondary indexes are rebuilt once at the end: sorting millions of random national
        // IDs and mobiles in one go is far faster than inserting them into B-trees row by row.
        // Foreign keys likewise are checked once per constraint at the end, not once per row.
        const rebuild =
          options.rebuildIndexes ?? (citizenTotal >= 20_000 || spec.filings >= 20_000 || spec.serviceRecords >= 20_000);
        const bulkTables = [
          ...new Set([
            ...BULK_TABLES,
            ...(spec.filings > 0 ? HISTORY_TABLES : []),
            ...(spec.serviceRecords > 0 ? ['service_records'] : []),
          ]),
        ];
        const foreignKeys = rebuild ? await dropForeignKeys(tx, bulkTables) : [];
        const indexes = rebuild ? await dropSecondaryIndexes(tx, bulkTables) : [];
        const names = new CitizenNames(plan.citizenStart.citizenId, citizenTotal);
        const citizenLines: string[] = [];
        const userLines: string[] = [];
        const grantLines: string[] = [];
        const flushCitizens = async () => {
          await flush(CITIZENS, citizenLines);
          await flush(USERS, userLines);
          await flush(ROLE_GRANTS, grantLines);
        };
        for (const bundle of citizens(plan, planInput)) {
          names.record(bundle.citizen.id, bundle.citizen.firstName, bundle.citizen.lastName);
          citizenLines.push(copyLine(CITIZENS, bundle.citizen));
          userLines.push(copyLine(USERS, bundle.user));
          grantLines.push(copyLine(ROLE_GRANTS, bundle.grant));
          if (citizenLines.length >= chunkSize) await flushCitizens();
        }
        await flushCitizens();

        // Historical filings: each filing's rows go to their tables together, a chunk of filings at a time.
        if (spec.filings > 0) {
          const input = await historyInput(tx, plan, names, {
            seed: options.seed,
            filings: spec.filings,
            reservedNationalIds,
          });
          const shapes = [
            FILINGS,
            FILING_PARTIES,
            SERVICE_RECORDS,
            CASES,
            CASE_PARTIES,
            NOTICES,
            NOTICE_DELIVERIES,
          ] as TableShape<unknown>[];
          const buffers = shapes.map(() => [] as string[]);
          for (const shape of shapes) generated[shape.table] ??= 0;
          const filingsPerChunk = Math.max(1, Math.floor(chunkSize / 5));
          // The database copies one chunk while the next is generated: the loop yields to the event loop
          // every few hundred filings so the previous chunk's COPY keeps streaming (two cores, both busy).
          let copying: Promise<void> = Promise.resolve();
          let failure: unknown = null;
          const copyChunk = async (chunk: string[][]) => {
            if (!chunk[0].length) return;
            for (let i = 0; i < shapes.length; i++) {
              if (!chunk[i].length) continue;
              await copy(shapes[i].table, copyColumns(shapes[i]), chunk[i].join(''));
              generated[shapes[i].table] += chunk[i].length;
            }
            progress('filings', generated.filings, spec.filings);
          };
          const flushHistory = async () => {
            const chunk = buffers.map((b) => b.splice(0));
            await copying;
            if (failure) throw failure;
            copying = copyChunk(chunk).catch((error: unknown) => {
              failure = error;
            });
          };
          const [fl, pa, sr, ca, cp, no, de] = buffers;
          let sinceYield = 0;
          for (const b of history(input)) {
            fl.push(copyLine(FILINGS, b.filing));
            for (const p of b.parties) pa.push(copyLine(FILING_PARTIES, p));
            sr.push(copyLine(SERVICE_RECORDS, b.serviceRecord));
            if (b.kase) ca.push(copyLine(CASES, b.kase));
            for (const p of b.caseParties) cp.push(copyLine(CASE_PARTIES, p));
            for (const n of b.notices) no.push(copyLine(NOTICES, n));
            for (const d of b.deliveries) de.push(copyLine(NOTICE_DELIVERIES, d));
            if (fl.length >= filingsPerChunk) await flushHistory();
            if (++sinceYield >= 250) {
              sinceYield = 0;
              await new Promise((resolve) => setImmediate(resolve));
            }
          }
          await flushHistory();
          await copying;
          if (failure) throw failure;
        }

        // The other services of the period, made by the database in chunks (hundreds of millions of rows).
        if (spec.serviceRecords > 0) {
          const schedules = await approvedSchedules(tx);
          const firstSchedule = Date.parse(`${schedules.map((x) => x.effectiveFrom).sort()[0]}T00:00:00+03:30`);
          const made = await insertServiceRecords(tx, {
            count: spec.serviceRecords,
            seed: options.seed,
            fromMs: Math.max(firstSchedule, DATASET_EPOCH - 3 * 365 * DAY),
            toMs: DATASET_EPOCH,
            onlineServices: new Set(CATALOG.filter((s) => s.channels === 'both').map((s) => s.code)),
            onProgress: (done, total) => progress('service_records', done, total),
          });
          generated.service_records = (generated.service_records ?? 0) + made;
        }

        if (indexes.length) {
          progress('indexes', 0, indexes.length);
          await tx.execute(
            sql.raw(`set local maintenance_work_mem = '${database.kind === 'pglite' ? '64MB' : '256MB'}'`),
          );
          for (const [i, definition] of indexes.entries()) {
            await tx.execute(sql.raw(definition));
            progress('indexes', i + 1, indexes.length);
          }
        }
        for (const { table, name, definition } of foreignKeys) {
          await tx.execute(sql.raw(`alter table "${table}" add constraint "${name}" ${definition}`));
        }
        // The history's service records bypassed recordService: the monthly volume is grouped once.
        if (spec.filings > 0 || spec.serviceRecords > 0) {
          progress('service_volume_monthly', 0, 1);
          generated.service_volume_monthly = (await rebuildServiceVolume(tx)).rows;
          progress('service_volume_monthly', 1, 1);
          progress('stats_filings_monthly', 0, 1);
          generated.stats_filings_monthly = (await refreshFilingRollups(tx, options.now)).monthly;
          progress('stats_filings_monthly', 1, 1);
          generated.stats_notices_monthly = (await refreshNoticeRollups(tx)).monthly;
          generated.stats_kpi_monthly = (await refreshKpiRollups(tx)).monthly;
        }

        // Consultants with their hours and bookings, and more arbitrators (after the citizens they book for).
        const consultation = await loadConsultation(tx, copy, {
          seed: options.seed,
          now: options.now,
          plan,
          reservedNationalIds,
          passwordHash: GENERATED_STAFF_PASSWORD_HASH,
          chunkSize,
          progress,
        });
        for (const [table, rows] of Object.entries(consultation)) generated[table] = (generated[table] ?? 0) + rows;

        // A year of the counter's tickets, citizens' surveys, complaints and inspections (after the staff and citizens they name).
        const quality = await loadQuality(tx, copy, {
          seed: options.seed,
          now: options.now,
          plan,
          chunkSize,
          progress,
          ticketsPerDay: options.ticketsPerDay ?? spec.ticketsPerDay,
        });
        for (const [table, rows] of Object.entries(quality)) generated[table] = (generated[table] ?? 0) + rows;

        for (const table of SEQUENCED_TABLES) {
          await tx.execute(
            sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`),
          );
        }
        auditSeq = await recordAudit(tx, null, {
          action: 'dataset.seed',
          entityType: 'dataset',
          entityId: spec.name,
          data: {
            scale: spec.name,
            seed: options.seed,
            provinces: spec.provinceIds,
            generated,
            note: 'synthetic data; generated staff share the demo password; synthetic towns are marked as such',
          },
        });
      } else {
        const [row] = (await tx.execute(sql`select seq from audit_chain_head where id = 1`)).rows as { seq: number }[];
        auditSeq = Number(row?.seq ?? 0);
      }
    });
    await client.query('analyze');
  } finally {
    client.release();
  }
  return { scale: options.scale, seed: options.seed, generated, elapsedMs: performance.now() - started, auditSeq };
}
