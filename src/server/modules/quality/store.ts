/** The quality area's queries: what the other areas recorded in one Jalali month, for a set of offices. */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { addJalaliMonths, type JalaliMonth, jalaliMonthStartIso } from '#core/jalali';
import type { MonthRecords } from '#core/quality/facts';
import type { ScoreCounts } from '#core/quality/score';
import type { Executor } from '#server/db/transaction';
import { citizens, users } from '#server/modules/accounts/tables';
import { queueTickets } from '#server/modules/counter/tables';
import { filingEvents, filings } from '#server/modules/filings/tables';
import { roleGrants } from '#server/modules/identity/tables';
import { noticeDeliveries } from '#server/modules/notices/tables';
import { offices } from '#server/modules/offices/tables';
import { payments } from '#server/modules/payments/tables';
import { qualityComplaints, qualityInspections, qualitySurveys, qualityWeightSets } from './tables';

export interface OfficeRow {
  id: number;
  code: string;
  name: { fa: string; en: string };
  provinceId: number;
}

const officeColumns = {
  id: offices.id,
  code: offices.code,
  nameFa: offices.nameFa,
  nameEn: offices.nameEn,
  provinceId: offices.provinceId,
};
const toOffice = (r: { id: number; code: string; nameFa: string; nameEn: string; provinceId: number }): OfficeRow => ({
  id: r.id,
  code: r.code,
  name: { fa: r.nameFa, en: r.nameEn },
  provinceId: r.provinceId,
});

export async function findOffice(db: Executor, id: number): Promise<OfficeRow | null> {
  const [row] = await db.select(officeColumns).from(offices).where(eq(offices.id, id));
  return row ? toOffice(row) : null;
}

/** Offices within a scope (all, or these provinces and these offices), by code. */
export async function officesWithin(
  db: Executor,
  scope: { all: boolean; provinceIds: number[]; officeIds: number[] },
  provinceId: number | undefined,
): Promise<OfficeRow[]> {
  const parts: SQL[] = [];
  if (scope.provinceIds.length) parts.push(inArray(offices.provinceId, scope.provinceIds));
  if (scope.officeIds.length) parts.push(inArray(offices.id, scope.officeIds));
  const within = scope.all ? undefined : parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
  const rows = await db
    .select(officeColumns)
    .from(offices)
    .where(and(within, provinceId != null ? eq(offices.provinceId, provinceId) : undefined))
    .orderBy(asc(offices.code));
  return rows.map(toOffice);
}

/** A month as Tehran days [from, to): its first day and the next month's first day, ISO. */
export interface MonthDays {
  from: string;
  to: string;
}

const tehranDayStart = (iso: string) => sql`(${iso}::date)::timestamp at time zone 'Asia/Tehran'`;
const inMonth = (column: unknown, m: MonthDays) =>
  sql`${column} >= ${tehranDayStart(m.from)} and ${column} < ${tehranDayStart(m.to)}`;

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const dateOrNull = (v: unknown): Date | null => (v == null ? null : date(v));
const idOrNull = (v: unknown): number | null => (v == null ? null : Number(v));

/** What the offices' month holds, per office (every asked office has an entry, empty or not). */
export async function monthRecords(
  db: Executor,
  officeIds: number[],
  m: MonthDays,
): Promise<Map<number, MonthRecords>> {
  const out = new Map<number, MonthRecords>(
    officeIds.map((id) => [
      id,
      { tickets: [], decisions: [], submissions: [], payments: [], notices: [], surveys: [] },
    ]),
  );
  if (officeIds.length === 0) return out;
  const of = (id: unknown) => out.get(Number(id))!;

  const tickets = await db
    .select({
      officeId: queueTickets.officeId,
      createdAt: queueTickets.createdAt,
      calledAt: queueTickets.calledAt,
      doneAt: queueTickets.doneAt,
      status: queueTickets.status,
      servedBy: queueTickets.servedBy,
    })
    .from(queueTickets)
    .where(
      and(
        inArray(queueTickets.officeId, officeIds),
        sql`${queueTickets.day} >= ${m.from}::date`,
        sql`${queueTickets.day} < ${m.to}::date`,
      ),
    );
  for (const t of tickets) of(t.officeId).tickets.push({ ...t, servedBy: idOrNull(t.servedBy) });

  // The court's decisions, each with who made the submission it decided on.
  const decisions = await db
    .select({
      officeId: filings.officeId,
      action: filingEvents.action,
      reasons: sql<string | null>`${filingEvents.data}->>'reasons'`,
      submittedBy: sql<number | null>`(select s.actor_user_id from filing_events s
        where s.filing_id = ${filingEvents.filingId} and s.action in ('submitted', 'resubmitted') and s.at <= ${filingEvents.at}
        order by s.at desc, s.id desc limit 1)`,
    })
    .from(filingEvents)
    .innerJoin(filings, eq(filings.id, filingEvents.filingId))
    .where(
      and(
        inArray(filings.officeId, officeIds),
        inArray(filingEvents.action, ['accepted', 'returned']),
        inMonth(filingEvents.at, m),
      ),
    );
  for (const d of decisions)
    of(d.officeId).decisions.push({
      returned: d.action === 'returned',
      reasons: d.reasons,
      submittedBy: idOrNull(d.submittedBy),
    });

  // First submissions, each with when the filing became paid in full before it.
  const submissions = await db
    .select({
      officeId: filings.officeId,
      submittedAt: filingEvents.at,
      submittedBy: filingEvents.actorUserId,
      paidAt: sql<unknown>`(select max(p.at) from filing_events p
        where p.filing_id = ${filingEvents.filingId} and p.action = 'paid' and p.to_status = 'paid' and p.at <= ${filingEvents.at})`,
    })
    .from(filingEvents)
    .innerJoin(filings, eq(filings.id, filingEvents.filingId))
    .where(
      and(inArray(filings.officeId, officeIds), eq(filingEvents.action, 'submitted'), inMonth(filingEvents.at, m)),
    );
  for (const s of submissions)
    of(s.officeId).submissions.push({
      submittedAt: date(s.submittedAt),
      paidAt: dateOrNull(s.paidAt),
      submittedBy: idOrNull(s.submittedBy),
    });

  const started = await db
    .select({ officeId: payments.officeId, status: payments.status, createdBy: payments.createdBy })
    .from(payments)
    .where(and(inArray(payments.officeId, officeIds), eq(payments.channel, 'office'), inMonth(payments.createdAt, m)));
  for (const p of started)
    of(p.officeId).payments.push({ cancelled: p.status === 'cancelled', createdBy: idOrNull(p.createdBy) });

  const opened = await db
    .select({ officeId: noticeDeliveries.deliveredOfficeId, deliveredBy: noticeDeliveries.deliveredBy })
    .from(noticeDeliveries)
    .where(
      and(
        inArray(noticeDeliveries.deliveredOfficeId, officeIds),
        eq(noticeDeliveries.deliveredChannel, 'office'),
        inMonth(noticeDeliveries.deliveredAt, m),
      ),
    );
  for (const n of opened) of(n.officeId).notices.push({ deliveredBy: idOrNull(n.deliveredBy) });

  const answered = await db
    .select({
      officeId: qualitySurveys.officeId,
      satisfaction: qualitySurveys.satisfaction,
      wouldReturn: qualitySurveys.wouldReturn,
      operatorUserId: qualitySurveys.operatorUserId,
    })
    .from(qualitySurveys)
    .where(and(inArray(qualitySurveys.officeId, officeIds), inMonth(qualitySurveys.answeredAt, m)));
  for (const s of answered)
    of(s.officeId).surveys.push({
      satisfaction: Number(s.satisfaction),
      wouldReturn: Boolean(s.wouldReturn),
      operatorUserId: idOrNull(s.operatorUserId),
    });

  return out;
}

/** Staff names by user id ("first last"). */
export async function staffNames(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [Number(r.id), `${r.firstName} ${r.lastName}`]));
}

/** Every published weight set, the latest first. */
export async function weightSets(db: Executor) {
  const rows = await db
    .select()
    .from(qualityWeightSets)
    .orderBy(desc(qualityWeightSets.effectiveFrom), desc(qualityWeightSets.id));
  return rows.map((r) => ({
    id: r.id,
    effectiveFrom: r.effectiveFrom,
    weights: r.weights,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function insertWeightSet(
  db: Executor,
  row: { effectiveFrom: string; weights: Record<string, number>; reason: string; createdBy: number | null },
): Promise<number> {
  const [r] = await db.insert(qualityWeightSets).values(row).returning({ id: qualityWeightSets.id });
  return r.id;
}

/** The inspections' results (0–100) of these offices in a month, per office (every asked office has an entry). */
export async function monthInspectionResults(
  db: Executor,
  officeIds: number[],
  m: MonthDays,
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>(officeIds.map((id) => [id, []]));
  if (officeIds.length === 0) return out;
  const rows = await db
    .select({ officeId: qualityInspections.officeId, result: qualityInspections.result })
    .from(qualityInspections)
    .where(
      and(
        inArray(qualityInspections.officeId, officeIds),
        sql`${qualityInspections.inspectedOn} >= ${m.from}::date`,
        sql`${qualityInspections.inspectedOn} < ${m.to}::date`,
      ),
    );
  for (const r of rows) out.get(r.officeId)!.push(Number(r.result));
  return out;
}

/** One office's inspections in a month, the latest visit first, with the inspector's name. */
export async function officeInspections(db: Executor, officeId: number, m: MonthDays) {
  const rows = await db
    .select({
      id: qualityInspections.id,
      inspectedOn: qualityInspections.inspectedOn,
      items: qualityInspections.items,
      result: qualityInspections.result,
      verdict: qualityInspections.verdict,
      note: qualityInspections.note,
      kind: qualityInspections.kind,
      answers: qualityInspections.answers,
      answeredAt: qualityInspections.answeredAt,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(qualityInspections)
    .innerJoin(users, eq(users.id, qualityInspections.inspectorUserId))
    .where(
      and(
        eq(qualityInspections.officeId, officeId),
        sql`${qualityInspections.inspectedOn} >= ${m.from}::date`,
        sql`${qualityInspections.inspectedOn} < ${m.to}::date`,
      ),
    )
    .orderBy(desc(qualityInspections.inspectedOn), desc(qualityInspections.id));
  return rows.map(({ firstName, lastName, ...r }) => ({
    ...r,
    id: Number(r.id),
    answers: r.answers ?? null,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    inspector: `${firstName} ${lastName}`,
  }));
}

export async function insertInspection(db: Executor, row: typeof qualityInspections.$inferInsert): Promise<number> {
  const [r] = await db.insert(qualityInspections).values(row).returning({ id: qualityInspections.id });
  return Number(r.id);
}

/**
 * The latest Tehran day up to `today` on which these offices recorded anything the quality pages
 * show (a ticket, a court decision or submission, a payment started at the office, a survey
 * answer, an inspection); null when none did.
 */
export async function latestDataDay(db: Executor, officeIds: number[], today: string): Promise<string | null> {
  if (officeIds.length === 0) return null;
  const ids = sql.join(
    officeIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const end = tehranDayStart(today);
  const day = (column: string) => sql.raw(`(${column} at time zone 'Asia/Tehran')::date`);
  const result = await db.execute(sql`select greatest(
    (select max(day) from queue_tickets where office_id in (${ids}) and day <= ${today}::date),
    (select max(${day('e.at')}) from filing_events e join filings f on f.id = e.filing_id
      where f.office_id in (${ids}) and e.action in ('submitted', 'accepted', 'returned') and e.at < ${end} + interval '1 day'),
    (select max(${day('created_at')}) from payments
      where office_id in (${ids}) and channel = 'office' and created_at < ${end} + interval '1 day'),
    (select max(${day('answered_at')}) from quality_surveys where office_id in (${ids}) and answered_at < ${end} + interval '1 day'),
    (select max(inspected_on) from quality_inspections where office_id in (${ids}) and inspected_on <= ${today}::date)
  )::text as day`);
  return (result.rows[0] as { day: string | null }).day;
}

/** The inspection with its office, locked when asked (the manager's answer). */
export async function findInspection(db: Executor, id: number, lock = false) {
  const q = db.select().from(qualityInspections).where(eq(qualityInspections.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function saveInspectionAnswer(
  db: Executor,
  id: number,
  answer: { answers: NonNullable<typeof qualityInspections.$inferInsert.answers>; at: Date; by: number | null },
): Promise<void> {
  await db
    .update(qualityInspections)
    .set({ answers: answer.answers, answeredAt: answer.at, answeredBy: answer.by })
    .where(eq(qualityInspections.id, id));
}

// --- Complaints ---

export type ComplaintRow = typeof qualityComplaints.$inferSelect;

export async function insertComplaint(db: Executor, row: typeof qualityComplaints.$inferInsert): Promise<number> {
  const [r] = await db.insert(qualityComplaints).values(row).returning({ id: qualityComplaints.id });
  return Number(r.id);
}

export async function findComplaint(db: Executor, id: number, lock = false): Promise<ComplaintRow | null> {
  const q = db.select().from(qualityComplaints).where(eq(qualityComplaints.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function updateComplaint(
  db: Executor,
  id: number,
  set: Partial<typeof qualityComplaints.$inferInsert>,
): Promise<void> {
  await db.update(qualityComplaints).set(set).where(eq(qualityComplaints.id, id));
}

/** Complaints within a scope (all, these provinces, these offices, or one citizen's), the latest first. */
export async function complaintsWithin(
  db: Executor,
  scope: { all: boolean; provinceIds: number[]; officeIds: number[]; citizenId: number | null },
  filter: { state?: string; provinceId?: number },
): Promise<ComplaintRow[]> {
  const parts: SQL[] = [];
  if (scope.provinceIds.length) parts.push(inArray(qualityComplaints.provinceId, scope.provinceIds));
  if (scope.officeIds.length) parts.push(inArray(qualityComplaints.officeId, scope.officeIds));
  if (scope.citizenId != null) parts.push(eq(qualityComplaints.citizenId, scope.citizenId));
  const within = scope.all ? undefined : parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
  return db
    .select()
    .from(qualityComplaints)
    .where(
      and(
        within,
        filter.state ? eq(qualityComplaints.state, filter.state as ComplaintRow['state']) : undefined,
        filter.provinceId != null ? eq(qualityComplaints.provinceId, filter.provinceId) : undefined,
      ),
    )
    .orderBy(desc(qualityComplaints.filedAt), desc(qualityComplaints.id))
    .limit(500);
}

/** Offices by id (for the complaints' views). */
export async function officesByIds(db: Executor, ids: number[]): Promise<Map<number, OfficeRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select(officeColumns).from(offices).where(inArray(offices.id, ids));
  return new Map(rows.map((r) => [r.id, toOffice(r)]));
}

/** Does this person hold a staff role at the office? */
export async function worksAtOffice(db: Executor, userId: number, officeId: number): Promise<boolean> {
  const [row] = await db
    .select({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), eq(roleGrants.officeId, officeId)))
    .limit(1);
  return row != null;
}

export async function citizenExists(db: Executor, id: number): Promise<boolean> {
  const [row] = await db.select({ id: citizens.id }).from(citizens).where(eq(citizens.id, id)).limit(1);
  return row != null;
}

/** Complaints against these offices upheld in a month (by the day decided), per office (every asked office has an entry). */
export async function monthUpheldComplaints(
  db: Executor,
  officeIds: number[],
  m: MonthDays,
): Promise<Map<number, number>> {
  const out = new Map<number, number>(officeIds.map((id) => [id, 0]));
  if (officeIds.length === 0) return out;
  const rows = await db
    .select({ officeId: qualityComplaints.officeId, n: sql<number>`count(*)::int` })
    .from(qualityComplaints)
    .where(
      and(
        inArray(qualityComplaints.officeId, officeIds),
        eq(qualityComplaints.state, 'upheld'),
        sql`${qualityComplaints.decidedOn} >= ${m.from}::date`,
        sql`${qualityComplaints.decidedOn} < ${m.to}::date`,
      ),
    )
    .groupBy(qualityComplaints.officeId);
  for (const r of rows) out.set(r.officeId, Number(r.n));
  return out;
}

// --- The score's sums, for many offices and months at once ---

const SUM_COLUMNS = [
  'wait_n',
  'wait_sum',
  'wait_sq',
  'served',
  'decisions',
  'returned',
  'submissions',
  'same_day',
  'payments',
  'payments_cancelled',
  'survey_n',
  'survey_sum',
  'survey_sq',
  'would_return',
  'inspection_n',
  'inspection_sum',
  'inspection_sq',
  'upheld',
] as const;
type SumColumn = (typeof SUM_COLUMNS)[number];
/** Where each sum sits in an office's month of sums (a Float64Array: few objects for the collector). */
const AT = Object.fromEntries(SUM_COLUMNS.map((c, i) => [c, i])) as Record<SumColumn, number>;

/**
 * One kind of record the score sums: the expressions summed, what the records are read from
 * (`x` carries the office), and the column that places a record in its month — a Tehran day, or
 * an instant.
 */
interface SummedRecords {
  sums: Partial<Record<SumColumn, string>>;
  from: string;
  where?: string;
  placedBy: { day: string } | { instant: string };
}

const tehranDay = (column: string) => `(${column} at time zone 'Asia/Tehran')::date`;

const SUMMED_RECORDS: SummedRecords[] = [
  {
    sums: { wait_n: 'x.wait_n', wait_sum: 'x.wait_sum', wait_sq: 'x.wait_sq', served: 'x.served' },
    from: 'quality_ticket_months x',
    placedBy: { day: 'x.month' },
  },
  {
    sums: { decisions: '1', returned: "(e.action = 'returned')::int" },
    from: 'filing_events e join filings x on x.id = e.filing_id',
    where: "e.action in ('accepted', 'returned')",
    placedBy: { instant: 'e.at' },
  },
  {
    sums: {
      submissions: '1',
      same_day: `coalesce(${tehranDay(`(select max(p.at) from filing_events p where p.filing_id = e.filing_id
          and p.action = 'paid' and p.to_status = 'paid' and p.at <= e.at)`)} = ${tehranDay('e.at')}, false)::int`,
    },
    from: 'filing_events e join filings x on x.id = e.filing_id',
    where: "e.action = 'submitted'",
    placedBy: { instant: 'e.at' },
  },
  {
    sums: { payments: '1', payments_cancelled: "(x.status = 'cancelled')::int" },
    from: 'payments x',
    where: "x.channel = 'office'",
    placedBy: { instant: 'x.created_at' },
  },
  {
    sums: {
      survey_n: 'x.answers',
      survey_sum: 'x.satisfaction_sum',
      survey_sq: 'x.satisfaction_sq',
      would_return: 'x.would_return',
    },
    from: 'quality_survey_months x',
    placedBy: { day: 'x.month' },
  },
  {
    sums: { inspection_n: '1', inspection_sum: 's.v', inspection_sq: 's.v * s.v' },
    from: `quality_inspections x
        cross join lateral (select least(100, greatest(0, x.result))::float8 / 100 as v) s`,
    placedBy: { day: 'x.inspected_on' },
  },
  {
    sums: { upheld: '1' },
    from: 'quality_complaints x',
    where: "x.state = 'upheld'",
    placedBy: { day: 'x.decided_on' },
  },
];

const countsOf = (v: Float64Array): ScoreCounts => ({
  waiting: { n: v[AT.wait_n], sum: v[AT.wait_sum], sumSq: v[AT.wait_sq] },
  decisions: v[AT.decisions],
  returned: v[AT.returned],
  submissions: v[AT.submissions],
  sameDay: v[AT.same_day],
  payments: v[AT.payments],
  paymentsCancelled: v[AT.payments_cancelled],
  satisfaction: { n: v[AT.survey_n], sum: v[AT.survey_sum], sumSq: v[AT.survey_sq] },
  wouldReturn: v[AT.would_return],
  inspection: { n: v[AT.inspection_n], sum: v[AT.inspection_sum], sumSq: v[AT.inspection_sq] },
  served: v[AT.served],
  upheldComplaints: v[AT.upheld],
});

/**
 * What the score needs from each office's Jalali month, for several months at once
 * (docs/decisions/0064, 0082, 0084): the counter's tickets and the survey answers from their
 * monthly sums (quality_ticket_months, quality_survey_months: whole months only, hence months and
 * not spans of days), court decisions and first submissions on the office's filings, payments
 * started at the office, inspections and upheld complaints — the same records `monthRecords`
 * reads, already reduced to the sums #core/quality/score needs. One map per month, in the order
 * asked; every asked office has an entry.
 *
 * Each kind of record is grouped by office and month in its own statement, the statements side
 * by side on the pool: a record finds its month by `width_bucket` over the months' sorted
 * boundaries (a binary search) rather than a join with every month, and no grouping carries the
 * other kinds' columns as zeros.
 */
export async function monthsCounts(
  db: Executor,
  officeIds: number[],
  jalaliMonths: JalaliMonth[],
): Promise<Map<number, ScoreCounts>[]> {
  const months = jalaliMonths.map((m) => ({
    from: jalaliMonthStartIso(m),
    to: jalaliMonthStartIso(addJalaliMonths(m, 1)),
  }));
  if (officeIds.length === 0 || months.length === 0) return months.map(() => new Map());
  // The months' first days and the days after them, sorted: a record on or after bounds[k] and
  // before bounds[k + 1] is in bucket k + 1, the month starting on bounds[k] if one was asked for.
  const bounds = [...new Set(months.flatMap((m) => [m.from, m.to]))].sort();
  const monthsOfBucket = new Map<number, number[]>();
  months.forEach((m, i) => {
    const k = bounds.indexOf(m.from);
    if (bounds[k + 1] !== m.to) throw new Error(`months overlap: ${m.from}..${m.to}`);
    monthsOfBucket.set(k + 1, [...(monthsOfBucket.get(k + 1) ?? []), i]);
  });
  // The ids as a literal (whole numbers only), so PostgreSQL looks each row up in a hash of them
  // rather than comparing it with every id of a national list.
  const ids = sql.raw(`'{${officeIds.map((id) => Math.trunc(Number(id))).join(',')}}'::int[]`);
  const days = (list: string[]) =>
    sql.join(
      list.map((d) => sql`${d}::date`),
      sql`, `,
    );
  const instants = (list: string[]) =>
    sql.join(
      list.map((d) => sql`(${d}::date::timestamp at time zone 'Asia/Tehran')`),
      sql`, `,
    );
  const [first, last] = [bounds[0], bounds[bounds.length - 1]];

  const grouped = await Promise.all(
    SUMMED_RECORDS.map(({ sums, from, where, placedBy }) => {
      const [column, edges] = 'day' in placedBy ? [placedBy.day, days] : [placedBy.instant, instants];
      const col = sql.raw(column);
      const summed = sql.raw(
        Object.entries(sums)
          .map(([c, e]) => `sum(${e})::float8 as ${c}`)
          .join(', '),
      );
      return db.execute(sql`select width_bucket(${col}, array[${edges(bounds)}]) as b, x.office_id, ${summed}
        from ${sql.raw(from)}
        where x.office_id = any(${ids}) and ${col} >= ${edges([first])} and ${col} < ${edges([last])}
          ${where ? sql`and ${sql.raw(where)}` : sql``}
        group by 1, 2`);
    }),
  );
  // Each office's month gathers its sums from the statements' rows, then becomes its counts.
  const sums = months.map(() => new Map<number, Float64Array>());
  grouped.forEach((result, k) => {
    const columns = (Object.keys(SUMMED_RECORDS[k].sums) as SumColumn[]).map((c) => [c, AT[c]] as const);
    for (const r of result.rows as Record<string, unknown>[]) {
      const officeId = Number(r.office_id);
      for (const i of monthsOfBucket.get(Number(r.b)) ?? []) {
        let v = sums[i].get(officeId);
        if (!v) sums[i].set(officeId, (v = new Float64Array(SUM_COLUMNS.length)));
        for (const [c, at] of columns) v[at] += Number(r[c]);
      }
    }
  });
  // An office that recorded nothing in a month has empty sums (one array shared: read only).
  const none = new Float64Array(SUM_COLUMNS.length);
  return sums.map((ofMonth) => new Map(officeIds.map((id) => [id, countsOf(ofMonth.get(id) ?? none)])));
}

/**
 * The counter's daily sums rebuilt from every ticket in one statement, and the monthly sums from
 * them, for bulk loads that wrote tickets with quality_ticket_days' trigger turned off (the
 * monthly sums' own trigger is off meanwhile, rather than fire once per day row).
 */
export async function rebuildTicketDays(db: Executor): Promise<number> {
  await db.execute(sql`alter table quality_ticket_days disable trigger quality_ticket_months_step`);
  await db.execute(sql`delete from quality_ticket_days`);
  const inserted =
    await db.execute(sql`insert into quality_ticket_days (office_id, day, wait_n, wait_sum, wait_sq, served)
    select office_id, day, count(s), coalesce(sum(s), 0), coalesce(sum(s * s), 0), count(*) filter (where status = 'done')
    from (select office_id, day, status, quality_ticket_wait_score(created_at, called_at) as s from queue_tickets) t
    group by office_id, day`);
  await db.execute(sql`alter table quality_ticket_days enable trigger quality_ticket_months_step`);
  await db.execute(sql`delete from quality_ticket_months`);
  // Each day's month looked up once, then joined.
  await db.execute(sql`insert into quality_ticket_months (office_id, month, wait_n, wait_sum, wait_sq, served)
    select d.office_id, m.month, sum(d.wait_n), sum(d.wait_sum), sum(d.wait_sq), sum(d.served)
    from quality_ticket_days d
    join (select day, jalali_month_start(day) as month from (select distinct day from quality_ticket_days) x) m using (day)
    group by 1, 2`);
  return inserted.rowCount ?? 0;
}

/** The answered surveys' monthly sums rebuilt in one statement, for bulk loads that wrote surveys with their trigger off. */
export async function rebuildSurveyMonths(db: Executor): Promise<number> {
  await db.execute(sql`delete from quality_survey_months`);
  const inserted =
    await db.execute(sql`insert into quality_survey_months (office_id, month, answers, satisfaction_sum, satisfaction_sq, would_return)
    select s.office_id, m.month, count(*), sum(s.v), sum(s.v * s.v), sum(s.would_return)
    from (select office_id, (answered_at at time zone 'Asia/Tehran')::date as day,
            quality_survey_satisfaction(satisfaction) as v, coalesce(would_return, false)::int as would_return
          from quality_surveys where answered_at is not null) s
    join (select day, jalali_month_start(day) as month
          from (select distinct (answered_at at time zone 'Asia/Tehran')::date as day from quality_surveys where answered_at is not null) x) m
      using (day)
    group by 1, 2`);
  return inserted.rowCount ?? 0;
}

/** Complaints still awaiting the office manager's answer (the daily reminder job's candidates). */
export async function complaintsAwaitingAnswer(db: Executor): Promise<ComplaintRow[]> {
  return db.select().from(qualityComplaints).where(eq(qualityComplaints.state, 'received'));
}

/** Mobiles of the enabled holders of a role over an office or a province (a manager's, an association's). */
export async function mobilesWithRole(
  db: Executor,
  role: 'office_manager' | 'association_admin',
  scope: { officeId: number } | { provinceId: number },
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ mobile: users.mobile })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(roleGrants.role, role),
        eq(users.disabled, false),
        'officeId' in scope
          ? eq(roleGrants.officeId, scope.officeId)
          : and(eq(roleGrants.scopeKind, 'province'), eq(roleGrants.provinceId, scope.provinceId)),
      ),
    );
  return rows.flatMap((r) => (r.mobile ? [r.mobile] : []));
}

export async function citizenMobile(db: Executor, id: number): Promise<string | null> {
  const [row] = await db.select({ mobile: citizens.mobile }).from(citizens).where(eq(citizens.id, id));
  return row?.mobile ?? null;
}

/** Mobiles of the enabled nation-wide association admins (where a province has no association of its own). */
export async function nationalAssociationMobiles(db: Executor): Promise<string[]> {
  const rows = await db
    .selectDistinct({ mobile: users.mobile })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(eq(roleGrants.role, 'association_admin'), eq(roleGrants.scopeKind, 'nation'), eq(users.disabled, false)),
    );
  return rows.flatMap((r) => (r.mobile ? [r.mobile] : []));
}
