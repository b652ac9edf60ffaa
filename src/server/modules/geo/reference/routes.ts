/** The reference geography's routes: each endpoint of the geo contract, parsed input in, a use case called, its answer out. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { geoContract } from '../contract';
import { provinceBoundaries } from './boundaries';
import { importPopulation, listPopulationImports } from './population-imports';
import { POPULATION_CSV_MAX_CHARS } from './schemas';
import { listCities, listCounties, listProvinces } from './service';

/** The reference geography: provinces, counties, cities, the province boundaries the map draws, population imports. */
export function referenceRoutes(app: Api, ctx: AppContext) {
  implement(
    app,
    geoContract,
    {
      provinces: async () => ({ items: await listProvinces(ctx.db) }),
      cities: async ({ params }) => ({ items: await listCities(ctx.db, params.id) }),
      counties: async ({ params }) => ({ items: await listCounties(ctx.db, params.id) }),
      boundaries: (_input, _req, reply) =>
        reply.header('cache-control', 'public, max-age=86400').type('application/geo+json').send(provinceBoundaries()),
      importPopulation: ({ actor, body }) => importPopulation(ctx, actor, body),
      populationImports: async ({ actor }) => ({ items: await listPopulationImports(ctx, actor) }),
    },
    // The CSV may be up to 2 MB; JSON escaping can grow it, so the body limit leaves room.
    { bodyLimit: 3 * POPULATION_CSV_MAX_CHARS },
  );
}
