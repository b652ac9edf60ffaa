/** Queries of the court desk: the only place in this area that touches tables. */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import type { ScopeFilter } from '#server/platform/auth/policy';
import { filingAttachments, filingParties, filings } from '#server/modules/filings/tables';
import { courtRef, toCaseItem } from '#server/modules/courts/cases';
import { caseParties, cases, courts } from '#server/modules/courts/tables';

export async function listCourts(db: Executor, provinceId?: number) {
  const rows = await db
    .select()
    .from(courts)
    .where(provinceId ? eq(courts.provinceId, provinceId) : undefined)
    .orderBy(asc(courts.id))
    .limit(1000);
  return rows.map((c) => ({
    id: c.id,
    code: c.code,
    name: { fa: c.nameFa, en: c.nameEn },
    kind: c.kind,
    provinceId: c.provinceId,
    branches: c.branches,
  }));
}

export async function findCourt(db: Executor, id: number) {
  const [row] = await db.select().from(courts).where(eq(courts.id, id));
  return row ?? null;
}

/** The court condition of a scope filter (a court clerk's courts), or everything. */
function courtCondition(
  column: typeof filings.courtId | typeof cases.courtId,
  filter: ScopeFilter,
  courtId?: number,
): SQL | undefined {
  const scoped = filter.all ? undefined : filter.courtIds.length ? inArray(column, filter.courtIds) : sql`false`;
  return and(scoped, courtId ? eq(column, courtId) : undefined);
}

export async function submittedQueue(
  db: Executor,
  filter: ScopeFilter,
  q: { courtId?: number; page: number; pageSize: number },
) {
  const where = and(eq(filings.status, 'submitted'), courtCondition(filings.courtId, filter, q.courtId));
  const [{ total }] = await db.select({ total: count() }).from(filings).where(where);
  const rows = await db
    .select({
      filing: filings,
      court: courts,
      partyCount: sql<number>`(select count(*)::int from ${filingParties} where ${filingParties.filingId} = ${filings.id})`,
    })
    .from(filings)
    .innerJoin(courts, eq(courts.id, filings.courtId))
    .where(where)
    .orderBy(asc(filings.submittedAt), asc(filings.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    total,
    items: rows.map(({ filing: f, court, partyCount }) => ({
      id: f.id,
      trackingCode: f.trackingCode,
      serviceCode: f.serviceCode,
      subject: f.subject,
      court: courtRef(court),
      provinceId: f.provinceId,
      channel: f.channel,
      officeId: f.officeId,
      submittedAt: f.submittedAt?.toISOString() ?? null,
      partyCount,
      totalRials: f.totalRials,
    })),
  };
}

export async function findFiling(db: Executor, id: number, forUpdate = false) {
  const query = db.select().from(filings).where(eq(filings.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function filingDetail(db: Executor, id: number) {
  const [row] = await db
    .select({ filing: filings, court: courts })
    .from(filings)
    .innerJoin(courts, eq(courts.id, filings.courtId))
    .where(eq(filings.id, id));
  if (!row) return null;
  const parties = await db
    .select()
    .from(filingParties)
    .where(eq(filingParties.filingId, id))
    .orderBy(asc(filingParties.id));
  const attachments = await db
    .select()
    .from(filingAttachments)
    .where(eq(filingAttachments.filingId, id))
    .orderBy(asc(filingAttachments.id));
  const [opened] = await db.select({ id: cases.id }).from(cases).where(eq(cases.filingId, id)).limit(1);
  const f = row.filing;
  return {
    id: f.id,
    trackingCode: f.trackingCode,
    serviceCode: f.serviceCode,
    status: f.status,
    subject: f.subject,
    facts: f.facts,
    claims: f.claims,
    court: courtRef(row.court),
    branch: f.branch,
    channel: f.channel,
    officeId: f.officeId,
    submittedAt: f.submittedAt?.toISOString() ?? null,
    decidedAt: f.decidedAt?.toISOString() ?? null,
    caseNumber: f.caseNumber,
    returnReasons: f.returnReasons,
    caseId: opened?.id ?? null,
    parties: parties.map((p) => ({
      id: p.id,
      role: p.role,
      name: p.name,
      nationalId: p.nationalId,
      address: p.address,
      hasEAccount: p.citizenId != null,
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      title: a.title,
      fileName: a.fileName,
      mediaType: a.mediaType,
      sizeBytes: a.sizeBytes,
      pages: a.pages,
      sha256: a.sha256,
      downloadUrl: `/api/v1/court/filings/${f.id}/attachments/${a.id}`,
    })),
  };
}

export async function findAttachment(db: Executor, filingId: number, attachmentId: number) {
  const [row] = await db
    .select()
    .from(filingAttachments)
    .where(and(eq(filingAttachments.filingId, filingId), eq(filingAttachments.id, attachmentId)));
  return row ?? null;
}

export async function filingPartiesOf(db: Executor, filingId: number) {
  return db.select().from(filingParties).where(eq(filingParties.filingId, filingId)).orderBy(asc(filingParties.id));
}

/** Serialises case numbering within one court until the transaction ends. */
export async function lockCourtNumbering(tx: Executor, courtId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(7240100, ${courtId})`);
}

/** The last sequence number used in a court's case numbers with this prefix (a year's numbers). */
export async function lastCaseSequence(
  tx: Executor,
  courtId: number,
  prefix: string,
  openedSince: Date,
): Promise<number> {
  const [row] = await tx
    .select({ last: sql<number | null>`max(right(${cases.caseNumber}, 6)::int)` })
    .from(cases)
    .where(
      and(
        eq(cases.courtId, courtId),
        sql`${cases.openedAt} >= ${openedSince.toISOString()}`,
        sql`${cases.caseNumber} like ${`${prefix}%`}`,
      ),
    );
  return Number(row?.last ?? 0);
}

export async function insertCase(
  tx: Executor,
  values: typeof cases.$inferInsert,
  parties: Omit<typeof caseParties.$inferInsert, 'caseId'>[],
) {
  const [row] = await tx.insert(cases).values(values).returning();
  if (parties.length) await tx.insert(caseParties).values(parties.map((p) => ({ ...p, caseId: row.id })));
  return row;
}

export async function listCases(
  db: Executor,
  filter: ScopeFilter,
  q: { courtId?: number; page: number; pageSize: number },
) {
  const where = courtCondition(cases.courtId, filter, q.courtId);
  const [{ total }] = await db.select({ total: count() }).from(cases).where(where);
  const rows = await db
    .select({
      kase: cases,
      court: courts,
      partyCount: sql<number>`(select count(*)::int from ${caseParties} where ${caseParties.caseId} = ${cases.id})`,
      noticeCount: sql<number>`(select count(*)::int from notices n where n.case_id = ${cases.id})`,
    })
    .from(cases)
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .where(where)
    .orderBy(desc(cases.openedAt), desc(cases.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { total, items: rows.map(toCaseItem) };
}

export async function casePartiesOf(db: Executor, caseId: number) {
  const rows = await db.select().from(caseParties).where(eq(caseParties.caseId, caseId)).orderBy(asc(caseParties.id));
  return rows;
}
