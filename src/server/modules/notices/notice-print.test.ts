import { describe, expect, it } from 'vitest';
import { noticeDocumentTitle, noticePrintHtml, type PrintableNotice } from './notice-print';

/** A delivered decision notice whose last day moved off Friday 4 Dey 1405 (a fixture: counting is tested in #core/deadlines). */
const printable: PrintableNotice = {
  notice: {
    id: 7,
    kind: 'decision',
    title: 'دادنامه',
    body: 'متن رأی <b>با</b> نشانه‌ها',
    issuedAt: '2026-12-01T06:30:00.000Z',
    hearingAt: null,
    case: {
      id: 3,
      caseNumber: 'THR-GEN-01-000001-1405',
      branch: 4,
      court: { id: 1, name: { fa: 'دادگاه', en: 'Court' } },
    },
    delivered: true,
    deliveredAt: '2026-12-05T08:00:00.000Z',
    deliveredChannel: 'online',
    deadline: {
      days: 20,
      lastDay: '2026-12-26',
      lastDayJalali: '1405-10-05',
      nominalLastDay: '2026-12-25',
      movedFrom: '2026-12-25',
      movedFromJalali: '1405-10-04',
      movedReason: 'friday',
      holidayTitle: null,
      moved: [{ date: '2026-12-25', jalali: '1405-10-04', reason: 'friday', title: null }],
      daysLeft: 21,
      expired: false,
    },
    appeal: null,
    appeals: [],
    rule: { title: { fa: 'تجدیدنظر', en: 'Appeal' }, source: 'ماده ۳۳۶ قانون آیین دادرسی مدنی' },
    document: null,
  },
  court: { nameFa: 'مجتمع قضایی شهید بهشتی تهران', address: 'تهران، خیابان شهید بهشتی، پلاک 12' },
  printedAt: new Date('2026-12-05T09:00:00Z'),
};

const part = (html: string, testId: string) => new RegExp(`data-testid="${testId}">([^<]*)<`).exec(html)?.[1];

describe('a notice as a printable page', () => {
  const html = noticePrintHtml(printable);

  it("names the court and gives its address, in Persian digits, and the PDF's title names the court", () => {
    expect(part(html, 'notice-print-court')).toBe('مجتمع قضایی شهید بهشتی تهران');
    expect(part(html, 'notice-print-address')).toBe('نشانی دادگاه: تهران، خیابان شهید بهشتی، پلاک ۱۲');
    expect(html).toContain(`<title>${noticeDocumentTitle('مجتمع قضایی شهید بهشتی تهران')}</title>`);
    expect(noticeDocumentTitle('مجتمع قضایی شهید بهشتی تهران')).toBe('ابلاغیه — مجتمع قضایی شهید بهشتی تهران');
  });

  it('says the last day as the notice page does, where it moved from', () => {
    expect(part(html, 'notice-print-deadline')).toBe('آخرین مهلت: شنبه ۵ دی ۱۴۰۵ — از جمعه ۴ دی منتقل شد');
    expect(part(html, 'notice-print-branch')).toBe('۴');
  });

  it("escapes the notice's text, and says so when a court's address is not recorded", () => {
    expect(part(html, 'notice-print-body')).toBe('متن رأی &lt;b&gt;با&lt;/b&gt; نشانه‌ها');
    const without = noticePrintHtml({ ...printable, court: { ...printable.court, address: null } });
    expect(part(without, 'notice-print-address')).toBe('نشانی دادگاه: ثبت نشده است');
  });
});
