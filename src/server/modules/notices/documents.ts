/**
 * The signed decision as a PDF: whoever may issue notices on a case attaches it to a decision
 * notice once (checked by content, as every upload is), and the parties download it with the
 * notice — a citizen from their e-account, where reading it is delivery — as the court desk does.
 */
import type { Actor } from '#server/platform/auth/actor';
import { authorize, scopeFilter } from '#server/platform/auth/policy';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError } from '#server/platform/errors/app-error';
import { inspectFile, sniffType } from '#server/platform/storage/file-inspection';
import { type FileStorage, type IntegrityLog, readVerified } from '#server/platform/storage/storage';
import { caseInScope } from '#server/modules/courts/cases';
import { deliver } from './service';
import * as store from './store';

/** A signed decision is a few pages: 10 MB is plenty. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export async function attachDocument(
  ctx: AppContext,
  actor: Actor,
  noticeId: number,
  bytes: Buffer,
  storage: FileStorage,
) {
  scopeFilter(actor, 'notices.attach-document');
  const notice = await store.findNotice(ctx.db, noticeId);
  if (!notice) throw new AppError('not_found');
  const { row: kase } = await caseInScope(ctx, actor, 'notices.attach-document', notice.caseId);
  if (notice.kind !== 'decision') throw new AppError('notice_not_a_decision');
  if (notice.documentKey) throw new AppError('notice_document_attached');
  if (bytes.length > DOCUMENT_MAX_BYTES)
    throw new AppError('file_too_large', { fields: [fieldError('file', 'too_big')] });
  if (bytes.length === 0) throw new AppError('validation_failed', { fields: [fieldError('file', 'required')] });
  if (sniffType(bytes) !== 'application/pdf')
    throw new AppError('unsupported_file_type', {
      detail: 'The signed decision must be a PDF.',
      fields: [fieldError('file', 'not_pdf')],
    });
  const inspected = await inspectFile(bytes);
  if (!inspected.ok)
    throw new AppError(inspected.problem, { detail: inspected.detail, fields: [fieldError('file', 'invalid')] });

  const stored = await storage.put(`notices/${notice.id}`, bytes);
  const now = ctx.clock.now();
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const updated = await store.setDocument(tx, notice.id, {
        documentKey: stored.key,
        documentSha256: stored.sha256,
        documentFileName: `decision-${kase.caseNumber}.pdf`,
        documentSizeBytes: stored.sizeBytes,
        documentPages: inspected.pages,
        documentAttachedBy: actor.userId,
        documentAttachedAt: now,
      });
      if (!updated) throw new AppError('notice_document_attached');
      await recordAudit(tx, actor, {
        action: 'notices.attach-document',
        entityType: 'notice',
        entityId: notice.id,
        provinceId: kase.provinceId,
        data: {
          caseId: kase.id,
          caseNumber: kase.caseNumber,
          sha256: stored.sha256,
          sizeBytes: stored.sizeBytes,
          pages: inspected.pages,
        },
      });
      return updated;
    });
    return { document: store.documentOf(row, `/api/v1/court/notices/${row.id}/document`)! };
  } catch (error) {
    await storage.remove(stored.key).catch(() => undefined);
    throw error;
  }
}

async function documentBytes(
  storage: FileStorage,
  notice: NonNullable<Awaited<ReturnType<typeof store.findNotice>>>,
  log?: IntegrityLog,
) {
  if (!notice.documentKey || !notice.documentSha256) throw new AppError('not_found');
  const bytes = await readVerified(storage, { key: notice.documentKey, sha256: notice.documentSha256 }, log);
  return { fileName: notice.documentFileName ?? 'decision.pdf', bytes };
}

/** The signed decision of a notice on a case of the actor's court. */
export async function courtDocument(
  ctx: AppContext,
  actor: Actor,
  noticeId: number,
  storage: FileStorage,
  log?: IntegrityLog,
) {
  scopeFilter(actor, 'court.cases');
  const notice = await store.findNotice(ctx.db, noticeId);
  if (!notice) throw new AppError('not_found');
  await caseInScope(ctx, actor, 'court.cases', notice.caseId);
  return documentBytes(storage, notice, log);
}

/** The citizen's own notice's signed decision: reading it is delivery, as opening the notice is. */
export async function ownDocument(
  ctx: AppContext,
  actor: Actor,
  noticeId: number,
  storage: FileStorage,
  log?: IntegrityLog,
) {
  if (actor.citizenId == null) throw new AppError('forbidden');
  authorize(actor, 'tracking.read-own', { citizenId: actor.citizenId });
  const citizenId = actor.citizenId;
  const now = ctx.clock.now();
  const notice = await ctx.db.transaction(async (tx) => {
    const row = await store.deliveryOf(tx, noticeId, citizenId, true);
    if (!row?.notice.documentKey) throw new AppError('not_found');
    await deliver(tx, actor, row, { channel: 'online', officeId: null, at: now });
    return row.notice;
  });
  return documentBytes(storage, notice, log);
}
