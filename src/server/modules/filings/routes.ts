/** HTTP routes of the filings area: parse, call the use case, map. Nothing else. */
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { AppContext } from '#server/platform/context';
import { AppError, fieldError } from '#server/platform/errors/app-error';
import { SIGNED_IN, SIGNED_IN_WRITE, type Api } from '#server/platform/http/api';
import { queryInt } from '#server/platform/http/fields';
import { implement } from '#server/platform/http/implement';
import { problems } from '#server/platform/http/problem-schema';
import { framedBySiteOnly } from '#server/platform/http/security-headers';
import { actorOf } from '#server/platform/http/session-hook';
import { fileStorage, readVerified } from '#server/platform/storage/storage';
import {
  applicantQuery,
  applicantSchema,
  attachmentParams,
  createFilingBody,
  filingDetailSchema,
  filingPage,
  idParams,
  listFilingsQuery,
  ownFilingsQuery,
  paymentStartResponse,
  type submitResponse,
  updateFilingBody,
} from './schemas';
import { filingsContract } from './contract';
import * as filings from './service';

const tags = ['filings'];

export function filingRoutes(app: Api, ctx: AppContext) {
  const storage = fileStorage(ctx.config);

  app.get(
    '/v1/filings/court-options',
    {
      schema: {
        tags,
        summary:
          'Courts of a province with their cities and branch counts (for choosing province → city → court → branch)',
        querystring: z.object({ provinceId: queryInt(1, 32_767) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number().int(),
                name: z.object({ fa: z.string(), en: z.string() }),
                kind: z.string(),
                branches: z.number().int(),
                city: z.object({ id: z.number().int(), name: z.object({ fa: z.string(), en: z.string() }) }),
              }),
            ),
          }),
          ...problems(400),
        },
      },
    },
    async (req) => filings.courtOptions(ctx, req.query.provinceId),
  );

  app.get(
    '/v1/filings',
    {
      schema: {
        tags,
        summary:
          "Filings within the caller's scope (an office's filings for its staff), newest first, by status and Jalali date range",
        security: SIGNED_IN,
        querystring: listFilingsQuery,
        response: { 200: filingPage, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => filings.listFilings(ctx, actorOf(req), req.query),
  );

  app.get(
    '/v1/filings/applicant',
    {
      schema: {
        tags,
        summary:
          'Who a new filing is for: at an office, the e-account holder with this national ID (name only); online, the signed-in citizen',
        security: SIGNED_IN,
        querystring: applicantQuery,
        response: { 200: applicantSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => filings.findApplicant(ctx, actorOf(req), req.query.nationalId),
  );

  app.get(
    '/v1/filings/mine',
    {
      schema: {
        tags,
        summary: "The signed-in citizen's own filings",
        security: SIGNED_IN,
        querystring: ownFilingsQuery,
        response: { 200: filingPage, ...problems(400, 401, 403) },
      },
    },
    async (req) => filings.ownFilings(ctx, actorOf(req), req.query),
  );

  app.post(
    '/v1/filings',
    {
      schema: {
        tags,
        summary:
          'Start a filing as a draft: at an office for a citizen, or online by the citizen where the service allows',
        security: SIGNED_IN_WRITE,
        body: createFilingBody,
        response: { 201: filingDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await filings.createFiling(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/v1/filings/:id',
    {
      schema: {
        tags,
        summary: 'A filing with parties, attachments, quote, payment state and its timeline',
        security: SIGNED_IN,
        params: idParams,
        response: { 200: filingDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => filings.getFiling(ctx, actorOf(req), req.params.id),
  );

  app.put(
    '/v1/filings/:id',
    {
      schema: {
        tags,
        summary: "Replace a draft's parties, court, subject, claims and facts (a confirmed draft goes back to draft)",
        security: SIGNED_IN_WRITE,
        params: idParams,
        body: updateFilingBody,
        response: { 200: filingDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => filings.updateFiling(ctx, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/v1/filings/:id/print',
    {
      schema: {
        tags,
        summary: 'The print view of the filing (HTML, Persian, right to left) for the applicant to review',
        security: SIGNED_IN,
        params: idParams,
        response: { 200: z.string().meta({ description: 'text/html' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      framedBySiteOnly(reply)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(await filings.printFiling(ctx, actorOf(req), req.params.id)),
  );

  app.post(
    '/v1/filings/:id/confirm',
    {
      schema: {
        tags,
        summary:
          "Record the applicant's confirmation of the printed draft and fix the itemised quote from the tariff in force",
        security: SIGNED_IN_WRITE,
        params: idParams,
        response: { 200: filingDetailSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => filings.confirmFiling(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/v1/filings/:id/payment',
    {
      schema: {
        tags,
        summary: 'Start paying what is due on a confirmed filing; answers the bank page to redirect to',
        security: SIGNED_IN_WRITE,
        params: idParams,
        response: { 201: paymentStartResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await filings.payFiling(ctx, actorOf(req), req.params.id)),
  );

  app.get(
    '/v1/filings/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary:
          'Download an attachment (for whoever may read the filing); its bytes are checked against the SHA-256 recorded at upload',
        security: SIGNED_IN,
        params: attachmentParams,
        response: {
          200: z.any().meta({
            description:
              "The document's bytes (application/pdf, image/jpeg or image/png); 500 file_integrity_failed when they no longer match their recorded SHA-256",
          }),
          ...problems(400, 401, 403, 404, 500),
        },
      },
    },
    async (req, reply) => {
      const a = await filings.attachmentFile(ctx, actorOf(req), req.params.id, req.params.attachmentId);
      const bytes = await readVerified(storage, { key: a.storageKey, sha256: a.sha256 }, req.log);
      return reply
        .type(a.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${a.sha256}"`)
        .send(bytes);
    },
  );

  app.delete(
    '/v1/filings/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Remove an attachment from a draft',
        security: SIGNED_IN_WRITE,
        params: attachmentParams,
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await filings.removeAttachment(ctx, actorOf(req), req.params.id, req.params.attachmentId, storage);
      return reply.code(204).send(null);
    },
  );

  // Uploads are the only multipart requests Daftar accepts: the parser lives in this contract's
  // scope alone, with its own limits; the session hook still demands the CSRF header.
  const limits = filings.attachmentLimits();
  implement(
    app,
    filingsContract,
    {
      async submit({ actor, params, headers }, _req, reply) {
        const answer = await filings.submitFiling(ctx, actor, params.id, headers['idempotency-key']);
        if (answer.replayed) reply.header('idempotent-replayed', 'true');
        reply.code(answer.status);
        return answer.body as z.infer<typeof submitResponse>;
      },
      async uploadAttachment({ actor, params }, req) {
        await filings.assertCanAttach(ctx, actor, params.id);
        if (!req.isMultipart()) throw new AppError('unsupported_media_type');
        let file: Awaited<ReturnType<typeof req.file>>;
        try {
          file = await req.file();
        } catch (error) {
          throw mapMultipartError(error);
        }
        if (!file) throw new AppError('validation_failed', { fields: [fieldError('file', 'required')] });
        let bytes: Buffer;
        let truncated = false;
        try {
          bytes = await file.toBuffer();
          // toBuffer() notices the limit only between pieces: when a piece ends exactly at the limit, it
          // returns the first maxFileBytes as if they were the whole file. The parser's own flag does not miss it.
          truncated = file.file.truncated;
        } catch (error) {
          if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw mapMultipartError(error);
          bytes = Buffer.alloc(0);
          truncated = true;
        }
        const titleField = file.fields.title as { value?: unknown } | undefined;
        const title = typeof titleField?.value === 'string' ? titleField.value.trim().slice(0, 200) : '';
        const fileName = (file.filename || 'document').slice(0, 200);
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

function mapMultipartError(error: unknown): AppError {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE')
    return new AppError('file_too_large', { fields: [fieldError('file', 'too_big')] });
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new AppError('bad_request', { detail: 'Send one file per request.' });
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('unsupported_media_type');
  return new AppError('bad_request', { detail: 'The multipart body could not be read.' });
}
