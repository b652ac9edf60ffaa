/** The filings area's routes: each endpoint of its contract, parsed input in, a use case called, its answer out. */
import multipart from '@fastify/multipart';
import type { z } from 'zod';
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { areaContract } from '#server/platform/http/contract';
import { implement } from '#server/platform/http/implement';
import { readUpload } from '#server/platform/http/upload';
import { framedBySiteOnly } from '#server/platform/http/security-headers';
import { fileStorage, readVerified } from '#server/platform/storage/storage';
import type { submitResponse } from './schemas';
import { filingsContract } from './contract';
import * as filings from './service';

export function filingRoutes(app: Api, ctx: AppContext) {
  const storage = fileStorage(ctx.config);

  const { uploadAttachment, ...endpoints } = filingsContract.endpoints;
  implement(app, areaContract(filingsContract.tag, endpoints), {
    courtOptions: ({ query }) => filings.courtOptions(ctx, query.provinceId),
    list: ({ actor, query }) => filings.listFilings(ctx, actor, query),
    unsent: ({ actor, query }) => filings.unsentFilings(ctx, actor, query.officeId),
    applicant: ({ actor, query }) => filings.findApplicant(ctx, actor, query.nationalId),
    mine: ({ actor, query }) => filings.ownFilings(ctx, actor, query),
    create: ({ actor, body }) => filings.createFiling(ctx, actor, body),
    get: ({ actor, params }) => filings.getFiling(ctx, actor, params.id),
    update: ({ actor, params, body }) => filings.updateFiling(ctx, actor, params.id, body),
    async print({ actor, params }, _req, reply) {
      const html = await filings.printFiling(ctx, actor, params.id);
      return framedBySiteOnly(reply).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    },
    confirm: ({ actor, params }) => filings.confirmFiling(ctx, actor, params.id),
    pay: ({ actor, params }) => filings.payFiling(ctx, actor, params.id),
    async submit({ actor, params, headers }, _req, reply) {
      const answer = await filings.submitFiling(ctx, actor, params.id, headers['idempotency-key']);
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      reply.code(answer.status);
      return answer.body as z.infer<typeof submitResponse>;
    },
    async attachment({ actor, params }, req, reply) {
      const a = await filings.attachmentFile(ctx, actor, params.id, params.attachmentId);
      const bytes = await readVerified(storage, { key: a.storageKey, sha256: a.sha256 }, req.log);
      return reply
        .type(a.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${a.sha256}"`)
        .send(bytes);
    },
    async removeAttachment({ actor, params }) {
      await filings.removeAttachment(ctx, actor, params.id, params.attachmentId, storage);
      return null;
    },
  });

  // Uploads are the only multipart requests Daftar accepts: the parser lives in this endpoint's
  // scope alone, with its own limits; the session hook still demands the CSRF header.
  const limits = filings.attachmentLimits();
  implement(
    app,
    areaContract(filingsContract.tag, { uploadAttachment }),
    {
      async uploadAttachment({ actor, params }, req) {
        await filings.assertCanAttach(ctx, actor, params.id);
        const { fileName, bytes, truncated, field } = await readUpload(req);
        const title = field('title').slice(0, 200);
        return filings.addAttachment(ctx, actor, params.id, { fileName, title, bytes, truncated }, storage);
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
