/** HTTP routes of the arbitration area, from its contract: parse, call the use case, map. Nothing else. */
import multipart from '@fastify/multipart';
import type { AppContext } from '#server/platform/context';
import { attachmentLimits } from '#server/modules/filings/service';
import { AppError, fieldError } from '#server/platform/errors/app-error';
import { areaContract } from '#server/platform/http/contract';
import { fileStorage, readVerified } from '#server/platform/storage/storage';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { PRINTABLE_PAGE_POLICY } from '#server/platform/http/security-headers';
import { sendPdf } from '#server/platform/pdf/send-pdf';
import { awardHtml } from './award-print';
import { arbitrationContract } from './contract';
import * as arbitration from './service';

export function arbitrationRoutes(app: Api, ctx: AppContext) {
  const storage = fileStorage(ctx.config);
  const { uploadDocument, ...endpoints } = arbitrationContract.endpoints;
  implement(app, areaContract(arbitrationContract.tag, endpoints), {
    start: ({ actor, body, headers }) => arbitration.startArbitration(ctx, actor, body, headers['idempotency-key']),
    list: ({ actor, query }) => arbitration.listCases(ctx, actor, query),
    get: ({ actor, params }) => arbitration.getCase(ctx, actor, params.id),
    consentCode: ({ actor, params }) => arbitration.resendConsentCode(ctx, actor, params.id),
    consent: ({ actor, params, body }) => arbitration.consent(ctx, actor, params.id, body.code),
    registry: ({ actor }) => arbitration.arbitratorRegistry(ctx, actor),
    appoint: ({ actor, params, body }) => arbitration.appoint(ctx, actor, params.id, body),
    answer: ({ actor, params, body }) => arbitration.answer(ctx, actor, params.id, params.arbitratorId, body.accept),
    hearing: ({ actor, params, body }) => arbitration.scheduleHearing(ctx, actor, params.id, body),
    async document({ actor, params }, req, reply) {
      const d = await arbitration.documentFile(ctx, actor, params.id, params.documentId);
      const bytes = await readVerified(storage, { key: d.storageKey, sha256: d.sha256 }, req.log);
      return reply
        .type(d.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(d.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${d.sha256}"`)
        .send(bytes);
    },
    minutes: ({ actor, params, body }) => arbitration.recordMinutes(ctx, actor, params.id, params.hearingId, body),
    draftAward: ({ actor, params, body }) => arbitration.draftAward(ctx, actor, params.id, body),
    signAward: ({ actor, params, body }) => arbitration.signAward(ctx, actor, params.id, params.arbitratorId, body),
    async award({ actor, params }, _req, reply) {
      const c = await arbitration.printableAward(ctx, actor, params.id);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', PRINTABLE_PAGE_POLICY)
        .send(awardHtml(c));
    },
    async awardPdf({ actor, params }, req, reply) {
      const c = await arbitration.printableAward(ctx, actor, params.id);
      return sendPdf(req, reply, {
        html: () => awardHtml(c),
        htmlUrl: `/api/v1/arbitrations/${c.id}/award`,
        filename: `arbitration-award-${c.id}.pdf`,
        print: { format: 'A4' },
      });
    },
    annulment: ({ actor, params, body }) => arbitration.requestAnnulment(ctx, actor, params.id, body),
    enforcement: ({ actor, params, body }) => arbitration.requestEnforcement(ctx, actor, params.id, body.partyId),
  });

  // The multipart parser lives in the upload's scope alone, with the filings' limits (as their attachments).
  const limits = attachmentLimits();
  implement(
    app,
    areaContract(arbitrationContract.tag, { uploadDocument }),
    {
      async uploadDocument({ actor, params }, req) {
        await arbitration.assertCanSubmit(ctx, actor, params.id);
        if (!req.isMultipart()) throw new AppError('unsupported_media_type');
        let file: Awaited<ReturnType<typeof req.file>>;
        try {
          file = await req.file();
        } catch (error) {
          throw multipartProblem(error);
        }
        if (!file) throw new AppError('validation_failed', { fields: [fieldError('file', 'required')] });
        let bytes: Buffer;
        let truncated = false;
        try {
          bytes = await file.toBuffer();
          truncated = file.file.truncated;
        } catch (error) {
          if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw multipartProblem(error);
          bytes = Buffer.alloc(0);
          truncated = true;
        }
        const field = (name: string) => {
          const f = file.fields[name] as { value?: unknown } | undefined;
          return typeof f?.value === 'string' ? f.value.trim() : '';
        };
        return arbitration.addDocument(
          ctx,
          actor,
          params.id,
          {
            kind: field('kind'),
            title: field('title').slice(0, 200),
            fileName: (file.filename || 'document').slice(0, 200),
            bytes,
            truncated,
          },
          storage,
        );
      },
    },
    {
      setup: async (scope) => {
        await scope.register(multipart, {
          limits: { fileSize: limits.maxFileBytes, files: 1, fields: 4, fieldSize: 2000, parts: 6 },
        });
      },
    },
  );
}

function multipartProblem(error: unknown): AppError {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE')
    return new AppError('file_too_large', { fields: [fieldError('file', 'too_big')] });
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new AppError('bad_request', { detail: 'Send one file per request.' });
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('unsupported_media_type');
  return new AppError('bad_request', { detail: 'The multipart body could not be read.' });
}
