/**
 * The print of a filing as the applicant reviews and signs it: Persian, right to left, Jalali
 * dates, Persian digits, amounts in Rials. Plain HTML with its own styles, printable from any
 * browser (and to PDF through the browser's print).
 */
import { formatJalali } from '#core/jalali';
import { formatRials } from '#core/money';
import { toPersianDigits } from '#core/persian-digits';
import type { FilingDetail } from './schemas';

const ROLE_FA: Record<string, string> = {
  claimant: 'خواهان',
  defendant: 'خوانده',
  complainant: 'شاکی',
  accused: 'مشتکی‌عنه',
  appellant: 'تجدیدنظرخواه',
  respondent: 'تجدیدنظرخوانده',
  objector: 'واخواه',
  notifier: 'اظهارکننده',
  addressee: 'مخاطب',
  representative: 'وکیل / نماینده',
  'third-party': 'ثالث',
};
const STATUS_FA: Record<string, string> = {
  draft: 'پیش‌نویس',
  confirmed: 'تأییدشده',
  paid: 'پرداخت‌شده',
  submitted: 'ارسال‌شده به دادگاه',
  accepted: 'پذیرفته‌شده',
  returned: 'برگشتی',
};

function esc(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
const fa = (value: unknown) => esc(toPersianDigits(String(value ?? '')));

export function filingPrintHtml(
  f: FilingDetail,
  office: { nameFa: string; code: string; address: string } | null,
): string {
  const byId = new Map(f.parties.map((p) => [p.id, p]));
  const parties = f.parties
    .map(
      (p) =>
        `<tr><td>${esc(ROLE_FA[p.role] ?? p.role)}</td><td>${esc(p.name)}</td><td>${fa(p.nationalId ?? '—')}</td><td>${esc(p.address ?? '')}${
          p.representsPartyId ? ` <small>(از طرف ${esc(byId.get(p.representsPartyId)?.name ?? '')})</small>` : ''
        }</td></tr>`,
    )
    .join('');
  const claims = f.claims
    .map(
      (c, i) =>
        `<tr><td>${fa(i + 1)}</td><td>${esc(c.description)}</td><td class="num">${c.valueRials != null ? esc(formatRials(c.valueRials)) : '—'}</td></tr>`,
    )
    .join('');
  const attachments = f.attachments
    .map((a, i) => `<tr><td>${fa(i + 1)}</td><td>${esc(a.title)}</td><td>${fa(a.pages)}</td></tr>`)
    .join('');
  const q = f.quote;
  const court = q?.courtCosts.lines ?? [];
  const quote = q
    ? `<h2>هزینه‌ها (تعرفهٔ ${esc(q.schedule.titleFa)})</h2><table><thead><tr><th>شرح</th><th>تعداد</th><th>مبلغ</th></tr></thead><tbody>${q.lines
        .map(
          (l) =>
            `<tr><td>${esc(l.titleFa)}</td><td>${fa(l.quantity)}</td><td class="num">${esc(formatRials(l.amountRials))}</td></tr>`,
        )
        .join('')}${
        court.length
          ? `<tr class="total"><td colspan="2">جمع حق‌الزحمهٔ دفتر</td><td class="num">${esc(formatRials(q.officeRials))}</td></tr>${court
              .map(
                (l) =>
                  `<tr><td>${esc(l.titleFa)} <small>(هزینهٔ دادرسی، به حساب دادگستری)</small></td><td>${fa(1)}</td><td class="num">${esc(formatRials(l.amountRials))}</td></tr>`,
              )
              .join(
                '',
              )}<tr class="total"><td colspan="2">جمع هزینهٔ دادرسی</td><td class="num">${esc(formatRials(q.courtCosts.totalRials))}</td></tr>`
          : ''
      }<tr class="total"><td colspan="2">جمع</td><td class="num">${esc(formatRials(q.totalRials))}</td></tr></tbody></table>`
    : '';
  return `<!doctype html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>${esc(f.service.title.fa)} — پیش‌نمایش چاپی</title>
<style>
body{font-family:Vazirmatn,Tahoma,sans-serif;margin:24px auto;max-width:800px;color:#111;line-height:1.8}
h1{font-size:20px;margin:0 0 8px}h2{font-size:16px;margin:20px 0 6px;border-bottom:1px solid #999}
table{width:100%;border-collapse:collapse;font-size:14px}td,th{border:1px solid #bbb;padding:4px 8px;text-align:right;vertical-align:top}
.num{direction:rtl;white-space:nowrap}.meta{font-size:13px;color:#333}.total td{font-weight:bold}.facts{white-space:pre-wrap;border:1px solid #bbb;padding:8px}
.sign{margin-top:40px;display:flex;justify-content:space-between}@media print{body{margin:0}}
</style></head><body>
<h1>${esc(f.service.title.fa)}</h1>
<div class="meta">شمارهٔ پیش‌نویس: ${fa(f.id)} — وضعیت: ${esc(STATUS_FA[f.status] ?? f.status)} — تاریخ تهیه: ${esc(formatJalali(f.createdAt, 'fa', true))}${
    f.trackingCode ? ` — کد رهگیری: <b>${fa(f.trackingCode)}</b>` : ''
  }</div>
${office ? `<div class="meta">دفتر خدمات الکترونیک قضایی ${fa(office.code)} — ${esc(office.nameFa)} — ${esc(office.address)}</div>` : '<div class="meta">ثبت برخط توسط شخص متقاضی</div>'}
<div class="meta">متقاضی: ${esc(f.applicant.name)} (کد ملی ${fa(f.applicant.nationalId)})</div>
${f.court ? `<div class="meta">مرجع: ${esc(f.court.name.fa)}${f.branch ? ` — شعبهٔ ${fa(f.branch)}` : ''}</div>` : ''}
<h2>اصحاب</h2><table><thead><tr><th>سمت</th><th>نام</th><th>کد ملی / شناسه</th><th>نشانی</th></tr></thead><tbody>${parties}</tbody></table>
<h2>موضوع</h2><p>${esc(f.subject)}</p>
${claims ? `<h2>خواسته‌ها</h2><table><thead><tr><th>ردیف</th><th>شرح</th><th>بهای خواسته</th></tr></thead><tbody>${claims}</tbody></table>` : ''}
<h2>شرح ماوقع</h2><div class="facts">${esc(f.facts)}</div>
${attachments ? `<h2>پیوست‌ها (${fa(f.pages)} صفحه)</h2><table><thead><tr><th>ردیف</th><th>عنوان</th><th>صفحه</th></tr></thead><tbody>${attachments}</tbody></table>` : ''}
${quote}
<div class="sign"><div>امضا / اثر انگشت متقاضی</div><div>مهر و امضای دفتر</div></div>
</body></html>`;
}
