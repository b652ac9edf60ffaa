import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Api } from '../../platform/http/api';
import { localizedName, queryInt } from '../../platform/http/fields';
import { listCities, listProvinces } from './store';

const provinceSchema = z.object({ id: z.number().int(), code: z.string(), name: localizedName, population: z.number().int().nullable() });

const citySchema = z.object({ id: z.number().int(), name: localizedName, countyId: z.number().int().nullable() });

export function geoRoutes(app: Api, ctx: AppContext) {
  app.get('/v1/geo/provinces', {
    schema: { tags: ['geo'], summary: 'The 31 provinces (public)', response: { 200: z.object({ items: z.array(provinceSchema) }) } },
  }, async () => ({ items: await listProvinces(ctx.db) }));

  app.get('/v1/geo/provinces/:id/cities', {
    schema: {
      tags: ['geo'], summary: 'The cities of a province (public)', params: z.object({ id: queryInt(1, 32_767) }),
      response: { 200: z.object({ items: z.array(citySchema) }) },
    },
  }, async (req) => ({ items: await listCities(ctx.db, req.params.id) }));
}
