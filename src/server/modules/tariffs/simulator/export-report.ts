/**
 * A saved simulation as a printable report for the association's board: Persian, right to left,
 * Vazirmatn embedded, A4. The schedules compared, the period in Jalali months, the scope, the
 * assumptions, the totals, charts drawn on the server as inline SVG, tables per province and per
 * service, the twenty offices losing most and the offices the revision pushes below break-even.
 * The PDF is this very page printed by Chromium (platform/pdf/printer.ts).
 */
import { formatJalali, formatJalaliMonth } from '#core/jalali';
import { formatRials } from '#core/money';
import { formatPersianNumber, toPersianDigits } from '#core/persian-digits';
import { changePercent, fallingBelowBreakEven, ratioHistogram, topLosers } from '#core/simulation-figures';
import { chartSvg, compactFa, faAxisLabel, PRINT_FONT } from '#server/platform/pdf/charts';
import { vazirmatnFontFaces } from '#server/platform/pdf/fonts';
import type { SimulationResult } from './export-csv';

function esc(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
const fa = (value: unknown) => esc(toPersianDigits(String(value ?? '')));
const num = (n: number) => esc(formatPersianNumber(n));
const rials = (n: number) => esc(formatRials(n, 'fa'));
/** A signed amount; the sign stays with its number in right-to-left text. */
const signed = (n: number) => `<bdi dir="ltr">${n > 0 ? '+' : n < 0 ? '−' : ''}${num(Math.abs(n))}</bdi> ریال`;
const pct = (p: number | null) =>
  p == null
    ? '—'
    : `<bdi dir="ltr">${p > 0 ? '+' : p < 0 ? '−' : ''}${esc(new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 1 }).format(Math.abs(p)))}٪</bdi>`;

const BEFORE = '#8c9aa8';
const AFTER = '#0b4f8a';
const legend = { top: 0, right: 8, textStyle: { fontFamily: PRINT_FONT } };

function provinceRevenueChart(r: SimulationResult): string {
  const names = r.provinces.map((p) => p.name.fa);
  return chartSvg(
    {
      legend,
      grid: { top: 36, right: 84, left: 16, bottom: 64 },
      xAxis: {
        type: 'category',
        inverse: true,
        data: names,
        axisLabel: { ...faAxisLabel, rotate: names.length > 8 ? 45 : 0, interval: 0 },
      },
      yAxis: { type: 'value', position: 'right', axisLabel: faAxisLabel },
      series: [
        {
          name: 'درآمد دفاتر پیش از بازنگری',
          type: 'bar',
          color: BEFORE,
          data: r.provinces.map((p) => p.officeRevenueBeforeRials),
        },
        {
          name: 'درآمد دفاتر پس از بازنگری',
          type: 'bar',
          color: AFTER,
          data: r.provinces.map((p) => p.officeRevenueAfterRials),
        },
      ],
    },
    680,
    320,
  );
}

function serviceChangeChart(r: SimulationResult): string {
  const services = r.services.filter((s) => s.records > 0);
  return chartSvg(
    {
      grid: { top: 16, right: 160, left: 24, bottom: 24 },
      yAxis: {
        type: 'category',
        inverse: true,
        position: 'right',
        data: services.map((s) => s.titleFa),
        axisLabel: { ...faAxisLabel, width: 150, overflow: 'truncate' },
      },
      xAxis: { type: 'value', inverse: true, axisLabel: faAxisLabel },
      series: [
        {
          name: 'تغییر هزینهٔ مردم',
          type: 'bar',
          data: services.map((s) => ({
            value: s.citizenCostChangeRials,
            itemStyle: { color: s.citizenCostChangeRials >= 0 ? '#b45309' : '#15803d' },
          })),
          label: {
            show: true,
            position: 'insideRight',
            fontFamily: PRINT_FONT,
            formatter: (p: { value: number }) => compactFa(p.value),
          },
        },
      ],
    },
    680,
    Math.max(160, 36 + services.length * 26),
  );
}

function ratioChart(r: SimulationResult): string {
  const width = 0.25;
  const max = 3;
  const bins = ratioHistogram(r.offices, width, max);
  const centers = bins.map((b) => b.from + width / 2);
  return chartSvg(
    {
      legend,
      grid: { top: 36, right: 48, left: 24, bottom: 48 },
      xAxis: {
        type: 'value',
        min: 0,
        max: max + width,
        interval: 0.5,
        inverse: true,
        name: 'نسبت درآمد به هزینه',
        nameLocation: 'middle',
        nameGap: 30,
        axisLabel: {
          fontFamily: PRINT_FONT,
          formatter: (v: number) => (v > max ? '' : toPersianDigits(String(v)).replace('.', '٫')),
        },
      },
      yAxis: { type: 'value', position: 'right', minInterval: 1, axisLabel: faAxisLabel },
      series: [
        {
          name: 'پیش از بازنگری',
          type: 'bar',
          color: BEFORE,
          barWidth: 14,
          barGap: '15%',
          data: bins.map((b, i) => [centers[i], b.before]),
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#b91c1c', type: 'dashed', width: 2 },
            label: { formatter: '\u202Bسربه‌سر (۱٫۰)\u202C', fontFamily: PRINT_FONT, color: '#b91c1c' },
            data: [{ xAxis: 1 }],
          },
        },
        {
          name: 'پس از بازنگری',
          type: 'bar',
          color: AFTER,
          barWidth: 14,
          data: bins.map((b, i) => [centers[i], b.after]),
        },
      ],
    },
    680,
    300,
  );
}

export interface ReportOptions {
  printButton: boolean;
  pdfUrl?: string;
}

export function simulationReportHtml(r: SimulationResult, options: ReportOptions = { printButton: true }): string {
  const t = r.totals;
  const provinceName = new Map(r.provinces.map((p) => [p.provinceId, p.name.fa]));
  const scope = r.provinceId == null ? 'همهٔ کشور' : `استان ${esc(provinceName.get(r.provinceId) ?? fa(r.provinceId))}`;
  const period =
    r.fromMonth === r.toMonth
      ? esc(formatJalaliMonth(r.fromMonth))
      : `${esc(formatJalaliMonth(r.fromMonth))} تا ${esc(formatJalaliMonth(r.toMonth))}`;
  const losers = topLosers(r.offices, 20);
  const falling = fallingBelowBreakEven(r.offices);
  const officeRow = (o: SimulationResult['offices'][number], i: number) =>
    `<tr><td>${fa(i + 1)}</td><td>${fa(o.officeNumber)}</td><td>${esc(o.name)}</td><td>${esc(provinceName.get(o.provinceId) ?? '')}</td>` +
    `<td class="num">${rials(o.revenueBeforeRials)}</td><td class="num">${rials(o.revenueAfterRials)}</td><td class="num">${signed(o.revenueChangeRials)}</td><td class="num">${rials(o.costRials)}</td></tr>`;
  const officeHead =
    '<tr><th>ردیف</th><th>شمارهٔ دفتر</th><th>نام دفتر</th><th>استان</th><th>درآمد پیش از</th><th>درآمد پس از</th><th>تغییر</th><th>هزینهٔ دوره (سربه‌سر)</th></tr>';

  return `<!doctype html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>گزارش شبیه‌سازی بازنگری تعرفه — ${esc(r.schedule.titleFa)}</title>
<style>
${vazirmatnFontFaces()}
@page{size:A4;margin:14mm 12mm}
*{box-sizing:border-box}body{font-family:Vazirmatn,Tahoma,sans-serif;margin:24px auto;max-width:780px;color:#111;line-height:1.8;font-size:13px}
header{border-bottom:2px solid #222;padding-bottom:8px;margin-bottom:14px}
h1{font-size:20px;margin:0}h2{font-size:15px;margin:20px 0 6px;border-bottom:1px solid #bbb;padding-bottom:2px;break-after:avoid}
.sub{font-size:12px;color:#444}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 16px;margin:0 0 10px}dt{color:#555}dd{margin:0;font-weight:600}
.cards{display:grid;grid-template-columns:repeat(3,1fr);gap:8px;margin:8px 0}
.card{border:1px solid #bbb;border-radius:6px;padding:6px 10px}.card .k{font-size:12px;color:#555}.card .v{font-weight:700;font-size:14px}.card .d{font-size:12px}
table{width:100%;border-collapse:collapse;font-size:12px}td,th{border:1px solid #999;padding:2px 6px;text-align:right}th{background:#f1f1f1}
thead{display:table-header-group}tr{break-inside:avoid}
.num{white-space:nowrap}.total td{font-weight:700}
figure{margin:6px 0;break-inside:avoid}figure svg{max-width:100%;height:auto;direction:ltr}figcaption{font-size:12px;color:#444}
ul{margin:4px 0;padding-inline-start:20px}
.foot{margin-top:18px;font-size:11px;color:#555}
.actions{margin:16px 0;text-align:center}.actions button,.actions a{font:inherit;margin:0 4px;padding:6px 16px;border:1px solid #0b4f8a;border-radius:6px;background:#0b4f8a;color:#fff;text-decoration:none;cursor:pointer}
.actions a{background:#fff;color:#0b4f8a}
@media print{body{margin:0;max-width:none}.actions{display:none}}
</style></head><body>
<header><h1>گزارش شبیه‌سازی بازنگری تعرفهٔ دفاتر</h1><div class="sub">برای هیئت‌مدیرهٔ کانون — دفاتر خدمات الکترونیک قضایی</div></header>
${
  options.printButton
    ? `<div class="actions"><button type="button" onclick="window.print()" data-testid="report-print">چاپ گزارش</button>${
        options.pdfUrl ? `<a href="${esc(options.pdfUrl)}" data-testid="report-pdf">دریافت PDF</a>` : ''
      }</div>`
    : ''
}
<dl>
<dt>تعرفهٔ پیشنهادی</dt><dd data-testid="report-schedule">${esc(r.schedule.titleFa)} (${fa(r.schedule.code)}${r.schedule.status === 'draft' ? '، پیش‌نویس' : ''})</dd>
<dt>در مقایسه با</dt><dd>${esc(r.baseline.titleFa)} (${fa(r.baseline.code)})</dd>
<dt>دورهٔ حجم خدمات</dt><dd data-testid="report-period">${period} (${fa(r.months)} ماه)</dd>
<dt>گستره</dt><dd>${scope}</dd>
<dt>شمارهٔ اجرا</dt><dd>${r.id == null ? '—' : fa(r.id)}، ${esc(formatJalali(r.createdAt, 'fa', true))}${r.createdBy ? `، ${esc(r.createdBy.name)}` : ''}</dd>
</dl>

<h2>فرض‌ها</h2>
<ul data-testid="report-assumptions">${r.assumptions.map((a) => `<li>${fa(a.fa)}</li>`).join('')}</ul>

<h2>جمع‌بندی</h2>
<div class="cards" data-testid="report-totals">
<div class="card"><div class="k">هزینهٔ کل مردم</div><div class="v">${rials(t.citizenCostAfterRials)}</div><div class="d">پیش از: ${rials(t.citizenCostBeforeRials)}<br>تغییر: ${signed(t.citizenCostAfterRials - t.citizenCostBeforeRials)} (${pct(changePercent(t.citizenCostBeforeRials, t.citizenCostAfterRials))})</div></div>
<div class="card"><div class="k">درآمد دفاتر</div><div class="v">${rials(t.officeRevenueAfterRials)}</div><div class="d">پیش از: ${rials(t.officeRevenueBeforeRials)}<br>تغییر: ${signed(t.officeRevenueAfterRials - t.officeRevenueBeforeRials)} (${pct(changePercent(t.officeRevenueBeforeRials, t.officeRevenueAfterRials))})</div></div>
<div class="card"><div class="k">دفاتر زیر نقطهٔ سربه‌سر</div><div class="v">${num(t.belowBreakEvenBefore)} ← ${num(t.belowBreakEvenAfter)}</div><div class="d">از ${num(t.offices)} دفتر؛ ${num(t.records)} خدمت در دوره</div></div>
</div>

<h2>درآمد دفاتر به تفکیک استان</h2>
<figure data-testid="report-chart-provinces">${provinceRevenueChart(r)}</figure>
<h2>تغییر هزینهٔ مردم به تفکیک خدمت</h2>
<figure data-testid="report-chart-services">${serviceChangeChart(r)}</figure>
<h2>توزیع نسبت درآمد به هزینهٔ دفاتر</h2>
<figure data-testid="report-chart-ratio">${ratioChart(r)}<figcaption>نسبت ۱ نقطهٔ سربه‌سر است؛ دفاتر سمت راست خط چین، زیر نقطهٔ سربه‌سرند.</figcaption></figure>

<h2>استان‌ها</h2>
<table data-testid="report-provinces"><thead><tr><th>استان</th><th>دفاتر</th><th>خدمات</th><th>هزینهٔ مردم پیش از</th><th>هزینهٔ مردم پس از</th><th>درآمد دفاتر پیش از</th><th>درآمد دفاتر پس از</th><th>زیر سربه‌سر</th></tr></thead><tbody>
${r.provinces.map((p) => `<tr><td>${esc(p.name.fa)}</td><td>${num(p.offices)}</td><td>${num(p.records)}</td><td class="num">${rials(p.citizenCostBeforeRials)}</td><td class="num">${rials(p.citizenCostAfterRials)}</td><td class="num">${rials(p.officeRevenueBeforeRials)}</td><td class="num">${rials(p.officeRevenueAfterRials)}</td><td>${num(p.belowBreakEvenBefore)} ← ${num(p.belowBreakEvenAfter)}</td></tr>`).join('')}
</tbody></table>

<h2>خدمات</h2>
<table data-testid="report-services"><thead><tr><th>خدمت</th><th>تعداد</th><th>تعرفهٔ واحد پیش از</th><th>تعرفهٔ واحد پس از</th><th>هزینهٔ مردم پیش از</th><th>هزینهٔ مردم پس از</th><th>تغییر</th></tr></thead><tbody>
${r.services.map((s) => `<tr><td>${esc(s.titleFa)}</td><td>${num(s.records)}</td><td class="num">${s.unitBeforeRials == null ? '—' : rials(s.unitBeforeRials)}</td><td class="num">${s.unitAfterRials == null ? '—' : rials(s.unitAfterRials)}</td><td class="num">${rials(s.citizenCostBeforeRials)}</td><td class="num">${rials(s.citizenCostAfterRials)}</td><td class="num">${pct(s.changePercent)}</td></tr>`).join('')}
</tbody></table>

<h2>بیست دفتری که بیشترین کاهش درآمد را دارند</h2>
${losers.length ? `<table data-testid="report-losers"><thead>${officeHead}</thead><tbody>${losers.map(officeRow).join('')}</tbody></table>` : '<p data-testid="report-losers">درآمد هیچ دفتری کاهش نمی‌یابد.</p>'}

<h2>دفاتری که زیر نقطهٔ سربه‌سر می‌روند</h2>
${falling.length ? `<table data-testid="report-falling"><thead>${officeHead}</thead><tbody>${falling.map(officeRow).join('')}</tbody></table>` : '<p data-testid="report-falling">هیچ دفتری با این بازنگری زیر نقطهٔ سربه‌سر نمی‌رود.</p>'}

<div class="foot">مبالغ به ریال است. هزینهٔ دوره از مدل هزینهٔ دفاتر (دستمزد و بیمهٔ کارکنان، اجاره و سایر هزینه‌ها) برای ماه‌های دوره محاسبه شده است.</div>
</body></html>`;
}
