/** Request and response shapes of the reference geography (shared with the web). */
import { z } from 'zod';
import { localizedName } from '#server/platform/http/fields';
import { problemSchema } from '#server/platform/http/problem-schema';
import { PLACE_LEVELS } from '#server/modules/geo/values';

/** 2 MB of CSV text (the JSON around it is small). */
export const POPULATION_CSV_MAX_CHARS = 2 * 1024 * 1024;

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

export const provinceSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: localizedName,
  population: z.number().int().nullable(),
  ...populationOrigin,
});

export const citySchema = z.object({
  id: z.number().int(),
  name: localizedName,
  countyId: z.number().int().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  population: z.number().int().nullable(),
  ...populationOrigin,
});

export const countySchema = z.object({
  id: z.number().int(),
  name: localizedName,
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  population: z.number().int().nullable(),
  ...populationOrigin,
});

const levelSchema = z.enum(PLACE_LEVELS);

export const importBody = z.object({
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

export const importSchema = z.object({
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

export const importResult = z.object({
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

/** 422 population_import_invalid: every error of the table. */
export const importInvalidProblem = problemSchema.extend({ errors: z.array(csvError) });
