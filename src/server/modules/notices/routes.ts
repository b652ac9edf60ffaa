import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { SIGNED_IN, type Api } from '../../platform/http/api';
import { pageOf, paginationQuery } from '../../platform/http/fields';
import { problems } from '../../platform/http/problem-schema';
import { actorOf } from '../../platform/http/session-hook';
import { listOutbox } from './outbox';

const outboxMessage = z.object({
  id: z.number().int(), channel: z.enum(['sms', 'email']), recipient: z.string(), template: z.string(), body: z.string(),
  status: z.enum(['pending', 'sent', 'failed']), attempts: z.number().int(), lastError: z.string().nullable(),
  createdAt: z.string(), sentAt: z.string().nullable(),
}).meta({ id: 'OutboxMessage' });

export function noticeRoutes(app: Api, ctx: AppContext) {
  app.get('/v1/notifier/outbox', {
    schema: {
      tags: ['notices'], summary: 'Messages sent through the notifier (SMS outbox)', security: SIGNED_IN,
      querystring: z.object({ status: z.enum(['pending', 'sent', 'failed']).optional(), ...paginationQuery }),
      response: { 200: pageOf(outboxMessage), ...problems(400, 401, 403) },
    },
  }, async (req) => listOutbox(ctx, actorOf(req), req.query));
}
