/** What an office must keep: the break-even volume, or for one already below it, all it has. */

/**
 * An existing office already below break-even must not lose any demand, so its floor is what it
 * has; any other office must stay at or above its break-even.
 */
export function floorOf(demandBefore: number, breakEven: number): number {
  return Math.min(breakEven, demandBefore);
}

/**
 * Demand sums are floating point and are built in different orders by different solvers; a
 * shortfall smaller than a billionth of the floor is rounding, not a real shortfall.
 */
export function meetsFloor(demand: number, floor: number): boolean {
  return demand >= floor - 1e-9 * Math.max(1, Math.abs(floor));
}

/** Whether `a` improves on `b` by more than rounding (objective values are population sums). */
export function improves(a: number, b: number): boolean {
  return a > b + 1e-9 * Math.max(1, Math.abs(b));
}
