/**
 * The minutes of a hearing as they go onto the case: the clerk's text and the attendance — who was
 * there, in what role, from where, when they joined and left — in Persian, right to left, Jalali
 * dates and Tehran times, printed to a PDF by the warm printer.
 */
import { formatJalali } from '#core/jalali';
import { toPersianDigits } from '#core/persian-digits';
import { vazirmatnFontFaces } from '#server/platform/pdf/fonts';
import { PRINT_FONT } from '#server/platform/pdf/charts';

const ROLE_FA: Record<string, string> = {
  judge: 'قاضی',
  clerk: 'مدیر دفتر دادگاه',
  party: 'طرف دعوا',
  lawyer: 'وکیل',
  witness: 'گواه',
  interpreter: 'مترجم',
};
const MODE_FA: Record<string, string> = { court: 'دادگاه', office: 'دفتر خدمات الکترونیک قضایی', home: 'منزل' };
const STATE_FA: Record<string, string> = { adjourned: 'تنفس (ادامه در جلسهٔ بعد)', closed: 'ختم جلسه' };

function esc(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const TIME = new Intl.DateTimeFormat('fa-IR', { timeZone: 'Asia/Tehran', hour: '2-digit', minute: '2-digit' });
const time = (d: Date | null) => (d ? TIME.format(d) : '—');

export interface MinutesDocument {
  caseNumber: string;
  subject: string;
  courtName: string;
  branch: number;
  judgeName: string;
  startsAt: Date;
  startedAt: Date | null;
  endedAt: Date;
  endState: 'adjourned' | 'closed';
  minutes: string;
  attendance: {
    name: string;
    role: string;
    mode: string;
    /** For a participant at an office: its name, and the operator who checked their identity. */
    officeName: string | null;
    checkedInBy: string | null;
    joinedAt: Date;
    leftAt: Date | null;
  }[];
}

/** Where they attended from; at an office, which one and who checked them in (or that no one did). */
function placeOf(a: MinutesDocument['attendance'][number]): string {
  const mode = MODE_FA[a.mode] ?? a.mode;
  if (a.mode !== 'office') return mode;
  const office = a.officeName ? `${mode}: ${a.officeName}` : mode;
  return a.checkedInBy ? `${office} — احراز هویت و پذیرش: ${a.checkedInBy}` : `${office} — بدون پذیرش در دفتر`;
}

export function minutesHtml(d: MinutesDocument): string {
  const rows = d.attendance
    .map(
      (a) =>
        `<tr><td>${esc(a.name)}</td><td>${esc(ROLE_FA[a.role] ?? a.role)}</td><td>${esc(placeOf(a))}</td><td>${esc(time(a.joinedAt))}</td><td>${esc(time(a.leftAt))}</td></tr>`,
    )
    .join('');
  const text = d.minutes.trim() ? esc(d.minutes) : '—';
  return `<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>صورتجلسه ${esc(d.caseNumber)}</title>
<style>${vazirmatnFontFaces()}
@page { size: A4; margin: 18mm 16mm; }
body { font-family: ${PRINT_FONT}; font-size: 11pt; color: #111; line-height: 1.8; }
h1 { font-size: 15pt; margin: 0 0 4mm; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin: 0 0 5mm; }
dt { color: #444; }
table { width: 100%; border-collapse: collapse; margin-top: 3mm; }
th, td { border: 1px solid #999; padding: 1.5mm 2mm; text-align: start; }
th { background: #eee; }
.minutes { white-space: pre-wrap; border: 1px solid #999; padding: 3mm; min-height: 30mm; }
</style></head><body>
<h1>صورتجلسهٔ جلسهٔ رسیدگی برخط</h1>
<dl>
<dt>پرونده</dt><dd><bdi>${esc(toPersianDigits(d.caseNumber))}</bdi> — ${esc(d.subject)}</dd>
<dt>دادگاه</dt><dd>${esc(d.courtName)}، شعبهٔ ${esc(toPersianDigits(d.branch))}</dd>
<dt>قاضی</dt><dd>${esc(d.judgeName)}</dd>
<dt>وقت جلسه</dt><dd>${esc(formatJalali(d.startsAt, 'fa', true))}</dd>
<dt>شروع و پایان</dt><dd>${esc(time(d.startedAt))} تا ${esc(time(d.endedAt))}</dd>
<dt>نتیجه</dt><dd>${esc(STATE_FA[d.endState])}</dd>
</dl>
<h2>متن صورتجلسه</h2>
<div class="minutes">${text}</div>
<h2>حاضران</h2>
<table><thead><tr><th>نام</th><th>سمت</th><th>محل حضور</th><th>ورود</th><th>خروج</th></tr></thead><tbody>${rows}</tbody></table>
</body></html>`;
}
