/**
 * Daftar's Jalali ↔ Gregorian conversion (jalaali-js behind `jalali.ts`) against the platform's own
 * Persian calendar (ICU, through Intl), for every day of the Jalali years 1300–1500: one loop over
 * about 73,000 days, each checked both ways, with the first disagreements reported.
 */
import { describe, expect, it } from 'vitest';
import { addDaysIso, isoToJalali, jalaliToIso, parseJalaliDate } from './jalali';

const persian = new Intl.DateTimeFormat('en-u-ca-persian', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

function intlJalali(iso: string): { jy: number; jm: number; jd: number } {
  const parts = persian.formatToParts(new Date(`${iso}T12:00:00Z`));
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { jy: part('year'), jm: part('month'), jd: part('day') };
}

describe('Jalali conversion agrees with Intl (fa-IR-u-ca-persian) for every day of 1300–1500', () => {
  it('each day, both ways, and the days follow one another without a gap', () => {
    // 1 Farvardin 1300 was 21 March 1921; the loop walks Gregorian days and asks both calendars.
    const first = '1921-03-21';
    expect(intlJalali(first)).toEqual({ jy: 1300, jm: 1, jd: 1 });
    const disagreements: string[] = [];
    let days = 0;
    let previous = { jy: 1299, jm: 12, jd: 29 };
    for (let iso = first; ; iso = addDaysIso(iso, 1)) {
      const expected = intlJalali(iso);
      if (expected.jy > 1500) break;
      days++;
      const ours = isoToJalali(iso);
      const back = jalaliToIso(expected);
      if (ours.jy !== expected.jy || ours.jm !== expected.jm || ours.jd !== expected.jd || back !== iso) {
        if (disagreements.length < 5)
          disagreements.push(`${iso}: Intl ${JSON.stringify(expected)}, ours ${JSON.stringify(ours)} → ${back}`);
      }
      // Intl's own calendar steps one day at a time: a new month starts on day 1 after the previous month's end.
      const step =
        expected.jd === previous.jd + 1 ||
        (expected.jd === 1 && (expected.jm === previous.jm + 1 || (expected.jm === 1 && previous.jm === 12)));
      if (!step && disagreements.length < 5)
        disagreements.push(`${iso}: Intl jumped from ${JSON.stringify(previous)} to ${JSON.stringify(expected)}`);
      previous = expected;
    }
    expect(disagreements).toEqual([]);
    // 201 years of 365 days and 49 leap days (Intl's count).
    expect(days).toBe(201 * 365 + 49);
  });

  it('every last day of Esfand Intl knows parses as a date, and the day after it does not exist in that year', () => {
    const wrong: string[] = [];
    for (let jy = 1300; jy <= 1500; jy++) {
      const lastEsfand = intlJalali(addDaysIso(jalaliToIso({ jy: jy + 1, jm: 1, jd: 1 }), -1)).jd;
      if (!parseJalaliDate(`${jy}/12/${lastEsfand}`) || parseJalaliDate(`${jy}/12/${lastEsfand + 1}`))
        wrong.push(`${jy}: ${lastEsfand}`);
    }
    expect(wrong).toEqual([]);
  });
});
