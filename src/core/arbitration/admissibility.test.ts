/**
 * Who and what may go to arbitration: Art. 454 (capacity to sue), the 1313 Act on the majority of
 * contracting parties (eighteen full solar years, read off the identity papers: farasai.com «قانون
 * راجع به رشد متعاملین»: «کسانی را که به سن ۱۸ سال شمسی تمام نرسیده‌اند … غیر رشید بشناسند … مناط تشخیص
 * سن اشخاص اوراق هویت آنهاست»), and Art. 496 (wikihoghoogh.net «ماده ۴۹۶ قانون آیین دادرسی مدنی»:
 * «دعاوی زیر قابل ارجاع به داوری نیست: ۱) دعوای ورشکستگی ۲) دعاوی راجع به اصل نکاح، فسخ آن، طلاق و نسب»).
 */
import { describe, expect, it } from 'vitest';
import { capacityProblem, solarAge, subjectExcluded } from './admissibility';

describe('subjects the law keeps from arbitration (Art. 496)', () => {
  it('bankruptcy, the marriage itself or its annulment, divorce and parentage are excluded', () => {
    expect(subjectExcluded('bankruptcy')).toBe(true);
    expect(subjectExcluded('marriage_validity')).toBe(true);
    expect(subjectExcluded('divorce')).toBe(true);
    expect(subjectExcluded('parentage')).toBe(true);
  });
  it('a dower claim between spouses is a money claim, not the marriage itself: it may go to arbitration', () => {
    expect(subjectExcluded('dower')).toBe(false);
    expect(subjectExcluded('lease')).toBe(false);
    expect(subjectExcluded('estate_division')).toBe(false);
  });
});

describe('capacity (Art. 454; eighteen full solar years)', () => {
  // Born 16 Ordibehesht 1387 = 2008-05-05; on 15 Ordibehesht 1405 (2026-05-05) they are seventeen, a day short
  // of eighteen full solar years; on 16 Ordibehesht 1405 (2026-05-06) they are eighteen.
  it('a day before the eighteenth solar birthday a party is a minor and is refused', () => {
    expect(solarAge('2008-05-05', '2026-05-05')).toBe(17);
    expect(capacityProblem({ birthDate: '2008-05-05', capacityAttested: true }, '2026-05-05')).toBe('minor');
  });
  it('on the eighteenth solar birthday the party is of age', () => {
    expect(solarAge('2008-05-05', '2026-05-06')).toBe(18);
    expect(capacityProblem({ birthDate: '2008-05-05', capacityAttested: false }, '2026-05-06')).toBeNull();
  });
  it('without a birth date in the registry, only an attestation after an ID check lets the party agree', () => {
    expect(capacityProblem({ birthDate: null, capacityAttested: false }, '2026-05-05')).toBe('capacity_unattested');
    expect(capacityProblem({ birthDate: null, capacityAttested: true }, '2026-05-05')).toBeNull();
  });
});
