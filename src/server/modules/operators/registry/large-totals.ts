/**
 * Totals of large staff searches, kept for a few seconds. Counting everyone who matches a national
 * list costs more than the page itself (10–20 ms over ~14,000 staff, on every page turn); a total
 * in the thousands that lags a hiring by a few seconds misleads nobody. Small totals — an office,
 * most provinces, any search that narrows — are never kept: they are counted afresh, exactly.
 */
export const LARGE_TOTAL = 1_000;
const KEEP_MS = 15_000;
const MAX_ENTRIES = 500;

const totals = new Map<string, { total: number; at: number }>();

export function keptTotal(key: string, now = Date.now()): number | null {
  const hit = totals.get(key);
  if (!hit) return null;
  if (now - hit.at > KEEP_MS) {
    totals.delete(key);
    return null;
  }
  return hit.total;
}

export function keepTotal(key: string, total: number, now = Date.now()): void {
  if (total < LARGE_TOTAL) return;
  if (totals.size >= MAX_ENTRIES) totals.delete(totals.keys().next().value!);
  totals.set(key, { total, at: now });
}
