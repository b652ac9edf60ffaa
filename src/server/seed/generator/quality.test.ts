import { describe, expect, it } from 'vitest';
import { fridaysAnd } from '#core/holiday-calendar';
import { qualityFrom, qualityRecords, type QualityInput } from './quality';

const input: QualityInput = {
  seed: 3,
  today: '2026-05-05',
  closed: (day) => fridaysAnd(new Set(['2026-03-21'])).closure(day) != null,
  start: { ticketId: 100, surveyId: 10, inspectionId: 5, complaintId: 7 },
  offices: [
    { id: 1, provinceId: 1, operators: [11, 12], manager: 10 },
    { id: 2, provinceId: 1, operators: [21], manager: 20 },
    { id: 3, provinceId: 3, operators: [], manager: null },
  ],
  citizens: new Map([
    [1, { start: 1_000, count: 50 }],
    [3, { start: 2_000, count: 20 }],
  ]),
  inspectors: new Map([[1, [90]]]),
  associationId: 99,
  services: ['petition', 'notice-page'],
  ticketsPerDay: 4,
};

describe('generated quality records', () => {
  it('start on the first day of the twelfth Jalali month before the dataset’s', () => {
    // 15 Ordibehesht 1405 → 1 Ordibehesht 1404.
    expect(qualityFrom('2026-05-05')).toBe('2025-04-21');
  });

  it('are the same for a seed, with ids in sequence across offices, on open days before the dataset’s day', () => {
    const a = [...qualityRecords(input)];
    const b = [...qualityRecords(input)];
    expect(a).toEqual(b);
    const tickets = a.flatMap((o) => o.tickets);
    expect(tickets.map((t) => t.id)).toEqual(tickets.map((_, i) => 100 + i));
    expect(tickets.every((t) => t.day >= '2025-04-21' && t.day < '2026-05-05' && !input.closed(t.day))).toBe(true);
    expect(tickets.some((t) => t.day === '2026-03-21')).toBe(false);
    // An office without operators still serves, with nobody named; without a manager nothing is answered.
    expect(a[2].tickets.every((t) => t.servedBy == null)).toBe(true);
    expect(a[2].complaints.every((c) => c.answeredBy == null)).toBe(true);
    // Surveys: one per served ticket of a citizen; their ids follow each other.
    const surveys = a.flatMap((o) => o.surveys);
    expect(new Set(surveys.map((s) => s.ticketId)).size).toBe(surveys.length);
    expect(surveys.map((s) => s.id)).toEqual(surveys.map((_, i) => 10 + i));
    // Another seed, other records.
    expect([...qualityRecords({ ...input, seed: 4 })][0].tickets).not.toEqual(a[0].tickets);
  });
});
