/** Queries of the notices area: notices, deliveries, deadline rules and the holiday calendar. */
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import { caseParties, cases, courts } from '#server/modules/courts/tables';
import { filings as filingsTable } from '#server/modules/filings/tables';
import { citizens } from '#server/modules/accounts/tables';
import {
  holidayRemovals,
  holidays,
  lunarHolidayDecisions,
  noticeDeadlineRules,
  noticeDeliveries,
  noticePaperServices,
  notices,
} from './tables';
import { PAPER_SERVICE_LAW } from '#core/paper-service';
import { formatJalaliIso, isoToJalali } from '#core/jalali';
import type { NOTICE_KINDS } from './values';

export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The distinct citizens with an e-account among a case's parties, with the mobile their SMS goes to. */
export async function caseRecipients(db: Executor, caseId: number) {
  return db
    .selectDistinctOn([citizens.id], {
      citizenId: citizens.id,
      mobile: citizens.mobile,
      provinceId: citizens.provinceId,
    })
    .from(caseParties)
    .innerJoin(citizens, eq(citizens.id, caseParties.citizenId))
    .where(eq(caseParties.caseId, caseId))
    .orderBy(citizens.id);
}

/** How many of a case's parties have no e-account (they are served on paper by the court's bailiff). */
export async function countPaperParties(db: Executor, caseId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, caseId), sql`${caseParties.citizenId} is null`));
  return row.n;
}

export async function findNotice(db: Executor, id: number, forUpdate = false) {
  const query = db.select().from(notices).where(eq(notices.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function casePartyOf(db: Executor, caseId: number, partyId: number) {
  const [row] = await db
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.caseId, caseId), eq(caseParties.id, partyId)));
  return row ?? null;
}

export type PaperServiceRow = typeof noticePaperServices.$inferSelect;

/** Records a paper service once: null when this party's service of the notice is already recorded. */
export async function insertPaperService(tx: Executor, values: typeof noticePaperServices.$inferInsert) {
  const [row] = await tx.insert(noticePaperServices).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** A paper service as the court desk reads it. */
export function paperServiceView(row: PaperServiceRow, name: string) {
  const law = PAPER_SERVICE_LAW[row.manner];
  return {
    noticeId: row.noticeId,
    partyId: row.partyId,
    name,
    servedOn: row.servedOn,
    servedOnJalali: formatJalaliIso(isoToJalali(row.servedOn)),
    manner: row.manner,
    serviceKind: law.kind,
    article: law.article,
    recipientName: row.recipientName,
    recipientRelation: row.recipientRelation,
    bailiffReport: row.bailiffReport,
    recordedAt: row.recordedAt.toISOString(),
    deadlineDays: row.deadlineDays,
    deadlineDate: row.deadlineDate,
  };
}

/** Attaches the signed decision once: null when the notice already carries one. */
export async function setDocument(
  tx: Executor,
  noticeId: number,
  values: {
    documentKey: string;
    documentSha256: string;
    documentFileName: string;
    documentSizeBytes: number;
    documentPages: number;
    documentAttachedBy: number;
    documentAttachedAt: Date;
  },
) {
  const [row] = await tx
    .update(notices)
    .set(values)
    .where(and(eq(notices.id, noticeId), sql`${notices.documentKey} is null`))
    .returning();
  return row ?? null;
}

type NoticeRow = typeof notices.$inferSelect;

/** The notice's signed decision, if it carries one, with where the reader downloads it. */
export function documentOf(n: NoticeRow, downloadUrl: string) {
  if (!n.documentKey || !n.documentSha256) return null;
  return {
    fileName: n.documentFileName ?? 'decision.pdf',
    sizeBytes: n.documentSizeBytes ?? 0,
    pages: n.documentPages ?? 0,
    sha256: n.documentSha256,
    downloadUrl,
  };
}

export async function insertNotice(tx: Executor, values: typeof notices.$inferInsert) {
  const [row] = await tx.insert(notices).values(values).returning();
  return row;
}

export async function insertDeliveries(tx: Executor, rows: (typeof noticeDeliveries.$inferInsert)[]) {
  if (!rows.length) return [];
  return tx.insert(noticeDeliveries).values(rows).returning();
}

/** A case's notices with every party's copy, newest first. */
export async function noticesOfCase(db: Executor, caseId: number) {
  const rows = await db.select().from(notices).where(eq(notices.caseId, caseId)).orderBy(desc(notices.id));
  if (!rows.length) return [];
  const deliveries = await db
    .select({ d: noticeDeliveries, firstName: citizens.firstName, lastName: citizens.lastName })
    .from(noticeDeliveries)
    .innerJoin(citizens, eq(citizens.id, noticeDeliveries.citizenId))
    .where(
      inArray(
        noticeDeliveries.noticeId,
        rows.map((n) => n.id),
      ),
    )
    .orderBy(asc(noticeDeliveries.id));
  const paper = await db
    .select({ p: noticePaperServices, name: caseParties.name })
    .from(noticePaperServices)
    .innerJoin(caseParties, eq(caseParties.id, noticePaperServices.partyId))
    .where(
      inArray(
        noticePaperServices.noticeId,
        rows.map((n) => n.id),
      ),
    )
    .orderBy(asc(noticePaperServices.id));
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    hearingAt: n.hearingAt?.toISOString() ?? null,
    issuedAt: n.issuedAt.toISOString(),
    document: documentOf(n, `/api/v1/court/notices/${n.id}/document`),
    paperServices: paper.filter((x) => x.p.noticeId === n.id).map((x) => paperServiceView(x.p, x.name)),
    deliveries: deliveries
      .filter((x) => x.d.noticeId === n.id)
      .map(({ d, firstName, lastName }) => ({
        citizenId: d.citizenId,
        name: `${firstName} ${lastName}`,
        deliveredAt: d.deliveredAt?.toISOString() ?? null,
        channel: d.deliveredChannel,
        deadlineDays: d.deadlineDays,
        deadlineDate: d.deadlineDate,
      })),
  }));
}

/** One citizen's copy of a notice, with the notice and its case; locked when asked (to record delivery). */
export async function deliveryOf(db: Executor, noticeId: number, citizenId: number, forUpdate = false) {
  const query = db
    .select({ delivery: noticeDeliveries, notice: notices, kase: cases, court: courts })
    .from(noticeDeliveries)
    .innerJoin(notices, eq(notices.id, noticeDeliveries.noticeId))
    .innerJoin(cases, eq(cases.id, notices.caseId))
    .innerJoin(courts, eq(courts.id, notices.courtId))
    .where(and(eq(noticeDeliveries.noticeId, noticeId), eq(noticeDeliveries.citizenId, citizenId)));
  const [row] = forUpdate ? await query.for('update', { of: noticeDeliveries }) : await query;
  return row ?? null;
}

/** The appeals a citizen started from a decision they were delivered (any status), oldest first. */
export async function appealsOfNotice(db: Executor, noticeId: number, citizenId: number) {
  return db
    .select({
      id: filingsTable.id,
      trackingCode: filingsTable.trackingCode,
      status: filingsTable.status,
      createdAt: filingsTable.createdAt,
      submittedAt: filingsTable.submittedAt,
    })
    .from(filingsTable)
    .where(and(eq(filingsTable.appealsNoticeId, noticeId), eq(filingsTable.applicantCitizenId, citizenId)))
    .orderBy(asc(filingsTable.id));
}

export async function markDelivered(
  tx: Executor,
  deliveryId: number,
  values: {
    deliveredAt: Date;
    deliveredChannel: 'online' | 'office';
    deliveredOfficeId: number | null;
    deliveredBy: number;
    deadlineDays: number | null;
    deadlineDate: string | null;
  },
) {
  const [row] = await tx
    .update(noticeDeliveries)
    .set(values)
    .where(and(eq(noticeDeliveries.id, deliveryId), sql`${noticeDeliveries.deliveredAt} is null`))
    .returning();
  return row ?? null;
}

export async function findRule(db: Executor, kind: NoticeKind) {
  const [row] = await db.select().from(noticeDeadlineRules).where(eq(noticeDeadlineRules.kind, kind));
  return row ?? null;
}

export async function listRules(db: Executor) {
  return db.select().from(noticeDeadlineRules).orderBy(asc(noticeDeadlineRules.kind));
}

export async function updateRule(
  tx: Executor,
  kind: NoticeKind,
  values: { days: number | null; source: string; titleFa?: string; titleEn?: string },
) {
  const [row] = await tx.update(noticeDeadlineRules).set(values).where(eq(noticeDeadlineRules.kind, kind)).returning();
  return row ?? null;
}

// ——— The holiday calendar: what admins changed over the law's computed holidays ———

/** Days admins added, between two ISO days (inclusive). */
export async function removalsBetween(db: Executor, fromIso: string, toIso: string) {
  return db
    .select()
    .from(holidayRemovals)
    .where(and(gte(holidayRemovals.day, fromIso), lte(holidayRemovals.day, toIso)))
    .orderBy(asc(holidayRemovals.day));
}

/** One row of the admins' overrides of the holiday calendar, whichever table it comes from. */
export interface CalendarOverrideRow {
  kind: 'added' | 'removed' | 'lunar';
  day: string;
  titleFa: string | null;
  titleEn: string | null;
  hijri: string | null;
}

/**
 * The admins' added holidays and removals between two ISO days, and the lunar decisions computed
 * for or moved to a day of a wider span — in one round trip: every deadline and every consultant's
 * free slots read them, and three statements cost three trips to the database.
 */
export async function calendarOverrideRows(
  db: Executor,
  span: { fromIso: string; toIso: string },
  lunarSpan: { fromIso: string; toIso: string },
): Promise<CalendarOverrideRow[]> {
  const result = await db.execute(sql`
    select 'added' as kind, day::text as day, title_fa as "titleFa", title_en as "titleEn", null::text as hijri
      from ${holidays} where day between ${span.fromIso}::date and ${span.toIso}::date
    union all
    select 'removed', day::text, null, null, null
      from ${holidayRemovals} where day between ${span.fromIso}::date and ${span.toIso}::date
    union all
    select 'lunar', day::text, null, null, hijri
      from ${lunarHolidayDecisions}
      where day between ${lunarSpan.fromIso}::date and ${lunarSpan.toIso}::date
         or computed_day between ${lunarSpan.fromIso}::date and ${lunarSpan.toIso}::date
    order by 2, 1`);
  return result.rows as unknown as CalendarOverrideRow[];
}

export async function insertHoliday(tx: Executor, values: typeof holidays.$inferInsert) {
  const rows = await tx.insert(holidays).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function deleteHoliday(tx: Executor, day: string) {
  const rows = await tx.delete(holidays).where(eq(holidays.day, day)).returning();
  return rows[0] ?? null;
}

export async function insertRemoval(tx: Executor, values: typeof holidayRemovals.$inferInsert) {
  const rows = await tx.insert(holidayRemovals).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function deleteRemoval(tx: Executor, day: string) {
  const rows = await tx.delete(holidayRemovals).where(eq(holidayRemovals.day, day)).returning();
  return rows[0] ?? null;
}

export async function saveLunarDecision(tx: Executor, values: typeof lunarHolidayDecisions.$inferInsert) {
  const [row] = await tx
    .insert(lunarHolidayDecisions)
    .values(values)
    .onConflictDoUpdate({
      target: lunarHolidayDecisions.hijri,
      set: { day: values.day, decidedBy: values.decidedBy, decidedAt: values.decidedAt },
    })
    .returning();
  return row;
}

// ——— The citizen's tracking read model: every query starts from an index on the citizen. ———

/** Filings the citizen applied for (filings_applicant_idx: applicant, id). */
export async function citizenFilings(db: Executor, citizenId: number, limit: number, offset: number) {
  const rows = await db
    .select({ f: filingsTable, courtFa: courts.nameFa, courtEn: courts.nameEn })
    .from(filingsTable)
    .leftJoin(courts, eq(courts.id, filingsTable.courtId))
    .where(eq(filingsTable.applicantCitizenId, citizenId))
    .orderBy(desc(filingsTable.id))
    .limit(limit)
    .offset(offset);
  return rows.map(({ f, courtFa, courtEn }) => ({
    id: f.id,
    trackingCode: f.trackingCode,
    serviceCode: f.serviceCode,
    status: f.status,
    channel: f.channel,
    subject: f.subject,
    court: f.courtId != null && courtFa != null ? { id: f.courtId, name: { fa: courtFa, en: courtEn ?? '' } } : null,
    branch: f.branch,
    caseNumber: f.caseNumber,
    returnReasons: f.returnReasons,
    totalRials: f.totalRials,
    createdAt: f.createdAt.toISOString(),
    submittedAt: f.submittedAt?.toISOString() ?? null,
    decidedAt: f.decidedAt?.toISOString() ?? null,
  }));
}

export async function countCitizenFilings(db: Executor, citizenId: number) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(filingsTable)
    .where(eq(filingsTable.applicantCitizenId, citizenId));
  return row.n;
}

/** Cases the citizen is a party to (case_parties_citizen_idx). */
export async function citizenCases(db: Executor, citizenId: number, limit: number, offset: number) {
  const rows = await db
    .select({ kase: cases, role: caseParties.role, courtFa: courts.nameFa, courtEn: courts.nameEn })
    .from(caseParties)
    .innerJoin(cases, eq(cases.id, caseParties.caseId))
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .where(eq(caseParties.citizenId, citizenId))
    .orderBy(desc(caseParties.caseId), asc(caseParties.id))
    .limit(limit)
    .offset(offset);
  return rows.map(({ kase: c, role, courtFa, courtEn }) => ({
    id: c.id,
    caseNumber: c.caseNumber,
    subject: c.subject,
    court: { id: c.courtId, name: { fa: courtFa, en: courtEn } },
    branch: c.branch,
    role,
    openedAt: c.openedAt.toISOString(),
  }));
}

export async function countCitizenCases(db: Executor, citizenId: number) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(caseParties)
    .where(eq(caseParties.citizenId, citizenId));
  return row.n;
}

/** The citizen's copies of notices (notice_deliveries_citizen_idx: citizen, id), newest first. */
export async function citizenNotices(db: Executor, citizenId: number, limit: number, offset: number) {
  return db
    .select({
      delivery: noticeDeliveries,
      notice: {
        id: notices.id,
        kind: notices.kind,
        title: notices.title,
        hearingAt: notices.hearingAt,
        issuedAt: notices.issuedAt,
        caseId: notices.caseId,
      },
      caseNumber: cases.caseNumber,
      branch: cases.branch,
      courtId: courts.id,
      courtFa: courts.nameFa,
      courtEn: courts.nameEn,
    })
    .from(noticeDeliveries)
    .innerJoin(notices, eq(notices.id, noticeDeliveries.noticeId))
    .innerJoin(cases, eq(cases.id, notices.caseId))
    .innerJoin(courts, eq(courts.id, notices.courtId))
    .where(eq(noticeDeliveries.citizenId, citizenId))
    .orderBy(desc(noticeDeliveries.id))
    .limit(limit)
    .offset(offset);
}

export async function countCitizenNotices(db: Executor, citizenId: number) {
  const [row] = await db
    .select({
      n: sql<number>`count(*)::int`,
      undelivered: sql<number>`count(*) filter (where ${noticeDeliveries.deliveredAt} is null)::int`,
    })
    .from(noticeDeliveries)
    .where(eq(noticeDeliveries.citizenId, citizenId));
  return row;
}
