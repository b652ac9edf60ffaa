/**
 * Small-count suppression of published statistics (docs/decisions/0048): no count from 1 to
 * threshold − 1 is published (primary suppression), and no hidden count can be worked back out
 * of a published total and the other published parts (secondary suppression). Zero is published:
 * it singles nobody out. Pure, so the open data's files and their tests agree.
 */

/** The smallest count the open data publishes (below it, 1 to 4, a cell is hidden). */
export const SMALL_COUNT_THRESHOLD = 5;

/**
 * A published sum: `total` is the cell that equals the sum of `parts` (all cells by key). A sum
 * the publication does not show needs no line: nothing can be subtracted from it.
 */
export interface SumLine {
  total: string;
  parts: readonly string[];
}

/** Whether a count is small enough to single someone out. */
export function isSmallCount(value: number, threshold = SMALL_COUNT_THRESHOLD): boolean {
  return value > 0 && value < threshold;
}

/**
 * The cells to hide: every small count, then, until none is left, in each line where exactly one
 * member is hidden (so it equals the total minus the others), the smallest other part that is not
 * zero (else the smallest other member, the total included) — ties to the first key in sort order,
 * so the same figures always hide the same cells.
 */
export function suppressedCells(
  values: ReadonlyMap<string, number>,
  lines: readonly SumLine[],
  threshold = SMALL_COUNT_THRESHOLD,
): Set<string> {
  const value = (key: string) => values.get(key) ?? 0;
  const hidden = new Set<string>();
  for (const [key, v] of values) if (isSmallCount(v, threshold)) hidden.add(key);

  const smallest = (keys: readonly string[]) =>
    [...keys].sort((a, b) => value(a) - value(b) || (a < b ? -1 : a > b ? 1 : 0))[0];

  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const members = [line.total, ...line.parts];
      if (members.filter((k) => hidden.has(k)).length !== 1) continue;
      const openParts = line.parts.filter((k) => !hidden.has(k));
      const candidates = openParts.filter((k) => value(k) > 0);
      const pick = candidates.length ? smallest(candidates) : smallest(members.filter((k) => !hidden.has(k)));
      if (pick === undefined) continue;
      hidden.add(pick);
      changed = true;
    }
  }
  return hidden;
}
