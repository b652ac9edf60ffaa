import { and, asc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Api } from '../../platform/http/api';
import { localizedName, queryInt } from '../../platform/http/fields';
import { courts } from './tables';

const courtSchema = z.object({ id: z.number().int(), code: z.string(), name: localizedName, kind: z.string(), provinceId: z.number().int(), branches: z.number().int() });

export function courtRoutes(app: Api, ctx: AppContext) {
  app.get('/v1/courts', {
    schema: {
      tags: ['court'], summary: 'Courts, optionally of one province (public directory)',
      querystring: z.object({ provinceId: queryInt(1, 32_767).optional() }),
      response: { 200: z.object({ items: z.array(courtSchema) }) },
    },
  }, async (req) => {
    const where: SQL | undefined = req.query.provinceId ? eq(courts.provinceId, req.query.provinceId) : undefined;
    const rows = await ctx.db.select().from(courts).where(and(where)).orderBy(asc(courts.id)).limit(1000);
    return { items: rows.map((c) => ({ id: c.id, code: c.code, name: { fa: c.nameFa, en: c.nameEn }, kind: c.kind, provinceId: c.provinceId, branches: c.branches })) };
  });
}
