import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Api } from '../../platform/http/api';
import { localizedName, queryInt } from '../../platform/http/fields';
import { listCourts } from './store';

const courtSchema = z.object({ id: z.number().int(), code: z.string(), name: localizedName, kind: z.string(), provinceId: z.number().int(), branches: z.number().int() });

export function courtRoutes(app: Api, ctx: AppContext) {
  app.get('/v1/courts', {
    schema: {
      tags: ['court'], summary: 'Courts, optionally of one province (public directory)',
      querystring: z.object({ provinceId: queryInt(1, 32_767).optional() }),
      response: { 200: z.object({ items: z.array(courtSchema) }) },
    },
  }, async (req) => ({ items: await listCourts(ctx.db, req.query.provinceId) }));
}
