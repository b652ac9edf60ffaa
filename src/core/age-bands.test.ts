import { describe, expect, it } from 'vitest';
import { ageBand, bandCutoffs } from './age-bands';

const now = new Date('2026-05-05T06:30:00Z');
const waited = (days: number, hours = 0) => new Date(now.getTime() - days * 86_400_000 - hours * 3_600_000);

describe('age bands of filings awaiting the court', () => {
  it('a band starts on its first whole day: 6 days 23 hours is under a week, 7 days is one to four weeks', () => {
    expect(ageBand(waited(6, 23), now)).toBe('under-1w');
    expect(ageBand(waited(7), now)).toBe('1w-4w');
    expect(ageBand(waited(27, 23), now)).toBe('1w-4w');
    expect(ageBand(waited(28), now)).toBe('4w-3m');
    expect(ageBand(waited(89, 23), now)).toBe('4w-3m');
    expect(ageBand(waited(90), now)).toBe('over-3m');
    expect(ageBand(waited(400), now)).toBe('over-3m');
  });
  it('the cutoffs are the same days back from now', () => {
    expect(bandCutoffs(now).map((c) => [c.band, c.submittedBefore.toISOString()])).toEqual([
      ['under-1w', '2026-05-05T06:30:00.000Z'],
      ['1w-4w', '2026-04-28T06:30:00.000Z'],
      ['4w-3m', '2026-04-07T06:30:00.000Z'],
      ['over-3m', '2026-02-04T06:30:00.000Z'],
    ]);
  });
});
