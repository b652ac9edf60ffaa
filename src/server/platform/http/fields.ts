/**
 * Zod field types shared by every module's schemas (and by the web forms): Iranian identifiers
 * and Jalali dates normalised on the way in, each failure carrying a message code that the
 * problem mapper turns into Persian and English text.
 */
import { z } from 'zod';
import {
  isValidMobile,
  isValidNationalId,
  isValidSheba,
  normalizeMobile,
  normalizeNationalId,
  normalizeSheba,
} from '#core/identifiers';
import { formatJalaliIso, jalaliToIso, parseJalaliDate } from '#core/jalali';
import { toLatinDigits } from '#core/persian-digits';
import type { FieldMessageCode } from '#server/platform/errors/catalog';

const because = (messageCode: FieldMessageCode) => ({ params: { messageCode }, message: messageCode });

/** A record's id in a request body: ids are PostgreSQL integers, so one past their range is a field error, not a 500. */
export const idField = z.number().int().positive().max(2_147_483_647);

export const nationalIdField = z
  .string()
  .trim()
  .min(1)
  .refine(isValidNationalId, because('invalid_national_id'))
  .transform(normalizeNationalId)
  .meta({
    description: 'Iranian national ID (کد ملی), ten digits with a valid check digit; Persian digits accepted',
    example: '0499370899',
  });

export const mobileField = z
  .string()
  .trim()
  .min(1)
  .refine(isValidMobile, because('invalid_mobile'))
  .transform((v) => normalizeMobile(v) as string)
  .meta({
    description: 'Iranian mobile number; +98/0098/Persian digits accepted, normalised to 09xxxxxxxxx',
    example: '09121234567',
  });

export const shebaField = z
  .string()
  .trim()
  .min(1)
  .refine(isValidSheba, because('invalid_sheba'))
  .transform(normalizeSheba)
  .meta({ description: 'Sheba (Iranian IBAN), IR + 24 digits', example: 'IR820540102680020817909002' });

/** A Jalali calendar date as people type it; passes on `{ jalali, iso }`. */
export const jalaliDateField = z
  .string()
  .trim()
  .refine((v) => parseJalaliDate(v) !== null, because('invalid_jalali_date'))
  .transform((v) => {
    const j = parseJalaliDate(v)!;
    return { jalali: formatJalaliIso(j), iso: jalaliToIso(j) };
  })
  .meta({ description: 'Jalali date, 1403-05-01 or 1403/05/01, Latin or Persian digits', example: '1403-05-01' });

export const passwordField = z
  .string()
  .refine((v) => v.length >= 10 && /\p{L}/u.test(v) && /\d/.test(v), because('weak_password'))
  .refine((v) => v.length <= 200, because('too_long'));

export const usernameField = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => /^[a-z0-9][a-z0-9.-]{2,39}$/.test(v), because('invalid_username'));

/** Query-string integers, written in Latin or Persian digits. */
export const queryInt = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? Number(toLatinDigits(v)) : v), z.number().int().min(min).max(max));

/** A record's id in a path or query: a PostgreSQL integer (int4) in Latin or Persian digits; one past the range is a field error, not a 500. */
export const idParam = queryInt(1, 2_147_483_647);
/** A province's id in a path or query (a smallint). */
export const provinceIdParam = queryInt(1, 32_767);

/** Path parameters `{id}`. */
export const idParams = z.object({ id: idParam });
/** Path parameters `{id}` of a province. */
export const provinceParams = z.object({ id: provinceIdParam });
/** Path parameters `{id}/attachments/{attachmentId}`. */
export const attachmentParams = z.object({ id: idParam, attachmentId: idParam });

export const paginationQuery = {
  page: queryInt(1, 100_000).default(1),
  pageSize: queryInt(1, 200).default(25),
};

/** A paged list's order as the client asked for it: one of its sortable columns and a direction. */
export interface SortOrder<C extends string = string> {
  column: C;
  dir: 'asc' | 'desc';
}

/**
 * The `sort` query parameter of a paged list the server sorts: `<column>:asc` or `<column>:desc`,
 * over the columns the list allows (listed in the OpenAPI document); any other value is a field
 * error on `sort`. Parsed to `{ column, dir }`.
 */
export function sortQuery<const C extends string>(columns: readonly [C, ...C[]]) {
  const values = columns.flatMap((c) => [`${c}:asc` as const, `${c}:desc` as const]);
  return z
    .enum(values as [`${C}:${'asc' | 'desc'}`, ...`${C}:${'asc' | 'desc'}`[]])
    .transform((v): SortOrder<C> => {
      const at = v.lastIndexOf(':');
      return { column: v.slice(0, at) as C, dir: v.slice(at + 1) as 'asc' | 'desc' };
    })
    .optional()
    .meta({
      description: `The order of the whole list before paging: a column and a direction (${columns.join(', ')})`,
      example: `${columns[0]}:asc`,
    });
}

export const localizedName = z.object({ fa: z.string(), en: z.string() });

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
