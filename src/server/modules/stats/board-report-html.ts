/**
 * The board's monthly report as a printable page: Persian, right to left, Vazirmatn embedded, A4.
 * The national figures of the month (services, filings, notices) beside the month before, then
 * each province's. The PDF is
 * this very page printed by Chromium (platform/pdf/printer.ts).
 */
import { formatJalali, formatJalaliMonth } from '#core/jalali';
import { formatRials } from '#core/money';
import { formatPersianNumber } from '#core/persian-digits';
import { changePercent } from '#core/stats-dashboard';
import { vazirmatnFontFaces } from '#server/platform/pdf/fonts';
import type { BoardFigures, MonthFigures } from './board-report';

export function esc(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
export const num = (n: number) => esc(formatPersianNumber(n));
export const rials = (n: number) => esc(formatRials(n, 'fa'));
/** A change in percent; its sign stays with its number in right-to-left text. */
export const pct = (p: number | null) =>
  p == null
    ? '—'
    : `<bdi dir="ltr">${p > 0 ? '+' : p < 0 ? '−' : ''}${esc(new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 1 }).format(Math.abs(p)))}٪</bdi>`;

const services = (f: MonthFigures) => f.office + f.online;

/** The rows of the national table: what is counted, this month, the month before, the change. */
export const ROWS: {
  label: string;
  value: (f: MonthFigures) => number | undefined;
  money?: boolean;
  hours?: boolean;
}[] = [
  { label: 'خدمات (همه)', value: services },
  { label: 'خدمات در دفاتر', value: (f) => f.office },
  { label: 'خدمات برخط', value: (f) => f.online },
  { label: 'مبلغ خدمات (ریال)', value: (f) => f.amountRials, money: true },
  { label: 'دادخواست‌ها و لوایح ثبت‌شده', value: (f) => f.filingsSubmitted },
  { label: 'پذیرفته‌شده در دادگاه', value: (f) => f.filingsAccepted },
  { label: 'بازگشت‌داده‌شده', value: (f) => f.filingsReturned },
  { label: 'ابلاغیه‌های صادرشده (نسخهٔ هر مخاطب)', value: (f) => f.noticesIssued },
  { label: 'بازشده در دفاتر', value: (f) => f.noticesOpenedAtOffice },
  { label: 'بازشده برخط', value: (f) => f.noticesOpenedOnline },
  { label: 'میانگین زمان تا بازشدن (ساعت)', value: meanNoticeDelay, hours: true },
];

/** Mean hours from issue to opening of the month's opened notices, one decimal; undefined when none. */
function meanNoticeDelay(f: MonthFigures): number | undefined {
  const opened = (f.noticesOpenedAtOffice ?? 0) + (f.noticesOpenedOnline ?? 0);
  return opened && f.noticesDelayHours != null ? Math.round((f.noticesDelayHours / opened) * 10) / 10 : undefined;
}

/**
 * A board report's page around its body: the title, the line saying what it is compared with, the
 * print and PDF buttons of the print view, and the note at its foot on when its figures were read.
 */
export function reportPage(page: {
  /** The document's title (a browser tab, a saved PDF's name). */
  title: string;
  heading: string;
  comparedWith: string;
  style?: string;
  options: { printButton?: boolean; pdfUrl?: string };
  body: string;
  foot: string;
}): string {
  const { options } = page;
  return `<!doctype html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(page.title)}</title>
<style>
${vazirmatnFontFaces()}
${REPORT_STYLE}
${page.style ?? ''}
</style></head><body>
<header><h1 data-testid="board-title">${esc(page.heading)}</h1><div class="sub">برای هیئت‌مدیرهٔ کانون — دفاتر خدمات الکترونیک قضایی؛ در مقایسه با ${esc(page.comparedWith)}</div></header>
${
  options.printButton
    ? `<div class="actions"><button type="button" onclick="window.print()" data-testid="report-print">چاپ گزارش</button>${
        options.pdfUrl ? `<a href="${esc(options.pdfUrl)}" data-testid="report-pdf">دریافت PDF</a>` : ''
      }</div>`
    : ''
}
${page.body}
<div class="foot">${page.foot}</div>
</body></html>`;
}

/** The reports' print style: A4, Vazirmatn, tables that keep their header on every page. */
const REPORT_STYLE = `@page{size:A4;margin:14mm 12mm}
*{box-sizing:border-box}body{font-family:Vazirmatn,Tahoma,sans-serif;margin:24px auto;max-width:780px;color:#111;line-height:1.8;font-size:13px}
header{border-bottom:2px solid #222;padding-bottom:8px;margin-bottom:14px}
h1{font-size:20px;margin:0}h2{font-size:15px;margin:20px 0 6px;border-bottom:1px solid #bbb;padding-bottom:2px;break-after:avoid}
.sub{font-size:12px;color:#444}
table{width:100%;border-collapse:collapse;font-size:12px}td,th{border:1px solid #999;padding:2px 6px;text-align:right}th{background:#f1f1f1}
thead{display:table-header-group}tr{break-inside:avoid}.num{white-space:nowrap}
.foot{margin-top:18px;font-size:11px;color:#555}
.actions{margin:16px 0;text-align:center}.actions button,.actions a{font:inherit;margin:0 4px;padding:6px 16px;border:1px solid #0b4f8a;border-radius:6px;background:#0b4f8a;color:#fff;text-decoration:none;cursor:pointer}
.actions a{background:#fff;color:#0b4f8a}
@media print{body{margin:0;max-width:none}.actions{display:none}}`;

export interface BoardReportView {
  figures: BoardFigures;
  generatedAt: Date;
}

export function boardReportHtml(
  { figures: r, generatedAt }: BoardReportView,
  options: { printButton: boolean; pdfUrl?: string },
): string {
  const month = formatJalaliMonth(r.month, 'fa');
  const before = formatJalaliMonth(r.previousMonth, 'fa');
  const cell = (n: number | undefined, money?: boolean) =>
    `<td class="num">${n == null ? '—' : money ? rials(n) : num(n)}</td>`;
  const nationRows = ROWS.map(({ label, value, money, hours }) => {
    const now = value(r.nation.current);
    const then = value(r.nation.previous);
    const change = hours || now == null || then == null ? '—' : pct(changePercent(now, then));
    return `<tr><th scope="row">${esc(label)}</th>${cell(now, money)}${cell(then, money)}<td class="num">${change}</td></tr>`;
  }).join('');
  const provinceRows = r.provinces
    .map(
      (p) =>
        `<tr><td>${esc(p.name.fa)}</td>${cell(services(p.current))}${cell(services(p.previous))}<td class="num">${pct(changePercent(services(p.current), services(p.previous)))}</td>${cell(p.current.amountRials, true)}${cell(p.current.filingsSubmitted)}${cell(p.previous.filingsSubmitted)}${cell(p.current.noticesIssued)}</tr>`,
    )
    .join('');

  return reportPage({
    title: `گزارش ماهانهٔ هیئت‌مدیره — ${month}`,
    heading: `گزارش ماهانهٔ آمار دفاتر — ${month}`,
    comparedWith: before,
    options,
    body: `<h2>کل کشور</h2>
<table data-testid="board-nation"><thead><tr><th></th><th>${esc(month)}</th><th>${esc(before)}</th><th>تغییر</th></tr></thead><tbody>${nationRows}</tbody></table>

<h2>استان‌ها</h2>
<table data-testid="board-provinces"><thead><tr><th>استان</th><th>خدمات ${esc(month)}</th><th>خدمات ${esc(before)}</th><th>تغییر</th><th>مبلغ خدمات ${esc(month)}</th><th>دادخواست‌ها ${esc(month)}</th><th>دادخواست‌ها ${esc(before)}</th><th>ابلاغیه‌ها ${esc(month)}</th></tr></thead><tbody>${provinceRows}</tbody></table>`,
    foot: `ارقام از جدول‌های تجمیعی آمار خوانده شده و در ${esc(formatJalali(generatedAt, 'fa', true))} ثبت شده است؛ گزارش بعدی همین ماه، همین ارقام را دارد مگر آنکه دوباره ساخته شود. ابلاغیه‌ها در ماه صدور و به ازای هر مخاطب شمرده شده‌اند. مبالغ به ریال است.`,
  });
}
