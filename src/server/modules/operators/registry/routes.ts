/** HTTP routes of the staff registry: each endpoint of its contract, parsed input in, a use case called, its answer out. */
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { fileStorage } from '#server/platform/storage/storage';
import { PHOTO_MEDIA_TYPES, photoContract, registryContract } from '#server/modules/operators/contract';
import * as registry from './service';

export function registryRoutes(app: Api, ctx: AppContext) {
  const storage = fileStorage(ctx.config);

  implement(app, registryContract, {
    staff: ({ actor, query }) => registry.listStaff(ctx, actor, query),
    staffRecord: ({ actor, params }) => registry.staffRecord(ctx, actor, params.id),
    ownRecord: ({ actor }) => registry.ownRecord(ctx, actor),
    updateProfile: ({ actor, params, body }) => registry.updateProfile(ctx, actor, params.id, body),
    async photo({ actor, params }, _req, reply) {
      const photo = await registry.photoOf(ctx, actor, params.id);
      const bytes = await storage.get(photo.key);
      if (!bytes) throw new AppError('not_found');
      return reply
        .type(photo.type)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-cache')
        .send(bytes);
    },
  });

  // The photo arrives as the raw image body (image/jpeg, image/png); its type is judged by content.
  implement(
    app,
    photoContract,
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
