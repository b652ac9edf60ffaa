/**
 * Paper service by the court's bailiff and the limits that run from it, against worked examples
 * from Iranian practice. Expected dates are counted by hand and cited, never taken from the code.
 *
 * Sources:
 * - the Code's Arts. 67–70 as published at aftabir.com
 *   (government/tripleforces/lawmaker/legal_shape_civil_firsthearing_current_communique.php) and
 *   wikihoghoogh.net ("ماده ۶۹ قانون آیین دادرسی مدنی": service on a relative or servant is legal
 *   service, ابلاغ قانونی);
 * - tnovin.com (view/5de77e2e35a7cc54e81b60b2) and iranprisons.ir ("انواع ابلاغ اوراق قضایی"):
 *   papers handed to the party are actual service; handed to a spouse or child, or posted at the
 *   address, legal service;
 * - hiu.ir ("مهلت تجدیدنظرخواهی", 1396/05/23): "if the decision was served on you on 15 Farvardin,
 *   your time starts the next day, 16 Farvardin, the 20 days end on 4 Ordibehesht, and as the day of
 *   the action does not count either you may appeal on 5 Ordibehesht — not on the 6th".
 */
import { describe, expect, it } from 'vitest';
import { fridaysAnd } from './holiday-calendar';
import { countFromPaperService, needsRecipient, PAPER_SERVICE_LAW, PAPER_SERVICE_MANNERS } from './paper-service';

/** 15 Farvardin 1405 is Saturday 4 April 2026; 5 Ordibehesht 1405 is Saturday 25 April 2026 (time.ir). */
const FARVARDIN_15_1405 = '2026-04-04';
const ORDIBEHESHT_4_1405 = '2026-04-24';
const ORDIBEHESHT_5_1405 = '2026-04-25';
/** Within the count: 13 Farvardin is before it; the martyrdom of Imam Sadegh (25 Farvardin 1405) falls inside and counts like any day (Art. 444). */
const HOLIDAYS = new Set(['2026-04-14']);

describe('paper service (Civil Procedure Code Arts. 68–70)', () => {
  it('in person is actual service (Art. 68); with a relative or servant (Art. 69) or posted at the address (Art. 70) is legal service', () => {
    expect(PAPER_SERVICE_MANNERS).toEqual(['personal', 'residence', 'posting']);
    expect(PAPER_SERVICE_LAW.personal).toEqual({ article: 68, kind: 'actual' });
    expect(PAPER_SERVICE_LAW.residence).toEqual({ article: 69, kind: 'legal' });
    expect(PAPER_SERVICE_LAW.posting).toEqual({ article: 70, kind: 'legal' });
  });

  it('the name and relation of whoever took the papers are written only when they were left with a relative or servant (Art. 69)', () => {
    expect(needsRecipient('residence')).toBe(true);
    expect(needsRecipient('personal')).toBe(false);
    expect(needsRecipient('posting')).toBe(false);
  });

  it('a decision served by the bailiff on 15 Farvardin may be appealed until 5 Ordibehesht, not the 6th (hiu.ir; Arts. 336, 445)', () => {
    for (const manner of PAPER_SERVICE_MANNERS) {
      const count = countFromPaperService(FARVARDIN_15_1405, 20, fridaysAnd(HOLIDAYS));
      expect(count.firstCountedDay, manner).toBe('2026-04-05'); // 16 Farvardin
      expect(count.lastCountedDay, manner).toBe(ORDIBEHESHT_4_1405);
      expect(count.lastDay, manner).toBe(ORDIBEHESHT_5_1405);
      expect(count.moved, manner).toEqual([]);
    }
  });

  it('a last day on the 14 and 15 Khordad holidays moves to Saturday 16 Khordad (Art. 444): served Thursday 24 Ordibehesht 1405', () => {
    // 24 Ordibehesht 1405 is Thursday 14 May 2026; + 20 counted days + 1 is Thursday 14 Khordad (4 June), a
    // solar holiday, then Friday 15 Khordad (also a holiday); offices reopen Saturday 16 Khordad (6 June).
    const count = countFromPaperService('2026-05-14', 20, fridaysAnd(new Set(['2026-06-04', '2026-06-05'])));
    expect(count.nominalLastDay).toBe('2026-06-04');
    expect(count.lastDay).toBe('2026-06-06');
    expect(count.moved.map((c) => c.date)).toEqual(['2026-06-04', '2026-06-05']);
  });
});
