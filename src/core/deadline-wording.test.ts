import { describe, expect, it } from 'vitest';
import { COUNTING_RULE, lastDaySentence, lastDayWording, movedFromPhrase, movedOverPhrase } from './deadline-wording';

describe('a deadline as a person reads it', () => {
  // Art. 444 CPC: «چنانچه روز آخر موعد، مصادف با روز تعطیل ادارات باشد …، آن روز به حساب نمی‌آید و روز
  // آخر موعد، روزی خواهد بود که ادارات بعد از تعطیل … باز می‌شوند» (text as on bahadad.ir and aftabir.com).
  it('says a last day moved off a Friday once, plainly: the day it moved from, with its weekday (issue 15)', () => {
    // Saturday 5 Dey 1405 = 2026-12-26; Friday 4 Dey 1405 = 2026-12-25.
    expect(lastDaySentence('2026-12-26', [{ date: '2026-12-25', reason: 'friday' }], 'fa')).toBe(
      'آخرین مهلت: شنبه ۵ دی ۱۴۰۵ — از جمعه ۴ دی منتقل شد',
    );
    expect(lastDaySentence('2026-12-26', [{ date: '2026-12-25', reason: 'friday' }], 'en')).toBe(
      'Last day: Saturday 5 Dey 1405 — moved from Friday 4 Dey',
    );
  });

  it('names the holiday a last day moved over, then where it moved from', () => {
    // 1–4 Farvardin 1405 (21–24 March 2026, Saturday to Tuesday) are Nowruz; the offices open on Wednesday 5 Farvardin.
    const nowruz = { fa: 'عید نوروز', en: 'Nowruz' };
    const moved = ['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24'].map((date) => ({
      date,
      reason: 'holiday' as const,
      title: nowruz,
    }));
    expect(movedFromPhrase(moved, 'fa')).toBe('به‌سبب تعطیلی ۱ تا ۴ فروردین (عید نوروز)، از شنبه ۱ فروردین منتقل شد');
    expect(movedFromPhrase(moved, 'en')).toBe('moved from Saturday 1 Farvardin, as 1–4 Farvardin (Nowruz) are closed');
  });

  it('names a Friday that is also a holiday', () => {
    // Friday 16 Khordad 1404 (6 June 2025) was Eid al-Adha; Saturday 17 Khordad was a working day.
    const moved = [
      { date: '2025-06-06', reason: 'friday' as const, title: { fa: 'عید سعید قربان', en: 'Eid al-Adha' } },
    ];
    expect(movedFromPhrase(moved, 'en')).toBe(
      'moved from Friday 16 Khordad, as Friday 16 Khordad (Eid al-Adha) is closed',
    );
  });

  it('says nothing about moving when it did not move', () => {
    expect(lastDayWording('2024-04-24', [], 'fa')).toEqual({
      label: 'آخرین مهلت',
      weekday: 'چهارشنبه',
      date: '۵ اردیبهشت ۱۴۰۳',
      moved: null,
    });
  });

  it('reads four days of Nowruz as one run with its name', () => {
    const nowruz = { fa: 'عید نوروز', en: 'Nowruz' };
    const moved = ['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24'].map((date) => ({
      date,
      reason: 'holiday' as const,
      title: nowruz,
    }));
    expect(movedOverPhrase(moved, 'fa')).toBe('۱ تا ۴ فروردین (عید نوروز)');
    expect(movedOverPhrase(moved, 'en')).toBe('1–4 Farvardin (Nowruz)');
  });

  it('names different closures in order, joined as a list', () => {
    const moved = [
      {
        date: '2025-06-04',
        reason: 'holiday' as const,
        title: { fa: 'رحلت امام خمینی', en: 'Death of Imam Khomeini' },
      },
      { date: '2025-06-05', reason: 'holiday' as const, title: { fa: 'قیام ۱۵ خرداد', en: 'Revolt of 15 Khordad' } },
      { date: '2025-06-06', reason: 'friday' as const, title: { fa: 'عید سعید قربان', en: 'Eid al-Adha' } },
    ];
    expect(movedOverPhrase(moved, 'fa')).toBe(
      '۱۴ خرداد (رحلت امام خمینی)، ۱۵ خرداد (قیام ۱۵ خرداد) و جمعه ۱۶ خرداد (عید سعید قربان)',
    );
  });

  it('explains the counting in one sentence citing the articles', () => {
    expect(COUNTING_RULE.fa.split(/[.]/).filter((s) => s.trim()).length).toBe(1);
    for (const article of ['۴۴۳', '۴۴۴', '۴۴۵']) expect(COUNTING_RULE.fa).toContain(article);
    for (const article of ['443', '444', '445']) expect(COUNTING_RULE.en).toContain(article);
  });
});
