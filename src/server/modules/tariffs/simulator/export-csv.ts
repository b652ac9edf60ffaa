/**
 * A saved simulation as CSV (core/csv.ts: byte-order mark, RFC 4180, CRLF), one row per office,
 * province or service, headers in Persian and English, numbers in plain Latin digits without
 * grouping so the file stays machine readable.
 */
import type { z } from 'zod';
import { csvDocument } from '#core/csv';
import type { simulationResultSchema } from '#server/modules/tariffs/schemas';

export type SimulationResult = z.infer<typeof simulationResultSchema>;
export const CSV_LEVELS = ['office', 'province', 'service'] as const;
export type CsvLevel = (typeof CSV_LEVELS)[number];

const h = (fa: string, en: string) => `${fa} / ${en}`;

function table(
  result: SimulationResult,
  level: CsvLevel,
): { header: string[]; rows: (string | number | boolean | null)[][] } {
  const provinceName = new Map(result.provinces.map((p) => [p.provinceId, p.name]));
  switch (level) {
    case 'office':
      return {
        header: [
          h('کد استان', 'Province ID'),
          h('استان', 'Province'),
          h('شماره دفتر', 'Office number'),
          h('نام دفتر', 'Office name'),
          h('تعداد خدمات', 'Records'),
          h('درآمد پیش از بازنگری (ریال)', 'Revenue before (IRR)'),
          h('درآمد پس از بازنگری (ریال)', 'Revenue after (IRR)'),
          h('تغییر درآمد (ریال)', 'Revenue change (IRR)'),
          h('هزینهٔ دوره، نقطهٔ سربه‌سر (ریال)', 'Period cost, break-even (IRR)'),
          h('کارکنان', 'Operators'),
          h('سربه‌سر پیش از (۱ = بله)', 'Viable before (1 = yes)'),
          h('سربه‌سر پس از (۱ = بله)', 'Viable after (1 = yes)'),
        ],
        rows: result.offices.map((o) => [
          o.provinceId,
          provinceName.get(o.provinceId)?.fa ?? '',
          o.officeNumber,
          o.name,
          o.records,
          o.revenueBeforeRials,
          o.revenueAfterRials,
          o.revenueChangeRials,
          o.costRials,
          o.operators,
          o.viableBefore,
          o.viableAfter,
        ]),
      };
    case 'province':
      return {
        header: [
          h('کد استان', 'Province ID'),
          h('استان', 'Province'),
          h('دفاتر', 'Offices'),
          h('تعداد خدمات', 'Records'),
          h('هزینهٔ مردم پیش از (ریال)', "Citizens' cost before (IRR)"),
          h('هزینهٔ مردم پس از (ریال)', "Citizens' cost after (IRR)"),
          h('تغییر هزینهٔ مردم (ریال)', "Citizens' cost change (IRR)"),
          h('درآمد دفاتر پیش از (ریال)', "Offices' revenue before (IRR)"),
          h('درآمد دفاتر پس از (ریال)', "Offices' revenue after (IRR)"),
          h('تغییر درآمد دفاتر (ریال)', "Offices' revenue change (IRR)"),
          h('دفاتر زیر نقطهٔ سربه‌سر پیش از', 'Offices below break-even before'),
          h('دفاتر زیر نقطهٔ سربه‌سر پس از', 'Offices below break-even after'),
        ],
        rows: result.provinces.map((p) => [
          p.provinceId,
          p.name.fa,
          p.offices,
          p.records,
          p.citizenCostBeforeRials,
          p.citizenCostAfterRials,
          p.citizenCostAfterRials - p.citizenCostBeforeRials,
          p.officeRevenueBeforeRials,
          p.officeRevenueAfterRials,
          p.officeRevenueAfterRials - p.officeRevenueBeforeRials,
          p.belowBreakEvenBefore,
          p.belowBreakEvenAfter,
        ]),
      };
    case 'service':
      return {
        header: [
          h('کد خدمت', 'Service code'),
          h('خدمت', 'Service'),
          h('عنوان انگلیسی', 'Service (English)'),
          h('تعداد خدمات', 'Records'),
          h('در دفتر', 'At an office'),
          h('برخط', 'Online'),
          h('تعرفهٔ واحد پیش از (ریال)', 'Unit fee before (IRR)'),
          h('تعرفهٔ واحد پس از (ریال)', 'Unit fee after (IRR)'),
          h('هزینهٔ مردم پیش از (ریال)', "Citizens' cost before (IRR)"),
          h('هزینهٔ مردم پس از (ریال)', "Citizens' cost after (IRR)"),
          h('تغییر هزینهٔ مردم (ریال)', "Citizens' cost change (IRR)"),
          h('درصد تغییر', 'Change (%)'),
        ],
        rows: result.services.map((s) => [
          s.service,
          s.titleFa,
          s.titleEn,
          s.records,
          s.officeRecords,
          s.onlineRecords,
          s.unitBeforeRials,
          s.unitAfterRials,
          s.citizenCostBeforeRials,
          s.citizenCostAfterRials,
          s.citizenCostChangeRials,
          s.changePercent == null ? null : Math.round(s.changePercent * 100) / 100,
        ]),
      };
  }
}

/** The whole file, byte-order mark included. */
export function simulationCsv(result: SimulationResult, level: CsvLevel): string {
  const { header, rows } = table(result, level);
  return csvDocument(header, rows);
}

export function csvFileName(id: number, level: CsvLevel): string {
  return `simulation-${id}-${level}.csv`;
}
