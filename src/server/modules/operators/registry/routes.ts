/** HTTP routes of the staff registry: parse, call the use case, map. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import { SIGNED_IN, SIGNED_IN_WRITE, type Api } from '#server/platform/http/api';
import { problems } from '#server/platform/http/problem-schema';
import { actorOf } from '#server/platform/http/session-hook';
import { fileStorage } from '#server/platform/storage/storage';
import { idParams, profileBody, staffPage, staffRecordSchema, staffRegistryQuery } from './schemas';
import * as registry from './service';
import { implement } from '#server/platform/http/implement';
import { operatorsContract, PHOTO_MEDIA_TYPES } from '#server/modules/operators/contract';

const tags = ['operators'];

export function registryRoutes(app: Api, ctx: AppContext) {
  const storage = fileStorage(ctx.config);

  app.get(
    '/v1/staff',
    {
      schema: {
        tags,
        summary:
          "The staff registry: office staff within the caller's scope, by name, national ID or username, office, province, role, licence and insurance standing; ordered by last name",
        security: SIGNED_IN,
        querystring: staffRegistryQuery,
        response: { 200: staffPage, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => registry.listStaff(ctx, actorOf(req), req.query),
  );

  app.get(
    '/v1/staff/:id',
    {
      schema: {
        tags,
        summary:
          "A staff member's record: profile, roles, offices, contracts, insurance, licences, training standing and history",
        security: SIGNED_IN,
        params: idParams,
        response: { 200: staffRecordSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => registry.staffRecord(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/v1/me/staff-record',
    {
      schema: {
        tags,
        summary: "The signed-in staff member's own record",
        security: SIGNED_IN,
        response: { 200: staffRecordSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => registry.ownRecord(ctx, actorOf(req)),
  );

  app.put(
    '/v1/staff/:id/profile',
    {
      schema: {
        tags,
        summary: "Set a staff member's education and insurance number (the manager of an office they work at)",
        security: SIGNED_IN_WRITE,
        params: idParams,
        body: profileBody,
        response: { 200: staffRecordSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => registry.updateProfile(ctx, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/v1/staff/:id/photo',
    {
      schema: {
        tags,
        summary: "A staff member's photo (JPEG or PNG)",
        security: SIGNED_IN,
        params: idParams,
        response: { 200: z.any().meta({ description: 'image/jpeg or image/png' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const photo = await registry.photoOf(ctx, actorOf(req), req.params.id);
      const bytes = await storage.get(photo.key);
      if (!bytes) throw new AppError('not_found');
      return reply
        .type(photo.type)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-cache')
        .send(bytes);
    },
  );

  // The photo arrives as the raw image body (image/jpeg, image/png); its type is judged by content.
  implement(
    app,
    operatorsContract,
    {
      async uploadPhoto({ actor, params }, req) {
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        return registry.setPhoto(ctx, actor, params.id, { bytes, truncated: false }, storage);
      },
    },
    {
      setup(scope) {
        for (const type of PHOTO_MEDIA_TYPES) {
          scope.addContentTypeParser(
            type,
            { parseAs: 'buffer', bodyLimit: registry.PHOTO_MAX_BYTES },
            (_req: FastifyRequest, body: Buffer, done) => done(null, body),
          );
        }
      },
    },
  );
}
