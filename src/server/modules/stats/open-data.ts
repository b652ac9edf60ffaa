/**
 * The open data: services by province and Jalali month (and a province's offices), for anyone,
 * read from the monthly rollup, with small counts suppressed (docs/decisions/0048). Suppression is
 * worked out over the whole country month by month, so a cell is hidden alike in every file it
 * appears in (the nation's, its province's, the year's bulk download).
 */
import type { z } from 'zod';
import { sharePeriod } from '#core/channel-share';
import { csvDocument } from '#core/csv';
import {
  addJalaliMonths,
  jalaliMonthOfIso,
  jalaliMonthStartIso,
  jalaliMonthsBetween,
  tehranIsoDate,
  type JalaliMonth,
} from '#core/jalali';
import { SMALL_COUNT_THRESHOLD, suppressedCells, type SumLine } from '#core/small-counts';
import type { AppContext } from '#server/platform/context';
import { invalidField } from '#server/platform/errors/app-error';
import type { openDataQuery, openDataRowSchema, openDataSchema } from './schemas';
import * as store from './store';
import { OPEN_DATA_COLUMNS } from './values';

type Query = z.infer<typeof openDataQuery>;
type Row = z.infer<typeof openDataRowSchema>;
type OpenData = z.infer<typeof openDataSchema>;

/** The licence every open-data file carries. */
export const OPEN_DATA_LICENCE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: {
    fa: 'آمار باز دفاتر خدمات الکترونیک قضایی (دفتر) — با ذکر منبع آزادانه استفاده کنید.',
    en: 'Open statistics of the judicial electronic services offices (Daftar) — free to use with attribution.',
  },
};
/** The web page that describes every column. */
const OPEN_DATA_DICTIONARY = '/open-data';

const TITLE = {
  fa: 'خدمات دفاتر خدمات الکترونیک قضایی به تفکیک استان و ماه',
  en: 'Services of the judicial electronic services offices by province and month',
};

/** Every cell of the months, suppressed where it must be, province rows before their offices'. */
async function openRows(ctx: AppContext, months: JalaliMonth[]): Promise<Row[]> {
  const [provinces, offices, volume] = await Promise.all([
    store.allProvinces(ctx.db),
    store.registeredOffices(ctx.db),
    store.openVolume(ctx.db, jalaliMonthStartIso(months[0]), jalaliMonthStartIso(months[months.length - 1])),
  ]);
  const officesOf = new Map<number, typeof offices>(provinces.map((p) => [p.id, []]));
  for (const o of offices) officesOf.get(o.provinceId)?.push(o);

  const byMonth = new Map<JalaliMonth, typeof volume>(months.map((m) => [m, []]));
  for (const v of volume) byMonth.get(jalaliMonthOfIso(v.month))?.push(v);

  const rows: Row[] = [];
  for (const month of months) {
    const values = new Map<string, number>();
    const add = (key: string, n: number) => values.set(key, (values.get(key) ?? 0) + n);
    for (const p of provinces) {
      add(`p${p.id}:office`, 0);
      add(`p${p.id}:online`, 0);
      for (const o of officesOf.get(p.id)!) add(`o${o.id}`, 0);
    }
    for (const v of byMonth.get(month)!) {
      if (v.channel === 'online') add(`p${v.provinceId}:online`, v.records);
      else {
        add(`p${v.provinceId}:office`, v.records);
        add(`o${v.officeId}`, v.records);
      }
    }
    // A province's count at offices is the sum of its offices' — the one sum both files show.
    const lines: SumLine[] = provinces.map((p) => ({
      total: `p${p.id}:office`,
      parts: officesOf.get(p.id)!.map((o) => `o${o.id}`),
    }));
    const hidden = suppressedCells(values, lines);
    const cell = (key: string) =>
      hidden.has(key) ? { services: null, suppressed: true } : { services: values.get(key) ?? 0, suppressed: false };

    for (const p of provinces) {
      const province = { fa: p.nameFa, en: p.nameEn };
      const base = { month, provinceId: p.id, province, officeCode: null, office: null };
      rows.push({ ...base, level: 'province', channel: 'office', ...cell(`p${p.id}:office`) });
      rows.push({ ...base, level: 'province', channel: 'online', ...cell(`p${p.id}:online`) });
      for (const o of officesOf.get(p.id)!)
        rows.push({
          month,
          level: 'office',
          provinceId: p.id,
          province,
          officeCode: o.code,
          office: { fa: o.nameFa, en: o.nameEn },
          channel: 'office',
          ...cell(`o${o.id}`),
        });
    }
  }
  return rows;
}

/** The months asked for; without any, the twelve up to the last complete month. */
export function openMonths(ctx: AppContext, query: Query): JalaliMonth[] {
  const lastComplete = addJalaliMonths(jalaliMonthOfIso(tehranIsoDate(ctx.clock.now())), -1);
  const period = sharePeriod({ fromMonth: query.fromMonth, toMonth: query.toMonth }, lastComplete);
  if (!period.ok) throw invalidField(period.field, period.problem);
  return period.months;
}

/** The open data asked for: the nation's provinces, or one province with its offices. */
export async function openServices(ctx: AppContext, query: Query): Promise<OpenData> {
  const months = openMonths(ctx, query);
  if (query.provinceId != null && !(await store.provinceById(ctx.db, query.provinceId)))
    throw invalidField('provinceId', 'unknown_province');
  const all = await openRows(ctx, months);
  const rows =
    query.provinceId == null
      ? all.filter((r) => r.level === 'province')
      : all.filter((r) => r.provinceId === query.provinceId);
  return {
    title: TITLE,
    licence: OPEN_DATA_LICENCE,
    dictionary: OPEN_DATA_DICTIONARY,
    threshold: SMALL_COUNT_THRESHOLD,
    months,
    rows,
  };
}

/** A whole Jalali year (up to the last complete month when it is this year), every province and office. */
export async function openYear(ctx: AppContext, year: number): Promise<OpenData> {
  const lastComplete = addJalaliMonths(jalaliMonthOfIso(tehranIsoDate(ctx.clock.now())), -1);
  const first = `${year}-01`;
  const last = `${year}-12` < lastComplete ? `${year}-12` : lastComplete;
  if (first > lastComplete) throw invalidField('year', 'open_data_year_not_begun');
  const months = jalaliMonthsBetween(first, last);
  return {
    title: TITLE,
    licence: OPEN_DATA_LICENCE,
    dictionary: OPEN_DATA_DICTIONARY,
    threshold: SMALL_COUNT_THRESHOLD,
    months,
    rows: await openRows(ctx, months),
  };
}

/** The open data as CSV: one line per cell, a suppressed count left empty with `suppressed` 1. */
export function openDataCsv(data: OpenData): string {
  return csvDocument(
    OPEN_DATA_COLUMNS,
    data.rows.map((r) => [
      r.month,
      r.level,
      r.provinceId,
      r.province.fa,
      r.province.en,
      r.officeCode,
      r.office?.fa,
      r.office?.en,
      r.channel,
      r.services,
      r.suppressed,
    ]),
  );
}

/** A file name saying what the file holds: `daftar-services-1404-01-1404-12[-province-8].csv`. */
export function openDataFileName(data: OpenData, provinceId?: number): string {
  const span = `${data.months[0]}-${data.months[data.months.length - 1]}`;
  return `daftar-services-${span}${provinceId == null ? '' : `-province-${provinceId}`}.csv`;
}
