/**
 * The payment receipt as a printable page: Persian, right to left, Vazirmatn (embedded, so the
 * page and its PDF look the same on any machine), Jalali date and time in Tehran, amounts in
 * Persian digits with «ریال», the receipt number with its check digit. The PDF is this very page
 * printed by Chromium (see pdf.ts and docs/decisions/0011-receipts-html-and-pdf.md).
 */
import { formatJalali } from '#core/jalali';
import { formatRials } from '#core/money';
import { toPersianDigits } from '#core/persian-digits';
import { vazirmatnFontFaces } from '#server/platform/pdf/fonts';
import type { PaymentView } from './schemas';

const STATUS_FA: Record<PaymentView['status'], string> = {
  pending: 'در انتظار پرداخت',
  paid: 'پرداخت‌شده',
  failed: 'ناموفق (ردشده از سوی بانک)',
  cancelled: 'لغوشده',
  expired: 'منقضی‌شده (مهلت پرداخت گذشت)',
  refunded: 'بازپرداخت‌شده (مبلغ به پرداخت‌کننده بازگشت)',
};

function esc(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
const fa = (value: unknown) => esc(toPersianDigits(String(value ?? '')));

/** The receipt number in groups for reading aloud at the counter: «۱۴۰۵ ۰۰۰۰۰ ۰۰۱۲ ۷». */
function groupedReceiptNumber(n: string): string {
  return `${n.slice(0, 4)} ${n.slice(4, -1).replace(/(\d{5})(?=\d)/g, '$1 ')} ${n.slice(-1)}`
    .replace(/\s+/g, ' ')
    .trim();
}

type Line = PaymentView['lines'][number];

/**
 * The lines in groups: the office's fees, then the court costs collected for the judiciary, each
 * with its subtotal when a payment holds both, then adjustments («paid before»). A payment of
 * office fees alone reads as it always did.
 */
function lineRows(lines: Line[]): string {
  const row = (l: Line, n: number) =>
    `<tr data-kind="${esc(l.kind)}"><td>${fa(n)}</td><td>${esc(l.titleFa)}</td><td>${fa(l.quantity)}</td><td class="num">${esc(formatRials(l.amountRials))}</td></tr>`;
  // The office's fee and any fee it collects for others (the arbitrators'), before court costs.
  const office = lines.filter((l) => l.kind === 'office-fee' || l.kind === 'arbitrator-fee');
  const court = lines.filter((l) => l.kind === 'court-cost');
  const adjustments = lines.filter((l) => l.kind === 'adjustment');
  let n = 0;
  if (!court.length) return [...office, ...adjustments].map((l) => row(l, ++n)).join('');
  const sum = (ls: Line[]) => ls.reduce((s, l) => s + l.amountRials, 0);
  const group = (title: string, testId: string, ls: Line[], subtotal: string) =>
    ls.length
      ? `<tr class="group"><th colspan="4">${title}</th></tr>${ls.map((l) => row(l, ++n)).join('')}<tr class="subtotal"><td colspan="3">${subtotal}</td><td class="num" data-testid="${testId}">${esc(formatRials(sum(ls)))}</td></tr>`
      : '';
  return (
    group('حق‌الزحمهٔ دفتر (تعرفهٔ مصوب)', 'receipt-office-total', office, 'جمع حق‌الزحمهٔ دفتر') +
    group('هزینهٔ دادرسی (به حساب دادگستری)', 'receipt-court-total', court, 'جمع هزینهٔ دادرسی') +
    adjustments.map((l) => row(l, ++n)).join('')
  );
}

function purposeFa(p: PaymentView): string {
  if (p.purpose === 'filing') return `هزینهٔ ثبت درخواست شمارهٔ ${fa(p.filingId)}`;
  if (p.purpose === 'arbitration') return 'حق‌الزحمهٔ داوران (مادهٔ ۴۹۸ قانون آیین دادرسی مدنی)';
  return 'خدمات دفتر';
}

export function receiptHtml(
  p: PaymentView,
  options: { printButton: boolean; pdfUrl?: string } = { printButton: true },
): string {
  const lines = lineRows(p.lines);
  const when = p.paidAt ?? p.createdAt;
  return `<!doctype html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>رسید پرداخت ${fa(p.receiptNumber)}</title>
<style>
${vazirmatnFontFaces()}
@page{size:A5;margin:12mm}
*{box-sizing:border-box}body{font-family:Vazirmatn,Tahoma,sans-serif;margin:24px auto;max-width:620px;color:#111;line-height:1.9;font-size:14px}
.head{display:flex;justify-content:space-between;align-items:flex-start;border-bottom:2px solid #222;padding-bottom:8px;margin-bottom:12px}
h1{font-size:19px;margin:0}.sub{font-size:12px;color:#444}
.status{font-weight:700;padding:2px 10px;border:1.5px solid currentColor;border-radius:4px;white-space:nowrap}
.st-paid{color:#0b6b35}.st-pending{color:#8a5a00}.st-failed,.st-cancelled,.st-expired{color:#9b1c1c}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 16px;margin:0 0 12px}dt{color:#555}dd{margin:0;font-weight:600}
.rn{font-size:17px;letter-spacing:1px;direction:ltr;unicode-bidi:isolate;display:inline-block}
table{width:100%;border-collapse:collapse}td,th{border:1px solid #999;padding:3px 8px;text-align:right}th{background:#f1f1f1}
.num{white-space:nowrap}.total td{font-weight:700}.group th{text-align:right;background:#fafafa}.subtotal td{font-weight:600}
.foot{margin-top:18px;font-size:12px;color:#444;display:flex;justify-content:space-between}
.actions{margin:16px 0;text-align:center}.actions button,.actions a{font:inherit;margin:0 4px;padding:6px 16px;border:1px solid #0b4f8a;border-radius:6px;background:#0b4f8a;color:#fff;text-decoration:none;cursor:pointer}
.actions a{background:#fff;color:#0b4f8a}
@media print{body{margin:0;max-width:none}.actions{display:none}}
</style></head><body>
<div class="head"><div><h1>رسید پرداخت</h1><div class="sub">دفاتر خدمات الکترونیک قضایی</div></div>
<span class="status st-${esc(p.status)}" data-testid="receipt-status">${esc(STATUS_FA[p.status])}</span></div>
<dl>
<dt>شمارهٔ رسید</dt><dd><span class="rn" data-testid="receipt-number">${fa(groupedReceiptNumber(p.receiptNumber))}</span></dd>
<dt>${p.paidAt ? 'تاریخ و ساعت پرداخت' : 'تاریخ و ساعت صدور'}</dt><dd data-testid="receipt-date">${esc(formatJalali(when, 'fa', true))} (به وقت تهران)</dd>
<dt>دفتر</dt><dd>${p.office ? `${fa(p.office.name.fa)}` : 'پرداخت برخط (بدون مراجعه به دفتر)'}</dd>
${p.payer ? `<dt>پرداخت‌کننده</dt><dd>${esc(p.payer.name)}</dd>` : ''}
<dt>بابت</dt><dd data-testid="receipt-purpose">${purposeFa(p)}</dd>
<dt>درگاه</dt><dd>${p.gateway === 'sandbox' ? 'بانک آزمایشی (محیط آزمایشی)' : esc(p.gateway)}</dd>
${p.bankReference ? `<dt>شمارهٔ مرجع بانک</dt><dd>${fa(p.bankReference)}</dd>` : ''}
</dl>
<table><thead><tr><th>ردیف</th><th>شرح</th><th>تعداد</th><th>مبلغ</th></tr></thead><tbody>
${lines}
<tr class="total"><td colspan="3">جمع پرداختی</td><td class="num" data-testid="receipt-total">${esc(formatRials(p.amountRials))}</td></tr>
</tbody></table>
<div class="foot"><span>رقم آخر شمارهٔ رسید، رقم کنترلی است.</span><span>مهر و امضای دفتر</span></div>
${
  options.printButton
    ? `<div class="actions"><button type="button" onclick="window.print()" data-testid="receipt-print">چاپ رسید</button>${
        options.pdfUrl ? `<a href="${esc(options.pdfUrl)}" data-testid="receipt-pdf">دریافت PDF</a>` : ''
      }</div>`
    : ''
}
</body></html>`;
}
