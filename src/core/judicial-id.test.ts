import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from './check-digit';
import { judicialIdFor } from './judicial-id';

describe('judicial IDs', () => {
  it('carry a Verhoeff check digit that catches a mistyped digit and swapped neighbours', () => {
    const id = judicialIdFor(1, 12_345);
    expect(id).toMatch(/^901000012345\d$/);
    expect(hasValidCheckDigit(id)).toBe(true);
    const typo = id.slice(0, 5) + String((Number(id[5]) + 1) % 10) + id.slice(6);
    expect(hasValidCheckDigit(typo)).toBe(false);
    const swapped = id.slice(0, 8) + id[9] + id[8] + id.slice(10);
    if (swapped !== id) expect(hasValidCheckDigit(swapped)).toBe(false);
  });

  it('differ for every citizen and province', () => {
    const ids = new Set<string>();
    for (const province of [1, 3, 31])
      for (let citizen = 1; citizen <= 500; citizen++) ids.add(judicialIdFor(province, citizen));
    expect(ids.size).toBe(1500);
  });
});
