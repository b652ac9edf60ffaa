/**
 * The board's annual report as a printable page: Persian, right to left, Vazirmatn embedded, A4.
 * The year's national figures beside the year before, a chart per measure with each month of both
 * years (drawn as SVG in the page, so Chromium prints it as it prints the text), the months as a
 * table, the top movers, the offices below break-even and below the quality threshold, and each
 * province's year. The PDF is this very page printed by Chromium (platform/pdf/printer.ts).
 */
import type { Mover } from '#core/board-annual';
import { formatJalali, JALALI_MONTH_NAMES_FA } from '#core/jalali';
import { toPersianDigits } from '#core/persian-digits';
import { changePercent } from '#core/stats-dashboard';
import type { AnnualFigures } from './board-annual';
import type { MonthFigures } from './board-report';
import { esc, num, pct, rials, ROWS, reportPage } from './board-report-html';

const services = (f: MonthFigures) => f.office + f.online;
const cell = (n: number | undefined, money?: boolean) =>
  `<td class="num">${n == null ? '—' : money ? rials(n) : num(n)}</td>`;

/** A round step for the value axis: 1, 2 or 5 times a power of ten, about four lines up to `max`. */
function axisStep(max: number): number {
  if (max <= 4) return 1;
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
}

/**
 * Grouped bars, one group per month of the year, right to left from Farvardin (as the months
 * are read in Persian): this year dark, the year before light, with the value lines labelled. The
 * drawing itself is laid out left to right (`direction="ltr"`), so each label's anchor means what
 * it says inside the right-to-left page; the Persian words still read right to left.
 */
function monthsChart(
  title: string,
  testId: string,
  current: number[],
  previous: number[],
  year: string,
  before: string,
) {
  const width = 720;
  const height = 230;
  const left = 14;
  const right = 56;
  const top = 12;
  const bottom = 34;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...current, ...previous);
  const step = axisStep(max);
  const ceiling = Math.ceil(max / step) * step;
  const y = (v: number) => top + plotH - (v / ceiling) * plotH;
  const group = plotW / 12;
  const bar = Math.max(2, (group - 10) / 2);
  const lines: string[] = [];
  for (let v = 0; v <= ceiling; v += step)
    lines.push(
      `<line x1="${left}" x2="${left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${left + plotW + 6}" y="${y(v) + 4}" font-size="10" text-anchor="start" fill="#444">${num(v)}</text>`,
    );
  const bars = current
    .map((c, i) => {
      // Farvardin at the right.
      const x0 = left + plotW - (i + 1) * group + 5;
      const p = previous[i];
      return `<rect x="${x0}" y="${y(p)}" width="${bar}" height="${top + plotH - y(p)}" fill="#9fbfdc"><title>${esc(before)}: ${esc(toPersianDigits(p))}</title></rect><rect x="${x0 + bar}" y="${y(c)}" width="${bar}" height="${top + plotH - y(c)}" fill="#0b4f8a"><title>${esc(year)}: ${esc(toPersianDigits(c))}</title></rect><text x="${x0 + bar}" y="${height - bottom + 16}" font-size="10" text-anchor="middle" fill="#222">${esc(JALALI_MONTH_NAMES_FA[i])}</text>`;
    })
    .join('');
  const legend = `<rect x="${left + plotW - 10}" y="${height - 12}" width="10" height="10" fill="#0b4f8a"/><text x="${left + plotW - 14}" y="${height - 3}" font-size="11" text-anchor="end">${esc(year)}</text><rect x="${left + plotW - 110}" y="${height - 12}" width="10" height="10" fill="#9fbfdc"/><text x="${left + plotW - 114}" y="${height - 3}" font-size="11" text-anchor="end">${esc(before)}</text>`;
  return `<figure class="chart" data-testid="${esc(testId)}"><figcaption>${esc(title)}</figcaption><svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(title)}" font-family="Vazirmatn,Tahoma,sans-serif" direction="ltr">${lines.join('')}${bars}${legend}</svg></figure>`;
}

const moverRows = <K>(list: Mover<K>[], name: (k: K) => string) =>
  list.length === 0
    ? '<tr><td colspan="5">—</td></tr>'
    : list
        .map(
          (m) =>
            `<tr><td>${esc(name(m.key))}</td>${cell(m.current)}${cell(m.previous)}<td class="num"><bdi dir="ltr">${m.change > 0 ? '+' : '−'}${num(Math.abs(m.change))}</bdi></td><td class="num">${pct(m.changePercent)}</td></tr>`,
        )
        .join('');

export interface AnnualReportView {
  figures: AnnualFigures;
  generatedAt: Date;
}

export function annualReportHtml(
  { figures: r, generatedAt }: AnnualReportView,
  options: { printButton: boolean; pdfUrl?: string },
): string {
  const year = `سال ${toPersianDigits(r.year)}`;
  const before = `سال ${toPersianDigits(r.previousYear)}`;
  const nationRows = ROWS.map(({ label, value, money, hours }) => {
    const now = value(r.nation.current);
    const then = value(r.nation.previous);
    const change = hours || now == null || then == null ? '—' : pct(changePercent(now, then));
    return `<tr><th scope="row">${esc(label)}</th>${cell(now, money)}${cell(then, money)}<td class="num">${change}</td></tr>`;
  }).join('');
  const series = (f: (m: MonthFigures) => number) => ({
    current: r.months.map((m) => f(m.current)),
    previous: r.months.map((m) => f(m.previous)),
  });
  const chart = (title: string, id: string, f: (m: MonthFigures) => number) => {
    const s = series(f);
    return monthsChart(title, id, s.current, s.previous, year, before);
  };
  const monthRows = r.months
    .map(
      (m, i) =>
        `<tr><td>${esc(JALALI_MONTH_NAMES_FA[i])}</td>${cell(services(m.current))}${cell(services(m.previous))}<td class="num">${pct(changePercent(services(m.current), services(m.previous)))}</td>${cell(m.current.amountRials, true)}${cell(m.current.filingsSubmitted)}${cell(m.previous.filingsSubmitted)}${cell(m.current.noticesIssued)}${cell(m.previous.noticesIssued)}</tr>`,
    )
    .join('');
  const provinceRows = r.provinces
    .map(
      (p) =>
        `<tr><td>${esc(p.name.fa)}</td>${cell(services(p.current))}${cell(services(p.previous))}<td class="num">${pct(changePercent(services(p.current), services(p.previous)))}</td>${cell(p.current.amountRials, true)}${cell(p.current.filingsSubmitted)}${cell(p.previous.filingsSubmitted)}${cell(p.current.noticesIssued)}</tr>`,
    )
    .join('');
  const office = (o: { code: string; name: { fa: string }; province: { fa: string } }) =>
    `${o.name.fa} (${toPersianDigits(o.code)}) — ${o.province.fa}`;
  const moversHead = `<thead><tr><th></th><th>${esc(year)}</th><th>${esc(before)}</th><th>تغییر</th><th>درصد</th></tr></thead>`;
  const breakEven = !r.belowBreakEven.available
    ? '<p data-testid="annual-break-even-none">در پایان سال تعرفه‌ای نافذ نبود؛ درآمد دفاتر را نمی‌توان سنجید.</p>'
    : r.belowBreakEven.offices.length === 0
      ? '<p data-testid="annual-break-even-none">درآمد همهٔ دفاتر در این سال هزینهٔ آن‌ها را پوشانده است.</p>'
      : `<table data-testid="annual-break-even"><thead><tr><th>دفتر</th><th>خدمات در ماه</th><th>نقطهٔ سربه‌سر (خدمت در ماه)</th><th>درآمد ماهانه</th><th>هزینهٔ ماهانه</th></tr></thead><tbody>${r.belowBreakEven.offices
          .map(
            (o) =>
              `<tr><td>${esc(office(o))}</td>${cell(o.demandMonthly)}${cell(o.breakEvenVolume)}${cell(o.revenueMonthlyRials, true)}${cell(o.costMonthlyRials, true)}</tr>`,
          )
          .join('')}</tbody></table>`;
  const quality =
    r.belowQuality.offices.length === 0
      ? '<p data-testid="annual-quality-none">هیچ دفتری در این سال زیر آستانه نبوده است.</p>'
      : `<table data-testid="annual-quality"><thead><tr><th>دفتر</th><th>امتیاز سال</th><th>ماه‌های دارای امتیاز</th></tr></thead><tbody>${r.belowQuality.offices
          .map((o) => `<tr><td>${esc(office(o))}</td>${cell(o.score)}${cell(o.months)}</tr>`)
          .join('')}</tbody></table>`;

  return reportPage({
    title: `گزارش سالانهٔ هیئت‌مدیره — ${year}`,
    heading: `گزارش سالانهٔ آمار دفاتر — ${year}`,
    comparedWith: before,
    style: `.chart{margin:6px 0 12px;break-inside:avoid}.chart figcaption{font-weight:700;font-size:13px}
h3{font-size:13px;margin:12px 0 4px}`,
    options,
    body: `<h2>کل کشور</h2>
<table data-testid="annual-nation"><thead><tr><th></th><th>${esc(year)}</th><th>${esc(before)}</th><th>تغییر</th></tr></thead><tbody>${nationRows}</tbody></table>

<h2>ماه به ماه</h2>
${chart('خدمات (در دفاتر و برخط)', 'annual-chart-services', services)}
${chart('دادخواست‌ها و لوایح ثبت‌شده', 'annual-chart-filings', (m) => m.filingsSubmitted)}
${chart('ابلاغیه‌های صادرشده', 'annual-chart-notices', (m) => m.noticesIssued ?? 0)}
<table data-testid="annual-months"><thead><tr><th>ماه</th><th>خدمات ${esc(year)}</th><th>خدمات ${esc(before)}</th><th>تغییر</th><th>مبلغ خدمات</th><th>دادخواست‌ها ${esc(year)}</th><th>دادخواست‌ها ${esc(before)}</th><th>ابلاغیه‌ها ${esc(year)}</th><th>ابلاغیه‌ها ${esc(before)}</th></tr></thead><tbody>${monthRows}</tbody></table>

<h2>بیشترین تغییرها نسبت به ${esc(before)}</h2>
<h3>دفاتر با بیشترین افزایش خدمات</h3>
<table data-testid="annual-movers-rising">${moversHead}<tbody>${moverRows(r.movers.offices.rising, office)}</tbody></table>
<h3>دفاتر با بیشترین کاهش خدمات</h3>
<table data-testid="annual-movers-falling">${moversHead}<tbody>${moverRows(r.movers.offices.falling, office)}</tbody></table>
<h3>استان‌ها</h3>
<table data-testid="annual-movers-provinces">${moversHead}<tbody>${moverRows(
      [...r.movers.provinces.rising, ...r.movers.provinces.falling],
      (p) => p.name.fa,
    )}</tbody></table>

<h2>دفاتر زیر نقطهٔ سربه‌سر</h2>
${breakEven}

<h2>دفاتر زیر آستانهٔ کیفیت (امتیاز سال کمتر از ${num(r.belowQuality.threshold)})</h2>
${quality}

<h2>استان‌ها</h2>
<table data-testid="annual-provinces"><thead><tr><th>استان</th><th>خدمات ${esc(year)}</th><th>خدمات ${esc(before)}</th><th>تغییر</th><th>مبلغ خدمات ${esc(year)}</th><th>دادخواست‌ها ${esc(year)}</th><th>دادخواست‌ها ${esc(before)}</th><th>ابلاغیه‌ها ${esc(year)}</th></tr></thead><tbody>${provinceRows}</tbody></table>`,
    foot: `ارقام از جدول‌های تجمیعی آمار خوانده شده و در ${esc(formatJalali(generatedAt, 'fa', true))} ثبت شده است؛ گزارش بعدی همین سال، همین ارقام را دارد مگر آنکه دوباره ساخته شود. ابلاغیه‌ها در ماه صدور و به ازای هر مخاطب شمرده شده‌اند. نقطهٔ سربه‌سر با الگوی هزینهٔ دفاتر و تعرفهٔ نافذ در پایان سال، به میانگین ماهانهٔ سال؛ امتیاز کیفیت سال، میانگین امتیاز ماه‌هایی است که دفتر امتیاز داشته (دست‌کم ${num(r.belowQuality.minMonths)} ماه). مبالغ به ریال است.`,
  });
}
