/** The court area's routes (the court directory and the court desk): each endpoint of its contract, a use case called, its answer out. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { courtContract } from './contract';
import * as decisions from './decisions';
import * as desk from './service';

export function courtRoutes(app: Api, ctx: AppContext) {
  implement(app, courtContract, {
    courts: async ({ query }) => ({ items: await desk.listCourts(ctx.db, query.provinceId) }),
    queue: ({ actor, query }) => desk.listQueue(ctx, actor, query),
    filing: ({ actor, params }) => desk.getFiling(ctx, actor, params.id),
    async attachment({ actor, params }, req, reply) {
      const { attachment, bytes } = await desk.downloadAttachment(ctx, actor, params.id, params.attachmentId, req.log);
      return reply
        .type(attachment.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
    accept: ({ actor, params, body }) => decisions.acceptToCase(ctx, actor, params.id, body),
    return: ({ actor, params, body }) => decisions.returnToOffice(ctx, actor, params.id, body),
    cases: ({ actor, query }) => desk.listCases(ctx, actor, query),
    case: ({ actor, params }) => desk.getCase(ctx, actor, params.id),
  });
}
