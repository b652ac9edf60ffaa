import { z } from 'zod';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import { SIGNED_IN, SIGNED_IN_WRITE, type Api } from '#server/platform/http/api';
import { localizedName, queryInt } from '#server/platform/http/fields';
import { problemSchema, problems } from '#server/platform/http/problem-schema';
import { actorOf } from '#server/platform/http/session-hook';
import { provinceBoundaries } from './boundaries';
import { importPopulation, listPopulationImports } from './population-imports';
import { listCities, listCounties, listProvinces, provinceExists } from './service';

const tags = ['geo'];

/** 2 MB of CSV text (the JSON around it is small). */
const POPULATION_CSV_MAX_CHARS = 2 * 1024 * 1024;

const populationOrigin = {
  populationYear: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Year (Jalali) of the figure; null when unknown (GeoNames)' }),
  populationSource: z.string().nullable().meta({
    description:
      '`census-1395`, `estimate:census-1395-by-geonames` (counties until an official table is imported), `geonames`, or `import:<id>`',
  }),
};

const provinceSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: localizedName,
  population: z.number().int().nullable(),
  ...populationOrigin,
});

const citySchema = z.object({
  id: z.number().int(),
  name: localizedName,
  countyId: z.number().int().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  population: z.number().int().nullable(),
  ...populationOrigin,
});

const countySchema = z.object({
  id: z.number().int(),
  name: localizedName,
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  population: z.number().int().nullable(),
  ...populationOrigin,
});

const levelSchema = z.enum(['province', 'county', 'city']);

const importBody = z.object({
  level: levelSchema.meta({ description: 'Which places the table gives figures for' }),
  source: z
    .string()
    .trim()
    .min(2)
    .max(200)
    .meta({ description: 'Who published the figures', example: 'مرکز آمار ایران — سرشماری ۱۴۰۵' }),
  year: z.number().int().min(1300).max(1500).meta({ description: 'Jalali year of the figures', example: 1405 }),
  csv: z
    .string()
    .max(POPULATION_CSV_MAX_CHARS)
    .meta({
      description:
        'The CSV text, UTF-8 (a BOM is ignored), comma separated, quoted fields allowed, at most 5,000 data lines. ' +
        'Header (Persian or English names): province level `province` (also `province_code`, `province_id`, `استان`) and `population` (`جمعیت`); ' +
        'county level adds `county` (`شهرستان`); city level adds `city` (`شهر`) and optionally `county`. ' +
        'Places by id, code or Persian/English name within the province; figures in Latin or Persian digits, thousands separators allowed.',
      example: 'province_code,population\nTHR,14000000\nESF,5300000\n',
    }),
  fileName: z
    .string()
    .trim()
    .max(200)
    .optional()
    .meta({ description: "The uploaded file's name, kept with the import" }),
});

const importSchema = z.object({
  id: z.number().int(),
  level: levelSchema,
  source: z.string(),
  year: z.number().int(),
  fileName: z.string(),
  rowCount: z.number().int(),
  importedBy: z.number().int().nullable(),
  importedAt: z.string(),
});

const csvError = z.object({
  field: z.literal('csv'),
  line: z.number().int(),
  column: z.number().int().nullable(),
  columnName: z.string().nullable(),
  code: z.string(),
  message: localizedName,
  fa: z.string(),
  en: z.string(),
});

const importResult = z.object({
  import: importSchema,
  changes: z.array(
    z.object({
      id: z.number().int(),
      provinceId: z.number().int(),
      name: localizedName,
      before: z.number().int().nullable(),
      after: z.number().int(),
    }),
  ),
  warnings: z
    .array(
      z.object({
        code: z.enum(['counties_differ_from_province', 'cities_exceed_county']),
        level: z.enum(['province', 'county']),
        id: z.number().int(),
        name: localizedName,
        population: z.number().int(),
        partsPopulation: z.number().int(),
      }),
    )
    .meta({
      description:
        'Levels that now disagree. Figures of other levels are never rescaled: import the counties (or cities) too.',
    }),
});

/** The reference geography: provinces, counties, cities, the province boundaries the map draws, population imports. */
export function referenceRoutes(app: Api, ctx: AppContext) {
  app.get(
    '/v1/geo/provinces',
    {
      schema: {
        tags,
        summary: 'The 31 provinces (public)',
        response: { 200: z.object({ items: z.array(provinceSchema) }) },
      },
    },
    async () => ({ items: await listProvinces(ctx.db) }),
  );

  app.get(
    '/v1/geo/provinces/:id/cities',
    {
      schema: {
        tags,
        summary: 'The cities of a province, the largest first, with location and population (public)',
        params: z.object({ id: queryInt(1, 32_767) }),
        response: { 200: z.object({ items: z.array(citySchema) }) },
      },
    },
    async (req) => ({ items: await listCities(ctx.db, req.params.id) }),
  );

  app.get(
    '/v1/geo/provinces/:id/counties',
    {
      schema: {
        tags,
        summary: 'The counties of a province, the most populous first, located at their seat (public)',
        description:
          "Shipped county figures are an estimate (the province's 1395 census population split by GeoNames populations) until an official table is imported.",
        params: z.object({ id: queryInt(1, 32_767) }),
        response: { 200: z.object({ items: z.array(countySchema) }), ...problems(400, 404) },
      },
    },
    async (req) => {
      if (!(await provinceExists(ctx.db, req.params.id))) throw new AppError('not_found');
      return { items: await listCounties(ctx.db, req.params.id) };
    },
  );

  app.get(
    '/v1/geo/boundaries/provinces',
    {
      schema: {
        tags,
        summary: "The 31 provinces' boundaries as GeoJSON (public; Natural Earth, public domain)",
        description:
          "A FeatureCollection of MultiPolygons in WGS 84 (lon, lat), each feature's `id` and `properties.id` the province id. Coordinates are rounded to 0.001° (about 100 m). The map draws these shapes; no tiles come from the internet.",
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=86400');
      return reply.type('application/geo+json').send(provinceBoundaries());
    },
  );

  app.post(
    '/v1/geo/population-imports',
    {
      // The CSV may be up to 2 MB; JSON escaping can grow it, so the body limit leaves room.
      bodyLimit: 3 * POPULATION_CSV_MAX_CHARS,
      schema: {
        tags,
        summary:
          'Import a population table (CSV as JSON text) for provinces, counties or cities; all or nothing, audited (regulator)',
        description:
          'A valid table replaces the figures of the places it names (with its year and source `import:<id>`) in one transaction. ' +
          'Any problem answers 422 `population_import_invalid` with every error (`errors`: line, column, column name, code, Persian and English message) and changes nothing. ' +
          'Other levels are not rescaled: `warnings` lists provinces whose counties no longer sum to them and counties whose cities now exceed them.',
        security: SIGNED_IN_WRITE,
        body: importBody,
        response: {
          201: importResult,
          ...problems(400, 401, 403, 413),
          422: problemSchema.extend({ errors: z.array(csvError) }),
        },
      },
    },
    async (req, reply) => reply.code(201).send(await importPopulation(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/v1/geo/population-imports',
    {
      schema: {
        tags,
        summary: 'Past population imports, newest first (national oversight and national inspectors)',
        security: SIGNED_IN,
        response: { 200: z.object({ items: z.array(importSchema) }), ...problems(401, 403) },
      },
    },
    async (req) => ({ items: await listPopulationImports(ctx, actorOf(req)) }),
  );
}
