import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import type { Api } from '../../../platform/http/api';
import { localizedName, queryInt } from '../../../platform/http/fields';
import { provinceBoundaries } from './boundaries';
import { listCities, listProvinces } from './store';

const tags = ['geo'];

const provinceSchema = z.object({ id: z.number().int(), code: z.string(), name: localizedName, population: z.number().int().nullable() });

const citySchema = z.object({ id: z.number().int(), name: localizedName, countyId: z.number().int().nullable() });

/** The reference geography: provinces, counties, cities, the province boundaries the map draws, population imports. */
export function referenceRoutes(app: Api, ctx: AppContext) {
  app.get('/v1/geo/provinces', {
    schema: { tags, summary: 'The 31 provinces (public)', response: { 200: z.object({ items: z.array(provinceSchema) }) } },
  }, async () => ({ items: await listProvinces(ctx.db) }));

  app.get('/v1/geo/provinces/:id/cities', {
    schema: {
      tags, summary: 'The cities of a province (public)', params: z.object({ id: queryInt(1, 32_767) }),
      response: { 200: z.object({ items: z.array(citySchema) }) },
    },
  }, async (req) => ({ items: await listCities(ctx.db, req.params.id) }));

  app.get('/v1/geo/boundaries/provinces', {
    schema: {
      tags, summary: 'The 31 provinces\' boundaries as GeoJSON (public; Natural Earth, public domain)',
      description: 'A FeatureCollection of MultiPolygons in WGS 84 (lon, lat), each feature\'s `id` and `properties.id` the province id. Coordinates are rounded to 0.001° (about 100 m). The map draws these shapes; no tiles come from the internet.',
    },
  }, async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=86400');
    return reply.type('application/geo+json').send(provinceBoundaries());
  });
}
