/**
 * The geo area's endpoints: the reference geography (provinces, counties, cities), the province
 * boundaries the map draws, and population imports (see platform/http/contract.ts).
 */
import { z } from 'zod';
import { provinceParams } from '#server/platform/http/fields';
import { areaContract, endpoint } from '#server/platform/http/contract';
import {
  citySchema,
  countySchema,
  importBody,
  importInvalidProblem,
  importResult,
  importSchema,
  provinceSchema,
} from './reference/schemas';

export const geoContract = areaContract('geo', {
  provinces: endpoint({
    method: 'GET',
    path: '/api/v1/geo/provinces',
    access: 'public',
    summary: 'The 31 provinces (public)',
    response: z.object({ items: z.array(provinceSchema) }),
  }),
  cities: endpoint({
    method: 'GET',
    path: '/api/v1/geo/provinces/:id/cities',
    access: 'public',
    summary: 'The cities of a province, the largest first, with location and population (public)',
    params: provinceParams,
    response: z.object({ items: z.array(citySchema) }),
  }),
  counties: endpoint({
    method: 'GET',
    path: '/api/v1/geo/provinces/:id/counties',
    access: 'public',
    summary: 'The counties of a province, the most populous first, located at their seat (public)',
    description:
      "Shipped county figures are an estimate (the province's 1395 census population split by GeoNames populations) until an official table is imported.",
    params: provinceParams,
    response: z.object({ items: z.array(countySchema) }),
    problems: ['not_found'],
  }),
  boundaries: endpoint({
    method: 'GET',
    path: '/api/v1/geo/boundaries/provinces',
    access: 'public',
    summary: "The 31 provinces' boundaries as GeoJSON (public; Natural Earth, public domain)",
    description:
      "A FeatureCollection of MultiPolygons in WGS 84 (lon, lat), each feature's `id` and `properties.id` the province id. Coordinates are rounded to 0.001° (about 100 m). The map draws these shapes; no tiles come from the internet.",
    response: z.null().meta({ description: 'application/geo+json: a FeatureCollection of MultiPolygons' }),
    produces: 'application/geo+json',
  }),
  importPopulation: endpoint({
    method: 'POST',
    path: '/api/v1/geo/population-imports',
    access: 'geo.population.import',
    summary:
      'Import a population table (CSV as JSON text) for provinces, counties or cities; all or nothing, audited (regulator)',
    description:
      'A valid table replaces the figures of the places it names (with its year and source `import:<id>`) in one transaction. ' +
      'Any problem answers 422 `population_import_invalid` with every error (`errors`: line, column, column name, code, Persian and English message) and changes nothing. ' +
      'Other levels are not rescaled: `warnings` lists provinces whose counties no longer sum to them and counties whose cities now exceed them.',
    body: importBody,
    status: 201,
    response: importResult,
    problems: ['payload_too_large'],
    problemBodies: { population_import_invalid: importInvalidProblem },
  }),
  populationImports: endpoint({
    method: 'GET',
    path: '/api/v1/geo/population-imports',
    access: 'geo.distribution.read',
    summary: 'Past population imports, newest first (national oversight and national inspectors)',
    response: z.object({ items: z.array(importSchema) }),
  }),
});
