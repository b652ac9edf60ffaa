/**
 * The arbitration award as a printable A4 page in Persian, right to left, with the contents the
 * award carries (Art. 482 ff.): the parties, the subject, the reasons, the decision, its date, and
 * every arbitrator's signature or refusal with their dissent (Art. 484). Its PDF is this page
 * printed by the platform's warm browser (docs/decisions/0038-one-warm-browser-for-pdfs.md).
 */
import { toPersianDigits } from '#core/persian-digits';
import { vazirmatnFontFaces } from '#server/platform/pdf/fonts';
import type { caseView } from './schemas';
import type { z } from 'zod';

type CaseView = z.infer<typeof caseView>;

function esc(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
const fa = (value: unknown) => esc(toPersianDigits(String(value ?? '')));
const para = (text: string) =>
  text
    .split(/\n+/)
    .map((l) => `<p>${fa(l)}</p>`)
    .join('');

const ROLE_FA = { claimant: 'خواهان', respondent: 'خوانده' } as const;

export function awardHtml(c: CaseView): string {
  const award = c.award!;
  const sitting = c.arbitrators.filter((a) => a.status === 'accepted');
  const sign = (a: (typeof sitting)[number]) =>
    a.signature === 'signed'
      ? 'امضا شد'
      : a.signature === 'refused'
        ? 'از امضا خودداری کرد (مادهٔ ۴۸۴)'
        : 'در انتظار امضا';
  return `<!doctype html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>رأی داوری شمارهٔ ${fa(c.id)}</title>
<style>
${vazirmatnFontFaces()}
@page{size:A4;margin:18mm}
*{box-sizing:border-box}body{font-family:Vazirmatn,Tahoma,sans-serif;margin:24px auto;max-width:760px;color:#111;line-height:2;font-size:14px}
h1{font-size:20px;text-align:center;margin:0 0 4px}.sub{text-align:center;color:#444;font-size:12px;margin-bottom:16px}
.draft{color:#9b1c1c;text-align:center;font-weight:700;border:1.5px solid currentColor;padding:2px;margin-bottom:12px}
h2{font-size:15px;border-bottom:1px solid #999;margin:16px 0 6px}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 16px;margin:0}dt{color:#555}dd{margin:0;font-weight:600}
table{width:100%;border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;text-align:right;vertical-align:top}th{background:#f1f1f1}
p{margin:0 0 6px}.dissent{font-size:12px;color:#333}
@media print{body{margin:0;max-width:none}}
</style></head><body>
<h1>رأی داوری</h1>
<div class="sub">پروندهٔ داوری شمارهٔ ${fa(c.id)} — محل داوری: ${fa(c.seatOffice.name.fa)}</div>
${award.date ? '' : '<div class="draft" data-testid="award-draft-mark">پیش‌نویس — هنوز به امضای داوران نرسیده است</div>'}
<h2>طرفین</h2>
<dl>${c.parties.map((p) => `<dt>${ROLE_FA[p.role]}</dt><dd>${esc(p.name)}</dd>`).join('')}</dl>
<h2>موضوع داوری</h2>${para(c.subject)}
<h2>جهات و اسباب رأی</h2>${para(award.reasons)}
<h2>رأی</h2>${para(award.decision)}
<dl><dt>تاریخ رأی</dt><dd data-testid="award-date">${award.date ? fa(award.date.jalali.replaceAll('-', '/')) : '—'}</dd>
${c.termLastDay ? `<dt>پایان مدت داوری</dt><dd>${fa(c.termLastDay.jalali.replaceAll('-', '/'))}</dd>` : ''}</dl>
<h2>داوران</h2>
<table><thead><tr><th>داور</th><th>امضا</th></tr></thead><tbody>
${sitting
  .map(
    (a) =>
      `<tr><td>${esc(a.name)}</td><td>${sign(a)}${a.dissent ? `<div class="dissent">نظر مخالف: ${fa(a.dissent)}</div>` : ''}</td></tr>`,
  )
  .join('')}
</tbody></table>
</body></html>`;
}
