/**
 * A notice as a printable page, for its addressee to keep or to show: the court's name and address,
 * the case and branch, what the notice says, the hearing, when it was delivered and the last day of
 * its time limit in the same words as the notice page («آخرین مهلت: شنبه ۵ دی ۱۴۰۵ — از جمعه ۴ دی
 * منتقل شد»). Persian, right to left, Vazirmatn embedded; the PDF is this page printed
 * by the warm browser (docs/decisions/0038-one-warm-browser-for-pdfs.md).
 */
import { lastDaySentence, type MovedDay } from '#core/deadline-wording';
import { formatJalali } from '#core/jalali';
import { toPersianDigits } from '#core/persian-digits';
import { vazirmatnFontFaces } from '#server/platform/pdf/fonts';
import type { z } from 'zod';
import type { openedNoticeSchema } from './schemas';

type OpenedNotice = z.infer<typeof openedNoticeSchema>;

export interface PrintableNotice {
  notice: OpenedNotice;
  court: { nameFa: string; address: string | null };
  /** When the page is printed (the server's clock). */
  printedAt: Date;
}

function esc(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
const fa = (value: unknown) => esc(toPersianDigits(String(value ?? '')));

const CHANNEL_FA = { online: 'برخط (حساب کاربری)', office: 'در دفتر خدمات الکترونیک قضایی' } as const;

/** The file name a downloaded notice gets: `notice-12.pdf`. */
export const noticeFileName = (id: number) => `notice-${id}.pdf`;

/** The notice's `<title>`, which the PDF keeps as its title: «ابلاغیه — {court}». */
export const noticeDocumentTitle = (courtName: string) => `ابلاغیه — ${courtName}`;

export function noticePrintHtml({ notice: n, court, printedAt }: PrintableNotice): string {
  const deadline = n.deadline
    ? lastDaySentence(
        n.deadline.lastDay,
        n.deadline.moved.map((m): MovedDay => ({ date: m.date, reason: m.reason, title: m.title })),
        'fa',
      )
    : null;
  const row = (label: string, value: string, testId: string) =>
    `<dt>${label}</dt><dd data-testid="${testId}">${value}</dd>`;
  return `<!doctype html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(noticeDocumentTitle(court.nameFa))}</title>
<style>
${vazirmatnFontFaces()}
@page{size:A4;margin:16mm}
*{box-sizing:border-box}body{font-family:Vazirmatn,Tahoma,sans-serif;margin:24px auto;max-width:720px;color:#111;line-height:1.9;font-size:14px}
.head{border-bottom:2px solid #222;padding-bottom:8px;margin-bottom:12px}
h1{font-size:20px;margin:0}.court{font-size:16px;font-weight:700;margin-top:4px}.address{font-size:13px;color:#333}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 16px;margin:0 0 12px}dt{color:#555}dd{margin:0;font-weight:600}
.ref{direction:ltr;unicode-bidi:isolate;display:inline-block}
.body{white-space:pre-wrap;border:1px solid #999;border-radius:4px;padding:10px 12px;margin:8px 0 12px}
.deadline{font-weight:700;border-inline-start:4px solid #222;padding-inline-start:8px}
.foot{margin-top:18px;font-size:12px;color:#444}
@media print{body{margin:0;max-width:none}}
</style></head><body>
<div class="head"><h1>ابلاغیهٔ الکترونیک: ${esc(n.title)}</h1>
<div class="court" data-testid="notice-print-court">${esc(court.nameFa)}</div>
<div class="address" data-testid="notice-print-address">نشانی دادگاه: ${court.address ? fa(court.address) : 'ثبت نشده است'}</div></div>
<dl>
${row('شمارهٔ پرونده', `<span class="ref">${fa(n.case.caseNumber)}</span>`, 'notice-print-case')}
${row('شعبه', fa(n.case.branch), 'notice-print-branch')}
${row('تاریخ صدور', esc(formatJalali(n.issuedAt, 'fa', true)), 'notice-print-issued')}
${n.hearingAt ? row('وقت رسیدگی', `${esc(formatJalali(n.hearingAt, 'fa', true))} (به وقت تهران)`, 'notice-print-hearing') : ''}
${
  n.deliveredAt
    ? row(
        'تاریخ ابلاغ',
        `${esc(formatJalali(n.deliveredAt, 'fa', true))} — ${n.deliveredChannel ? CHANNEL_FA[n.deliveredChannel] : ''}`,
        'notice-print-delivered',
      )
    : ''
}
</dl>
<div class="body" data-testid="notice-print-body">${esc(n.body)}</div>
${deadline ? `<p class="deadline" data-testid="notice-print-deadline">${fa(deadline)}</p>` : ''}
${n.rule ? `<p data-testid="notice-print-rule">مستند مهلت: ${fa(n.rule.source.split(' — ')[0])}</p>` : ''}
<div class="foot">این برگه از سامانهٔ دفاتر خدمات الکترونیک قضایی در ${esc(formatJalali(printedAt, 'fa', true))} (به وقت تهران) چاپ شده است.</div>
</body></html>`;
}
