/** HTTP routes of the consultation area, from its contract: parse, call the use case, map. Nothing else; and a video session's call (call.ts). */
import type { z } from 'zod';
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { consultationContract } from './contract';
import type { bookedSchema } from './schemas';
import { callIceServers, registerCall } from './call';
import * as consultation from './service';

export function consultationRoutes(app: Api, ctx: AppContext) {
  implement(app, consultationContract, {
    consultants: ({ query }) => consultation.listBookable(ctx, query),
    slots: ({ params, query }) => consultation.slots(ctx, params.id, query),
    registry: ({ actor, query }) => consultation.registry(ctx, actor, query),
    register: ({ actor, body }) => consultation.register(ctx, actor, body),
    update: ({ actor, params, body }) => consultation.update(ctx, actor, params.id, body),
    setSittings: ({ actor, params, body }) => consultation.setSittings(ctx, actor, params.id, body),
    me: ({ actor }) => consultation.me(ctx, actor),
    feeRanges: ({ actor }) => consultation.listFeeRanges(ctx, actor),
    setFeeRange: ({ actor, params, body }) => consultation.setFeeRange(ctx, actor, params.id, body),
    async book({ actor, body, headers }, _req, reply) {
      const answer = await consultation.book(ctx, actor, body, headers['idempotency-key']);
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      reply.code(answer.status);
      return answer.body as z.infer<typeof bookedSchema>;
    },
    mine: ({ actor }) => consultation.mine(ctx, actor),
    cancel: ({ actor, params }) => consultation.cancel(ctx, actor, params.id),
    reschedule: ({ actor, params, body }) => consultation.reschedule(ctx, actor, params.id, body),
    day: ({ actor, query }) => consultation.day(ctx, actor, query),
    note: ({ actor, params, body }) => consultation.writeNote(ctx, actor, params.id, body),
    iceServers: ({ actor, params }) => callIceServers(ctx, actor, params.id),
    attendance: ({ actor, params, body }) => consultation.attendance(ctx, actor, params.id, body),
    rate: ({ actor, params, body }) => consultation.rate(ctx, actor, params.id, body),
  });
  registerCall(app, ctx);
}
