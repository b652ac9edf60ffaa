import { describe, expect, it } from 'vitest';
import { quoteService, scheduleInForce, type TariffSchedule } from './fees';
import { TARIFF_1403 } from './tariff-1403';

const s1403: TariffSchedule = { id: 1, ...TARIFF_1403 };
const s1404: TariffSchedule = {
  ...s1403,
  id: 2,
  code: '1404',
  effectiveFrom: '2025-03-21',
  lines: s1403.lines.map((l) => ({ ...l, amountRials: l.amountRials * 2 })),
};

describe('fee engine', () => {
  it('a petition with two parties and two pages costs the base fee only', () => {
    const r = quoteService(s1403, { service: 'petition', parties: 2, pages: 2 });
    expect(r.ok && r.quote.totalRials).toBe(770_000);
    expect(r.ok && r.quote.lines).toHaveLength(1);
  });
  it('each further party and page adds 70,000 Rials', () => {
    const r = quoteService(s1403, { service: 'petition', parties: 4, pages: 7 });
    if (!r.ok) throw new Error('expected a quote');
    expect(r.quote.lines.map((l) => [l.code, l.quantity, l.amountRials])).toEqual([
      ['petition', 1, 770_000],
      ['extra-party', 2, 140_000],
      ['extra-page', 5, 350_000],
    ]);
    expect(r.quote.totalRials).toBe(1_260_000);
  });
  it('non-filing services are priced by their own line, whatever the counts', () => {
    const r = quoteService(s1403, { service: 'notice-page', parties: 9, pages: 9 });
    expect(r.ok && r.quote.totalRials).toBe(75_000);
  });
  it('a legal notice and a protest use their own base fees', () => {
    expect(
      quoteService(s1403, { service: 'legal-notice' }).ok &&
        (quoteService(s1403, { service: 'legal-notice' }) as { quote: { totalRials: number } }).quote.totalRials,
    ).toBe(630_000);
    const protest = quoteService(s1403, { service: 'protest', parties: 3, pages: 0 });
    expect(protest.ok && protest.quote.totalRials).toBe(570_000);
  });
  it('refuses unknown services, impossible counts, and days without a schedule', () => {
    expect(quoteService(s1403, { service: 'divorce' })).toEqual({
      ok: false,
      problem: { kind: 'unknown_service', service: 'divorce' },
    });
    expect(quoteService(s1403, { service: 'petition', parties: -1 })).toEqual({
      ok: false,
      problem: { kind: 'invalid_quantity', field: 'parties' },
    });
    expect(quoteService(s1403, { service: 'petition', pages: 2.5 })).toEqual({
      ok: false,
      problem: { kind: 'invalid_quantity', field: 'pages' },
    });
    expect(quoteService(null, { service: 'petition' })).toEqual({
      ok: false,
      problem: { kind: 'no_schedule_in_force' },
    });
  });
  it('picks the schedule in force on the day: the latest one started on or before it', () => {
    expect(scheduleInForce([s1403, s1404], '2024-03-19')).toBeNull();
    expect(scheduleInForce([s1403, s1404], '2024-03-20')?.code).toBe('1403');
    expect(scheduleInForce([s1404, s1403], '2025-03-20')?.code).toBe('1403');
    expect(scheduleInForce([s1403, s1404], '2025-03-21')?.code).toBe('1404');
  });
});
