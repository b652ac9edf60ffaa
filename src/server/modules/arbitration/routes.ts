/** HTTP routes of the arbitration area, from its contract: parse, call the use case, map. Nothing else. */
import multipart from '@fastify/multipart';
import type { z } from 'zod';
import type { AppContext } from '#server/platform/context';
import { attachmentLimits } from '#server/modules/filings/service';
import { areaContract } from '#server/platform/http/contract';
import { fileStorage, readVerified } from '#server/platform/storage/storage';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { readUpload } from '#server/platform/http/upload';
import { PRINTABLE_PAGE_POLICY } from '#server/platform/http/security-headers';
import { sendPdf } from '#server/platform/pdf/send-pdf';
import { awardHtml } from './award-print';
import { arbitrationContract } from './contract';
import * as fees from './fees';
import type { feePaymentResponse } from './schemas';
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
    feeScales: () => fees.listFeeScales(ctx),
    async addFeeScale({ actor, body }, _req, reply) {
      const scale = await fees.addFeeScale(ctx, actor, body);
      reply.code(201);
      return scale;
    },
    withdrawFeeScale: ({ actor, params, body }) => fees.withdrawFeeScale(ctx, actor, params.id, body),
    async payFee({ actor, params, headers }, _req, reply) {
      const answer = await arbitration.payFeeShare(ctx, actor, params.id, headers['idempotency-key']);
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      reply.code(answer.status);
      return answer.body as z.infer<typeof feePaymentResponse>;
    },
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
        const { fileName, bytes, truncated, field } = await readUpload(req);
        return arbitration.addDocument(
          ctx,
          actor,
          params.id,
          {
            kind: field('kind'),
            title: field('title').slice(0, 200),
            fileName,
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
