/**
 * Citizens' feedback after a counter service: the counter calls `inviteToSurvey` in the serving
 * transaction (the `onTicketServed` port), which queues an SMS with a short link; the link opens a
 * two-question survey without signing in, answerable once within seven days. One survey per
 * service: a second invitation for the same ticket is never made.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { isValidMobile } from '#core/identifiers';
import { toPersianDigits } from '#core/persian-digits';
import type { Tx } from '#server/db/transaction';
import { citizens } from '#server/modules/accounts/tables';
import { catalogServices } from '#server/modules/catalog/tables';
import { offices } from '#server/modules/offices/tables';
import { randomToken, sha256 } from '#server/platform/auth/tokens';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import { enqueueMessage } from '#server/platform/notifier/notifier';
import type { ServedAt, ServedTicket } from '#server/platform/ports/ticket-served';
import { qualitySurveys } from './tables';

const SURVEY_DAYS = 7;
const DAY = 24 * 60 * 60 * 1000;

/** The `onTicketServed` handler: a survey and its SMS for a served citizen with a mobile; the outbox id, or null. */
export async function inviteToSurvey(
  tx: Tx,
  ticket: ServedTicket,
  { now, publicUrl }: ServedAt,
): Promise<number | null> {
  if (ticket.citizenId == null) return null;
  const [who] = await tx
    .select({ mobile: citizens.mobile, provinceId: offices.provinceId, officeFa: offices.nameFa })
    .from(citizens)
    .innerJoin(offices, eq(offices.id, ticket.officeId))
    .where(eq(citizens.id, ticket.citizenId))
    .limit(1);
  if (!who?.mobile || !isValidMobile(who.mobile)) return null;
  const token = randomToken();
  const [survey] = await tx
    .insert(qualitySurveys)
    .values({
      ticketId: ticket.id,
      officeId: ticket.officeId,
      provinceId: who.provinceId,
      operatorUserId: ticket.servedBy,
      citizenId: ticket.citizenId,
      serviceCode: ticket.serviceCode,
      tokenHash: sha256(token),
      sentAt: now,
      expiresAt: new Date(now.getTime() + SURVEY_DAYS * DAY),
    })
    .onConflictDoNothing()
    .returning({ id: qualitySurveys.id });
  if (!survey) return null;
  return enqueueMessage(
    tx,
    {
      channel: 'sms',
      recipient: who.mobile,
      template: 'quality.survey',
      provinceId: who.provinceId,
      body: `${who.officeFa}: از خدمت امروز راضی بودید؟ نظر شما در دو پرسش، تا ${toPersianDigits(SURVEY_DAYS)} روز: ${publicUrl}/s/${token}`,
    },
    now,
  );
}

async function surveyOf(tx: Tx | AppContext['db'], token: string, lock = false) {
  const q = tx
    .select({
      survey: qualitySurveys,
      officeFa: offices.nameFa,
      officeEn: offices.nameEn,
      serviceFa: catalogServices.titleFa,
      serviceEn: catalogServices.titleEn,
    })
    .from(qualitySurveys)
    .innerJoin(offices, eq(offices.id, qualitySurveys.officeId))
    .leftJoin(catalogServices, eq(catalogServices.code, qualitySurveys.serviceCode))
    .where(eq(qualitySurveys.tokenHash, sha256(token)));
  const [row] = lock ? await q.for('update', { of: qualitySurveys }) : await q;
  if (!row) throw new AppError('not_found');
  return row;
}

function usable(survey: typeof qualitySurveys.$inferSelect, now: Date) {
  if (survey.answeredAt) throw new AppError('survey_link_used');
  if (survey.expiresAt.getTime() <= now.getTime()) throw new AppError('survey_link_expired');
}

type Row = Awaited<ReturnType<typeof surveyOf>>;
const view = (r: Row) => ({
  office: { fa: r.officeFa, en: r.officeEn },
  service: r.serviceFa ? { fa: r.serviceFa, en: r.serviceEn ?? r.serviceFa } : null,
  servedAt: r.survey.sentAt.toISOString(),
  expiresAt: r.survey.expiresAt.toISOString(),
});

/** The survey a link opens (public): which office and service it is about, until when it may be answered. */
export async function openSurvey(ctx: AppContext, token: string) {
  const row = await surveyOf(ctx.db, token);
  usable(row.survey, ctx.clock.now());
  return view(row);
}

/** The citizen's answer (public): once per link, within its seven days. */
export async function answerSurvey(
  ctx: AppContext,
  token: string,
  answer: { satisfaction: number; wouldReturn: boolean; comment?: string | null },
) {
  return ctx.db.transaction(async (tx) => {
    const row = await surveyOf(tx, token, true);
    const now = ctx.clock.now();
    usable(row.survey, now);
    const [done] = await tx
      .update(qualitySurveys)
      .set({
        answeredAt: now,
        satisfaction: answer.satisfaction,
        wouldReturn: answer.wouldReturn,
        comment: answer.comment?.trim() || null,
      })
      .where(and(eq(qualitySurveys.id, row.survey.id), isNull(qualitySurveys.answeredAt)))
      .returning({ id: qualitySurveys.id });
    if (!done) throw new AppError('survey_link_used');
    return { ...view(row), answeredAt: now.toISOString() };
  });
}
