import { z } from 'zod';
import type { AppContext } from '#server/platform/context';
import { SIGNED_IN, type Api } from '#server/platform/http/api';
import { localizedName } from '#server/platform/http/fields';
import { problems } from '#server/platform/http/problem-schema';
import { actorOf } from '#server/platform/http/session-hook';
import { overview } from './overview';

export function statsRoutes(app: Api, ctx: AppContext) {
  app.get(
    '/v1/stats/overview',
    {
      schema: {
        tags: ['stats'],
        summary: "Counts of offices, staff, citizens and pending messages within the caller's scope",
        security: SIGNED_IN,
        response: {
          200: z.object({
            offices: z.number().int(),
            staff: z.number().int(),
            citizens: z.number().int(),
            outboxPending: z.number().int(),
            scopeLabel: localizedName,
          }),
          ...problems(401, 403),
        },
      },
    },
    async (req) => overview(ctx, actorOf(req)),
  );
}
