import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Api } from '../../platform/http/api';
import { localizedName } from '../../platform/http/fields';
import { listProvinces } from './store';

const provinceSchema = z.object({ id: z.number().int(), code: z.string(), name: localizedName, population: z.number().int().nullable() });

export function geoRoutes(app: Api, ctx: AppContext) {
  app.get('/v1/geo/provinces', {
    schema: { tags: ['geo'], summary: 'The 31 provinces (public)', response: { 200: z.object({ items: z.array(provinceSchema) }) } },
  }, async () => ({ items: await listProvinces(ctx.db) }));
}
