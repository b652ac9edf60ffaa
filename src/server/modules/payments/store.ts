/** The payments area's queries: the only place that reads or writes its tables. */
import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { orderByColumn } from '#server/db/order';
import type { Executor } from '#server/db/transaction';
import type { SortOrder } from '#server/platform/http/fields';
import type { ScopeFilter } from '#server/platform/auth/policy';
import { citizens } from '#server/modules/accounts/tables';
import { offices } from '#server/modules/offices/tables';
import type { PAYMENT_LIST_SORTS } from './schemas';
import { paymentCallbacks, payments } from './tables';

export type PaymentRow = typeof payments.$inferSelect;
export type NewPayment = typeof payments.$inferInsert;
export type CallbackVerdict = (typeof paymentCallbacks.$inferInsert)['verdict'];

/** The next payment number, taken before the insert so the receipt number can carry it. */
export async function nextPaymentId(db: Executor): Promise<number> {
  const { rows } = await db.execute<{ id: number }>(
    sql`select nextval(pg_get_serial_sequence('payments', 'id'))::bigint as id`,
  );
  return Number(rows[0].id);
}

export async function insertPayment(db: Executor, row: NewPayment): Promise<PaymentRow> {
  const [inserted] = await db.insert(payments).values(row).returning();
  return inserted;
}

export async function findPayment(db: Executor, id: number, forUpdate = false): Promise<PaymentRow | null> {
  const q = db.select().from(payments).where(eq(payments.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function findByToken(
  db: Executor,
  gateway: string,
  token: string,
  forUpdate = false,
): Promise<PaymentRow | null> {
  const q = db
    .select()
    .from(payments)
    .where(and(eq(payments.gateway, gateway), eq(payments.gatewayToken, token)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function setStatus(
  db: Executor,
  id: number,
  patch: Partial<Pick<PaymentRow, 'status' | 'paidAt' | 'bankReference'>>,
): Promise<void> {
  await db.update(payments).set(patch).where(eq(payments.id, id));
}

export async function recordCallback(
  db: Executor,
  paymentId: number | null,
  verdict: CallbackVerdict,
  payload: Record<string, unknown>,
): Promise<void> {
  await db.insert(paymentCallbacks).values({ paymentId, verdict, payload });
}

/** Pending payments, oldest first, for the reconciliation job. */
export async function pendingPayments(
  db: Executor,
  limit: number,
): Promise<Pick<PaymentRow, 'id' | 'gateway' | 'gatewayToken'>[]> {
  return db
    .select({ id: payments.id, gateway: payments.gateway, gatewayToken: payments.gatewayToken })
    .from(payments)
    .where(eq(payments.status, 'pending'))
    .orderBy(payments.createdAt)
    .limit(limit);
}

export async function officeOf(db: Executor, officeId: number | null) {
  if (officeId == null) return null;
  const [row] = await db
    .select({
      id: offices.id,
      code: offices.code,
      nameFa: offices.nameFa,
      nameEn: offices.nameEn,
      provinceId: offices.provinceId,
    })
    .from(offices)
    .where(eq(offices.id, officeId));
  return row ?? null;
}

export async function citizenName(db: Executor, citizenId: number | null): Promise<string | null> {
  if (citizenId == null) return null;
  const [row] = await db
    .select({ firstName: citizens.firstName, lastName: citizens.lastName })
    .from(citizens)
    .where(eq(citizens.id, citizenId));
  return row ? `${row.firstName} ${row.lastName}` : null;
}

function scopeCondition(filter: ScopeFilter): SQL | undefined {
  if (filter.all) return undefined;
  const parts: SQL[] = [];
  if (filter.officeIds.length) parts.push(inArray(payments.officeId, filter.officeIds));
  if (filter.provinceIds.length) parts.push(inArray(payments.provinceId, filter.provinceIds));
  if (filter.citizenId != null) parts.push(eq(payments.payerCitizenId, filter.citizenId));
  if (!parts.length) return sql`false`;
  return parts.length === 1 ? parts[0] : sql`(${sql.join(parts, sql` or `)})`;
}

const tehranDayStart = (iso: string) => sql`(${iso}::date)::timestamp at time zone 'Asia/Tehran'`;

export interface PaymentSearch {
  officeId?: number;
  status?: PaymentRow['status'];
  fromIso?: string;
  toIso?: string;
  sort?: SortOrder<(typeof PAYMENT_LIST_SORTS)[number]>;
  page: number;
  pageSize: number;
}

export async function searchPayments(db: Executor, filter: ScopeFilter, q: PaymentSearch) {
  const where = and(
    scopeCondition(filter),
    q.officeId ? eq(payments.officeId, q.officeId) : undefined,
    q.status ? eq(payments.status, q.status) : undefined,
    q.fromIso ? gte(payments.createdAt, tehranDayStart(q.fromIso)) : undefined,
    q.toIso ? lt(payments.createdAt, sql`${tehranDayStart(q.toIso)} + interval '1 day'`) : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(payments).where(where);
  const rows = await db
    .select({
      payment: payments,
      office: { id: offices.id, code: offices.code, nameFa: offices.nameFa, nameEn: offices.nameEn },
      payerFirstName: citizens.firstName,
      payerLastName: citizens.lastName,
    })
    .from(payments)
    .leftJoin(offices, eq(offices.id, payments.officeId))
    .leftJoin(citizens, eq(citizens.id, payments.payerCitizenId))
    .where(where)
    .orderBy(
      ...orderByColumn(
        q.sort,
        {
          receiptNumber: payments.receiptNumber,
          status: payments.status,
          payer: [citizens.lastName, citizens.firstName],
          office: offices.nameFa,
          amount: payments.amountRials,
          createdAt: payments.createdAt,
        },
        payments.id,
        [desc(payments.createdAt), desc(payments.id)],
      ),
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { rows, total };
}
