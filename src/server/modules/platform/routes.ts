/** Health, and the audit log's reader and verifier. */
import { z } from 'zod';
import type { AppContext } from '#server/platform/context';
import { SIGNED_IN, SIGNED_IN_WRITE, type Api } from '#server/platform/http/api';
import { pageOf, paginationQuery } from '#server/platform/http/fields';
import { problems } from '#server/platform/http/problem-schema';
import { implement } from '#server/platform/http/implement';
import { actorOf } from '#server/platform/http/session-hook';
import { platformContract } from './contract';
import { createAuditCheckpoint, databaseIsUp, listAuditEvents, verifyAudit } from './service';

const tags = ['platform'];
const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean() }),
});

export function platformRoutes(app: Api, ctx: AppContext) {
  app.get(
    '/health',
    {
      schema: {
        tags,
        summary: 'Liveness and database status',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_req, reply) => {
      const ok = await databaseIsUp(ctx);
      return reply.code(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        version: ctx.config.version,
        database: { kind: ctx.database.kind, ok },
      });
    },
  );

  app.get(
    '/v1/audit/events',
    {
      schema: {
        tags,
        summary: 'The audit log, newest first',
        security: SIGNED_IN,
        querystring: z.object(paginationQuery),
        response: {
          200: pageOf(
            z.object({
              seq: z.number().int(),
              at: z.string(),
              action: z.string(),
              entityType: z.string(),
              entityId: z.string(),
              hash: z.string(),
              actor: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
            }),
          ),
          ...problems(401, 403),
        },
      },
    },
    async (req) => listAuditEvents(ctx, actorOf(req), req.query.page, req.query.pageSize),
  );

  app.post(
    '/v1/audit/verify',
    {
      schema: {
        tags,
        summary: 'Verify the audit hash chain and report the first broken link',
        security: SIGNED_IN_WRITE,
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number().int(),
            firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
          }),
          ...problems(401, 403),
        },
      },
    },
    async (req) => verifyAudit(ctx, actorOf(req)),
  );

  implement(app, platformContract, {
    auditCheckpoint: async ({ actor }, _request, reply) => {
      const checkpoint = await createAuditCheckpoint(ctx, actor);
      reply.header('content-disposition', `attachment; filename="audit-checkpoint-${checkpoint.seq}.json"`);
      return checkpoint;
    },
  });
}
