/**
 * The open data of notices: every province's notices per Jalali month — copies issued, opened at
 * an office, opened online, not opened yet, and the mean hours from issue to opening — for anyone,
 * read from the notices rollup, with small counts suppressed as the services' are
 * (docs/decisions/0048): a count from 1 to 4 is hidden, and so is the smallest other part of the
 * province's issued copies when the total would give it away; the mean delay is published only
 * over at least as many opened copies as the threshold.
 */
import type { z } from 'zod';
import { csvDocument } from '#core/csv';
import { jalaliMonthOfIso, jalaliMonthStartIso, type JalaliMonth } from '#core/jalali';
import { SMALL_COUNT_THRESHOLD, suppressedCells } from '#core/small-counts';
import type { AppContext } from '#server/platform/context';
import { invalidField } from '#server/platform/errors/app-error';
import { OPEN_DATA_LICENCE, openMonths } from './open-data';
import type { openDataQuery, openNoticesSchema } from './schemas';
import * as store from './store';
import { OPEN_NOTICE_COLUMNS, OPEN_NOTICE_MEASURES } from './values';

type OpenNotices = z.infer<typeof openNoticesSchema>;
type Measure = (typeof OPEN_NOTICE_MEASURES)[number];

const TITLE = {
  fa: 'ابلاغیه‌های الکترونیک به تفکیک استان و ماه صدور',
  en: 'Electronic notices by province and month of issue',
};

export async function openNotices(ctx: AppContext, query: z.infer<typeof openDataQuery>): Promise<OpenNotices> {
  const months = openMonths(ctx, query);
  if (query.provinceId != null && !(await store.provinceById(ctx.db, query.provinceId)))
    throw invalidField('provinceId', 'unknown_province');
  const [provinces, counts] = await Promise.all([
    store.allProvinces(ctx.db),
    store.openNoticeCounts(ctx.db, jalaliMonthStartIso(months[0]), jalaliMonthStartIso(months[months.length - 1])),
  ]);
  const found = new Map(counts.map((c) => [`${jalaliMonthOfIso(c.month)}:${c.provinceId}`, c]));
  const rows: OpenNotices['rows'] = [];
  for (const month of months as JalaliMonth[]) {
    for (const p of provinces) {
      if (query.provinceId != null && p.id !== query.provinceId) continue;
      const c = found.get(`${month}:${p.id}`);
      const opened = (c?.openedAtOffice ?? 0) + (c?.openedOnline ?? 0);
      const values = new Map<string, number>([
        ['issued', c?.issued ?? 0],
        ['opened_at_office', c?.openedAtOffice ?? 0],
        ['opened_online', c?.openedOnline ?? 0],
        ['unopened', (c?.issued ?? 0) - opened],
      ]);
      const hidden = suppressedCells(values, [
        { total: 'issued', parts: ['opened_at_office', 'opened_online', 'unopened'] },
      ]);
      const province = { fa: p.nameFa, en: p.nameEn };
      for (const measure of OPEN_NOTICE_MEASURES) {
        let value: number | null;
        let suppressed: boolean;
        if (measure === 'mean_delay_hours') {
          suppressed = opened > 0 && opened < SMALL_COUNT_THRESHOLD;
          value =
            suppressed || opened === 0 || !c
              ? null
              : Math.round(((c.officeDelayHours + c.onlineDelayHours) / opened) * 10) / 10;
        } else {
          suppressed = hidden.has(measure);
          value = suppressed ? null : values.get(measure)!;
        }
        rows.push({ month, provinceId: p.id, province, measure: measure as Measure, value, suppressed });
      }
    }
  }
  return {
    title: TITLE,
    licence: OPEN_DATA_LICENCE,
    dictionary: '/open-data',
    threshold: SMALL_COUNT_THRESHOLD,
    months,
    rows,
  };
}

/** The open notices data as CSV: one line per province, month and measure; a suppressed value empty. */
export function openNoticesCsv(data: OpenNotices): string {
  return csvDocument(
    OPEN_NOTICE_COLUMNS,
    data.rows.map((r) => [r.month, r.provinceId, r.province.fa, r.province.en, r.measure, r.value, r.suppressed]),
  );
}
