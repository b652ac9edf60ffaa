import { describe, expect, it } from 'vitest';
import { calendarFile, escapeText, foldLine } from './icalendar';
import { deadlineEvent, hearingEvent, type NoticeForCalendar } from './notice-calendar';

/** A summons issued 4 Dec 2026 10:00 Tehran; hearing Wednesday 18 Azar 1405 (9 Dec 2026) 09:00 Tehran. */
const SUMMONS: NoticeForCalendar = {
  id: 42,
  title: 'احضاریه',
  issuedAt: '2026-12-04T06:30:00.000Z',
  hearingAt: '2026-12-09T05:30:00.000Z',
  case: { caseNumber: 'THR-GEN-01-000001-1405', branch: 2, court: { name: { fa: 'دادگاه حقوقی' } } },
  deadline: { days: 20, lastDay: '2026-12-26' },
};

describe('an iCalendar file (RFC 5545)', () => {
  it('writes a hearing as one VEVENT with CRLF line ends, a UID, a DTSTAMP and its start in UTC', () => {
    const text = calendarFile({
      uid: 'notice-7-hearing@daftar',
      stamp: new Date('2026-12-04T06:30:00Z'),
      start: { at: new Date('2026-12-09T05:30:00Z') },
      summary: 'جلسهٔ رسیدگی',
      description: 'Hearing, branch 2; bring ID',
    });
    expect(text).toBe(
      'BEGIN:VCALENDAR\r\n' +
        'VERSION:2.0\r\n' +
        'PRODID:-//Daftar//Notices//FA\r\n' +
        'CALSCALE:GREGORIAN\r\n' +
        'BEGIN:VEVENT\r\n' +
        'UID:notice-7-hearing@daftar\r\n' +
        'DTSTAMP:20261204T063000Z\r\n' +
        'DTSTART:20261209T053000Z\r\n' +
        'SUMMARY:جلسهٔ رسیدگی\r\n' +
        'DESCRIPTION:Hearing\\, branch 2\\; bring ID\r\n' +
        'END:VEVENT\r\n' +
        'END:VCALENDAR\r\n',
    );
  });

  it('writes the last day of a limit as an all-day DATE ending on the next day, across a month end', () => {
    const text = calendarFile({
      uid: 'notice-7-deadline@daftar',
      stamp: new Date('2026-12-04T06:30:00Z'),
      start: { day: '2026-12-31' },
      summary: 'آخرین روز مهلت',
    });
    expect(text).toContain('\r\nDTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n');
    expect(text).not.toContain('DESCRIPTION');
  });

  it('rejects a day that is not on the calendar', () => {
    expect(() => calendarFile({ uid: 'u', stamp: new Date(0), start: { day: '2026-02-30' }, summary: 's' })).toThrow(
      RangeError,
    );
  });

  it('escapes backslashes, semicolons, commas and line breaks in text (§3.3.11); the Persian comma stays', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(escapeText('تهران، ونک')).toBe('تهران، ونک');
  });

  it('folds at 75 octets with a leading space on each continuation (§3.1)', () => {
    const line = `DESCRIPTION:${'a'.repeat(63)}${'b'.repeat(74)}${'c'.repeat(5)}`;
    expect(foldLine(line)).toBe(`DESCRIPTION:${'a'.repeat(63)}\r\n ${'b'.repeat(74)}\r\n ${'c'.repeat(5)}`);
    expect(foldLine(`X:${'a'.repeat(73)}`)).toBe(`X:${'a'.repeat(73)}`); // exactly 75: unfolded
  });

  it('never cuts a two-octet Persian letter in half when folding', () => {
    // 8 octets of "SUMMARY:" + 33 letters × 2 = 74; a 34th would make 76.
    expect(foldLine(`SUMMARY:${'ب'.repeat(40)}`)).toBe(`SUMMARY:${'ب'.repeat(33)}\r\n ${'ب'.repeat(7)}`);
  });

  it('keeps every line of a long Persian summary within 75 octets', () => {
    const text = calendarFile(
      hearingEvent({
        ...SUMMONS,
        case: { ...SUMMONS.case, court: { name: { fa: 'دادگاه عمومی حقوقی شهرستان تهران'.repeat(3) } } },
      })!,
    );
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
  });
});

describe("a notice's dates on the citizen's calendar", () => {
  it('a summons gives its hearing, summarised in Persian with the court, branch and case number', () => {
    expect(hearingEvent(SUMMONS)).toEqual({
      uid: 'notice-42-hearing@daftar',
      stamp: new Date('2026-12-04T06:30:00Z'),
      start: { at: new Date('2026-12-09T05:30:00Z') },
      summary: 'جلسهٔ رسیدگی — دادگاه حقوقی، شعبهٔ ۲ — پروندهٔ THR-GEN-01-000001-1405',
      description: 'احضاریه',
    });
  });

  it('the last day of the limit is a whole day, summarised with the number of days', () => {
    expect(deadlineEvent(SUMMONS)).toEqual({
      uid: 'notice-42-deadline@daftar',
      stamp: new Date('2026-12-04T06:30:00Z'),
      start: { day: '2026-12-26' },
      summary: 'آخرین روز مهلت ۲۰ روزه — دادگاه حقوقی، شعبهٔ ۲ — پروندهٔ THR-GEN-01-000001-1405',
      description: 'احضاریه',
    });
  });

  it('a notice without a hearing or a running limit gives no event', () => {
    expect(hearingEvent({ ...SUMMONS, hearingAt: null })).toBeNull();
    expect(deadlineEvent({ ...SUMMONS, deadline: null })).toBeNull();
  });
});
