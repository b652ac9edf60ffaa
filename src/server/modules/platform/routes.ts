/** Health, and the audit log's reader and verifier: each endpoint of the platform's contract calls its use case. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { platformContract } from './contract';
import { createAuditCheckpoint, databaseIsUp, listAuditEvents, verifyAudit } from './service';

export function platformRoutes(app: Api, ctx: AppContext) {
  implement(app, platformContract, {
    async health(_input, _req, reply) {
      const ok = await databaseIsUp(ctx);
      reply.code(ok ? 200 : 503);
      return {
        status: ok ? ('ok' as const) : ('degraded' as const),
        version: ctx.config.version,
        database: { kind: ctx.database.kind, ok },
      };
    },
    auditEvents: ({ actor, query }) => listAuditEvents(ctx, actor, query),
    verifyAudit: ({ actor }) => verifyAudit(ctx, actor),
    auditCheckpoint: async ({ actor }, _request, reply) => {
      const checkpoint = await createAuditCheckpoint(ctx, actor);
      reply.header('content-disposition', `attachment; filename="audit-checkpoint-${checkpoint.seq}.json"`);
      return checkpoint;
    },
  });
}
