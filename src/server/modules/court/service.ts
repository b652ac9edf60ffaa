/**
 * The court desk: the embedded court behind the court gateway. Clerks work their court's queue of
 * submitted filings (accept → a case with a number and a branch; return → reasons), and clerks and
 * judges read their court's cases. Filings of another court are answered as not found.
 */
import type { Actor } from '#server/platform/auth/actor';
import type { Action } from '#server/platform/auth/permissions';
import { can, scopeFilter } from '#server/platform/auth/policy';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import { noticesOfCase } from '#server/modules/notices/store';
import { fileStorage, readVerified, type IntegrityLog } from '#server/platform/storage/storage';
import { caseInScope } from '#server/modules/courts/cases';
import type { Executor } from '#server/db/transaction';
import * as store from './store';

/** The statuses in which a filing has reached the court (drafts and unpaid filings are not the court's). */
const AT_COURT = new Set(['submitted', 'accepted', 'returned']);

type FilingRow = NonNullable<Awaited<ReturnType<typeof store.findFiling>>>;

/** A filing of the actor's court that has reached the court, or not found (another court's filing included). */
export function ensureCourtFiling(actor: Actor, action: Action, filing: FilingRow | null): FilingRow {
  if (!filing || filing.courtId == null || !AT_COURT.has(filing.status)) throw new AppError('not_found');
  if (!can(actor, action, { courtId: filing.courtId, provinceId: filing.provinceId })) throw new AppError('not_found');
  return filing;
}

async function ensureCourtInScope(ctx: AppContext, actor: Actor, action: Action, courtId: number | undefined) {
  if (courtId == null) return;
  const court = await store.findCourt(ctx.db, courtId);
  if (!court) throw new AppError('not_found');
  if (!can(actor, action, { courtId: court.id, provinceId: court.provinceId })) throw new AppError('forbidden');
}

export async function listQueue(
  ctx: AppContext,
  actor: Actor,
  q: { courtId?: number; page: number; pageSize: number },
) {
  const filter = scopeFilter(actor, 'court.queue');
  await ensureCourtInScope(ctx, actor, 'court.queue', q.courtId);
  const { items, total } = await store.submittedQueue(ctx.db, filter, q);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getFiling(ctx: AppContext, actor: Actor, id: number) {
  scopeFilter(actor, 'court.queue');
  ensureCourtFiling(actor, 'court.queue', await store.findFiling(ctx.db, id));
  const detail = await store.filingDetail(ctx.db, id);
  if (!detail) throw new AppError('not_found');
  return detail;
}

/** The attachment's bytes, checked against the SHA-256 recorded at upload (a changed file is refused and logged). */
export async function downloadAttachment(
  ctx: AppContext,
  actor: Actor,
  filingId: number,
  attachmentId: number,
  log?: IntegrityLog,
) {
  scopeFilter(actor, 'court.queue');
  ensureCourtFiling(actor, 'court.queue', await store.findFiling(ctx.db, filingId));
  const attachment = await store.findAttachment(ctx.db, filingId, attachmentId);
  if (!attachment) throw new AppError('not_found');
  const bytes = await readVerified(
    fileStorage(ctx.config),
    { key: attachment.storageKey, sha256: attachment.sha256 },
    log,
  );
  return { attachment, bytes };
}

export async function listCases(
  ctx: AppContext,
  actor: Actor,
  q: { courtId?: number; page: number; pageSize: number },
) {
  const filter = scopeFilter(actor, 'court.cases');
  await ensureCourtInScope(ctx, actor, 'court.cases', q.courtId);
  const { items, total } = await store.listCases(ctx.db, filter, q);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getCase(ctx: AppContext, actor: Actor, caseId: number) {
  scopeFilter(actor, 'court.cases');
  const { row, ...item } = await caseInScope(ctx, actor, 'court.cases', caseId);
  const [parties, notices, filed] = await Promise.all([
    store.casePartiesOf(ctx.db, caseId),
    noticesOfCase(ctx.db, caseId),
    row.filingId != null ? store.filingPartiesOf(ctx.db, row.filingId) : Promise.resolve([]),
  ]);
  // The address the bailiff serves at is the one the filing gave; case parties were copied from it in order.
  const addressOf = (p: (typeof parties)[number]) =>
    filed.find((f) => f.role === p.role && f.name === p.name && f.nationalId === p.nationalId)?.address ?? null;
  return {
    ...item,
    parties: parties.map((p) => ({
      id: p.id,
      role: p.role,
      name: p.name,
      nationalId: p.nationalId,
      address: addressOf(p),
      hasEAccount: p.citizenId != null,
    })),
    notices,
  };
}

/** The courts, of one province or all (public: a filing names its court). */
export function listCourts(db: Executor, provinceId?: number) {
  return store.listCourts(db, provinceId);
}
