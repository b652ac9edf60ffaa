/** Queries of the counter: queue tickets, consents, and today's work of an office. */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { catalogServices } from '#server/modules/catalog/tables';
import { filings } from '#server/modules/filings/tables';
import { offices } from '#server/modules/offices/tables';
import { payments } from '#server/modules/payments/tables';
import { consents, serviceRecords } from '#server/modules/records/tables';
import { queueTickets } from './tables';

export type TicketRow = typeof queueTickets.$inferSelect;
type TicketStatus = TicketRow['status'];

/** Serialises numbering per office: a transaction-scoped advisory lock keyed by the office. */
const TICKET_LOCK_CLASS = 724_010;

export async function issueTicket(
  tx: Executor,
  officeId: number,
  day: string,
  now: Date,
  serviceCode: string | null = null,
): Promise<TicketRow> {
  await tx.execute(sql`select pg_advisory_xact_lock(${TICKET_LOCK_CLASS}, ${officeId})`);
  const [{ last }] = await tx
    .select({ last: sql<number>`coalesce(max(${queueTickets.number}), 0)::int` })
    .from(queueTickets)
    .where(and(eq(queueTickets.officeId, officeId), eq(queueTickets.day, day)));
  const [row] = await tx
    .insert(queueTickets)
    .values({ officeId, day, number: Number(last) + 1, createdAt: now, serviceCode })
    .returning();
  return row;
}

export async function findTicket(db: Executor, id: number, forUpdate = false) {
  const q = db.select().from(queueTickets).where(eq(queueTickets.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function ticketsOfDay(db: Executor, officeId: number, day: string) {
  return db
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.officeId, officeId), eq(queueTickets.day, day)))
    .orderBy(asc(queueTickets.number));
}

/** The first waiting ticket of the day, locked (skipping any another operator is calling right now). */
export async function nextWaiting(tx: Executor, officeId: number, day: string) {
  const [row] = await tx
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.officeId, officeId), eq(queueTickets.day, day), eq(queueTickets.status, 'waiting')))
    .orderBy(asc(queueTickets.number))
    .limit(1)
    .for('update', { skipLocked: true });
  return row ?? null;
}

export async function updateTicket(
  tx: Executor,
  id: number,
  from: TicketStatus[],
  set: Partial<typeof queueTickets.$inferInsert>,
) {
  const [row] = await tx
    .update(queueTickets)
    .set(set)
    .where(and(eq(queueTickets.id, id), inArray(queueTickets.status, from)))
    .returning();
  return row ?? null;
}

export async function insertConsent(tx: Executor, values: typeof consents.$inferInsert) {
  const [row] = await tx.insert(consents).values(values).returning();
  return row;
}

export async function findConsentForUpdate(tx: Executor, id: number) {
  const [row] = await tx.select().from(consents).where(eq(consents.id, id)).for('update');
  return row ?? null;
}

export async function setConsentCharge(tx: Executor, id: number, serviceRecordId: number) {
  await tx.update(consents).set({ serviceRecordId }).where(eq(consents.id, id));
}

export async function linkPayment(tx: Executor, serviceRecordId: number, paymentId: number) {
  await tx.update(serviceRecords).set({ paymentId }).where(eq(serviceRecords.id, serviceRecordId));
}

/**
 * The one definition of the day's queue figures of an office: tickets counted by status, so
 * "waiting" (issued, not called yet) means the same on the queue and in today's work.
 */
export async function queueCounts(db: Executor, officeId: number, day: string) {
  const rows = await db
    .select({ status: queueTickets.status, n: count() })
    .from(queueTickets)
    .where(and(eq(queueTickets.officeId, officeId), eq(queueTickets.day, day)))
    .groupBy(queueTickets.status);
  const counts: Record<TicketStatus, number> = { waiting: 0, serving: 0, done: 0, cancelled: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** What a printed ticket needs besides the ticket: its office's name, its service's title, the visitors ahead. */
export async function slipOf(db: Executor, ticket: TicketRow) {
  const [office] = await db
    .select({ code: offices.code, nameFa: offices.nameFa, nameEn: offices.nameEn })
    .from(offices)
    .where(eq(offices.id, ticket.officeId));
  const [service] = ticket.serviceCode
    ? await db
        .select({ titleFa: catalogServices.titleFa, titleEn: catalogServices.titleEn })
        .from(catalogServices)
        .where(eq(catalogServices.code, ticket.serviceCode))
    : [];
  const [{ ahead }] = await db
    .select({ ahead: count() })
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.officeId, ticket.officeId),
        eq(queueTickets.day, ticket.day),
        eq(queueTickets.status, 'waiting'),
        lt(queueTickets.number, ticket.number),
      ),
    );
  return { office: office ?? null, service: service ?? null, ahead: Number(ahead) };
}

/**
 * The office's recent service times in seconds (called → served), newest first, of tickets served
 * since `since`, and the operators who called or served a visitor since `activeSince`.
 */
export async function recentServiceTimes(
  db: Executor,
  officeId: number,
  q: { since: Date; activeSince: Date; limit: number },
) {
  const durations = await db
    .select({ seconds: sql<number>`extract(epoch from ${queueTickets.doneAt} - ${queueTickets.calledAt})::float8` })
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.officeId, officeId),
        eq(queueTickets.status, 'done'),
        isNotNull(queueTickets.calledAt),
        gte(queueTickets.doneAt, q.since),
      ),
    )
    .orderBy(desc(queueTickets.doneAt))
    .limit(q.limit);
  const [{ counters }] = await db
    .select({ counters: sql<number>`count(distinct ${queueTickets.servedBy})::int` })
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.officeId, officeId),
        isNotNull(queueTickets.servedBy),
        or(gte(queueTickets.calledAt, q.activeSince), gte(queueTickets.doneAt, q.activeSince)),
      ),
    );
  return { seconds: durations.map((d) => Number(d.seconds)), activeCounters: Number(counters) };
}

const tehranDay = (column: unknown) => sql`(${column} at time zone 'Asia/Tehran')::date`;

/** Today's work of an office: tickets, services with amounts, filings by status, revenue. */
export async function todayOf(db: Executor, officeId: number, day: string) {
  const tickets = await queueCounts(db, officeId, day);
  const services = await db
    .select({
      code: serviceRecords.serviceCode,
      titleFa: catalogServices.titleFa,
      titleEn: catalogServices.titleEn,
      n: count(),
      amount: sql<number>`coalesce(sum(${serviceRecords.amountRials}), 0)::bigint`,
    })
    .from(serviceRecords)
    .leftJoin(catalogServices, eq(catalogServices.code, serviceRecords.serviceCode))
    .where(and(eq(serviceRecords.officeId, officeId), sql`${tehranDay(serviceRecords.createdAt)} = ${day}::date`))
    .groupBy(serviceRecords.serviceCode, catalogServices.titleFa, catalogServices.titleEn)
    .orderBy(asc(serviceRecords.serviceCode));
  const filingRows = await db
    .select({ status: filings.status, n: count() })
    .from(filings)
    .where(and(eq(filings.officeId, officeId), sql`${tehranDay(filings.createdAt)} = ${day}::date`))
    .groupBy(filings.status);
  const [revenue] = await db
    .select({ total: sql<number>`coalesce(sum(${payments.amountRials}), 0)::bigint`, n: count() })
    .from(payments)
    .where(
      and(
        eq(payments.officeId, officeId),
        eq(payments.status, 'paid'),
        sql`${tehranDay(payments.paidAt)} = ${day}::date`,
      ),
    );
  return { tickets, services, filings: filingRows, revenue };
}

export async function serviceAmount(db: Executor, serviceRecordId: number): Promise<number> {
  const [row] = await db
    .select({ amount: serviceRecords.amountRials })
    .from(serviceRecords)
    .where(eq(serviceRecords.id, serviceRecordId));
  return row?.amount ?? 0;
}

/** Whether any payment was started for a service record. */
export async function hasPayment(db: Executor, serviceRecordId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: payments.id })
    .from(payments)
    .where(eq(payments.serviceRecordId, serviceRecordId))
    .limit(1);
  return !!row;
}

/** The office of a queue ticket, or null when there is no such ticket. */
export async function ticketOffice(db: Executor, ticketId: number): Promise<number | null> {
  const [row] = await db
    .select({ officeId: queueTickets.officeId })
    .from(queueTickets)
    .where(eq(queueTickets.id, ticketId));
  return row?.officeId ?? null;
}
