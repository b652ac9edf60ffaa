/** HTTP routes of the court area: the court directory and the court desk. Parse, call, map. */
import { z } from 'zod';
import type { AppContext } from '#server/platform/context';
import { SIGNED_IN, SIGNED_IN_WRITE, type Api } from '#server/platform/http/api';
import { localizedName, queryInt } from '#server/platform/http/fields';
import { problems } from '#server/platform/http/problem-schema';
import { actorOf } from '#server/platform/http/session-hook';
import {
  acceptBody,
  acceptResponse,
  attachmentParams,
  caseDetailSchema,
  casesPage,
  casesQuery,
  courtFilingSchema,
  idParams,
  queuePage,
  queueQuery,
  returnBody,
  returnResponse,
} from './schemas';
import * as desk from './service';
import { listCourts } from './service';
import * as decisions from './decisions';

const courtSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: localizedName,
  kind: z.string(),
  provinceId: z.number().int(),
  branches: z.number().int(),
});
const tags = ['court'];

export function courtRoutes(app: Api, ctx: AppContext) {
  app.get(
    '/v1/courts',
    {
      schema: {
        tags,
        summary: 'Courts, optionally of one province (public directory)',
        querystring: z.object({ provinceId: queryInt(1, 32_767).optional() }),
        response: { 200: z.object({ items: z.array(courtSchema) }) },
      },
    },
    async (req) => ({ items: await listCourts(ctx.db, req.query.provinceId) }),
  );

  app.get(
    '/v1/court/filings',
    {
      schema: {
        tags,
        summary: "The court desk queue: submitted filings of the clerk's court, oldest submission first",
        security: SIGNED_IN,
        querystring: queueQuery,
        response: { 200: queuePage, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => desk.listQueue(ctx, actorOf(req), req.query),
  );

  app.get(
    '/v1/court/filings/:id',
    {
      schema: {
        tags,
        summary: "A filing that reached the clerk's court, with parties, claims and attachments",
        security: SIGNED_IN,
        params: idParams,
        response: { 200: courtFilingSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => desk.getFiling(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/v1/court/filings/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: "Download an attachment of a filing that reached the clerk's court",
        security: SIGNED_IN,
        params: attachmentParams,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: {
          200: z.any().meta({
            description:
              "The document's bytes, checked against their recorded SHA-256 (500 file_integrity_failed when they no longer match)",
          }),
          ...problems(400, 401, 403, 404, 500),
        },
      },
    },
    async (req, reply) => {
      const { attachment, bytes } = await desk.downloadAttachment(
        ctx,
        actorOf(req),
        req.params.id,
        req.params.attachmentId,
        req.log,
      );
      return reply
        .type(attachment.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );

  app.post(
    '/v1/court/filings/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept a submitted filing: open a case with a number in a branch',
        security: SIGNED_IN_WRITE,
        params: idParams,
        body: acceptBody,
        response: { 201: acceptResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await decisions.acceptToCase(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/v1/court/filings/:id/return',
    {
      schema: {
        tags,
        summary: 'Return a submitted filing to the office with reasons',
        security: SIGNED_IN_WRITE,
        params: idParams,
        body: returnBody,
        response: { 200: returnResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => decisions.returnToOffice(ctx, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/v1/court/cases',
    {
      schema: {
        tags,
        summary: "Cases of the clerk's or judge's court, newest first",
        security: SIGNED_IN,
        querystring: casesQuery,
        response: { 200: casesPage, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => desk.listCases(ctx, actorOf(req), req.query),
  );

  app.get(
    '/v1/court/cases/:id',
    {
      schema: {
        tags,
        summary: "A case of the court with its parties and notices (and each party's delivery)",
        security: SIGNED_IN,
        params: idParams,
        response: { 200: caseDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => desk.getCase(ctx, actorOf(req), req.params.id),
  );
}
