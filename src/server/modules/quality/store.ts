/** The quality area's queries: what the other areas recorded in one Jalali month, for a set of offices. */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { MonthRecords } from '#core/quality/facts';
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
