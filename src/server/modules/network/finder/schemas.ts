/** The office finder's contract: what a citizen asks (a service and a place) and what they are told. */
import { z } from 'zod';
import { toLatinDigits } from '#core/persian-digits';
import { CHANNEL_POLICIES } from '#server/modules/catalog/values';
import { localizedName, queryInt } from '#server/platform/http/fields';

/** A decimal degree from the query string; Persian digits and the Persian decimal separator are accepted. */
const degrees = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(toLatinDigits(v).replace('٫', '.')) : v),
    z.number().min(min).max(max),
  );

const MAX_FINDER_LIMIT = 20;

export const finderQuery = z.object({
  service: z.string().trim().min(1).max(64).describe('A catalog service code, e.g. `petition`'),
  lat: degrees(-90, 90).optional().describe("The searcher's latitude (WGS 84); with `lon`"),
  lon: degrees(-180, 180).optional().describe("The searcher's longitude (WGS 84); with `lat`"),
  cityId: queryInt(1, 2_147_483_647)
    .optional()
    .describe('Search from this city (its coordinates); used when no lat/lon'),
  provinceId: queryInt(1, 32_767)
    .optional()
    .describe("Search from this province's capital; used when no lat/lon or city"),
  limit: queryInt(1, MAX_FINDER_LIMIT).default(5).describe('How many offices, 1–20'),
});
export type FinderQuery = z.infer<typeof finderQuery>;

const hhmm = z.string().describe('HH:MM, Tehran time');
const period = z.object({ day: z.number().int().describe('0 = Saturday … 6 = Friday'), opens: hhmm, closes: hhmm });

const finderOffice = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: localizedName,
    province: z.object({ id: z.number().int(), name: localizedName }),
    city: z.object({ id: z.number().int(), name: localizedName }),
    address: z.string(),
    phone: z.string().nullable(),
    location: z.object({ lat: z.number(), lon: z.number() }),
    distanceKm: z.number().describe('Great-circle distance from the searcher, one decimal'),
    openingHours: z.array(period).describe("The week's periods, Saturday first"),
    openNow: z.boolean(),
    closesAt: hhmm.nullable().describe('While open: when the current period ends'),
    nextOpening: z
      .object({ isoDay: z.string(), day: z.number().int(), opens: hhmm, daysAhead: z.number().int() })
      .nullable()
      .describe('While closed: the next opening (skipping official holidays), or null when the office keeps no hours'),
    quality: z
      .object({
        month: z
          .string()
          .describe(
            'The Jalali month the figure is of: the office’s latest with enough data in the six to the latest with data (docs/decisions/0076)',
          ),
        stars: z
          .number()
          .nullable()
          .describe('1–5 in halves from the quality score; null when no month of the six has enough data to say'),
        ratings: z.number().int().describe("Citizens' survey answers in the month"),
      })
      .describe("The office's quality as stars (docs/decisions/0063)"),
  })
  .meta({ id: 'FinderOffice' });

export const finderResponse = z
  .object({
    service: z.object({ code: z.string(), title: localizedName, channels: z.enum(CHANNEL_POLICIES) }),
    origin: z.object({
      lat: z.number(),
      lon: z.number(),
      kind: z.enum(['point', 'city', 'province']),
      name: localizedName.nullable().describe('The city or province searched from; null for a point'),
    }),
    onlineOnly: z
      .boolean()
      .describe('The service is only done online: no office offers it, `onlineUrl` is where to do it'),
    onlineUrl: z.string().nullable(),
    fee: z
      .object({ officeRials: z.number().int(), onlineRials: z.number().int().nullable() })
      .nullable()
      .describe(
        'The base fee in force today (Rials) at an office and, when the service is also online, online; null when no schedule prices it',
      ),
    asOf: z.string().describe('The instant the opening states were worked out for (ISO 8601)'),
    today: z.object({ isoDay: z.string(), day: z.number().int(), holiday: z.boolean() }).describe('Today in Tehran'),
    items: z.array(finderOffice),
  })
  .meta({ id: 'FinderResult' });
export type FinderResult = z.infer<typeof finderResponse>;
