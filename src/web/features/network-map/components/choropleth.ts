/**
 * Choropleth classes: the provinces' values cut into up to five bins at quantiles (so a few large
 * provinces do not wash out the rest), each bin a shade of one hue, lighter to darker. Provinces
 * without a value (no population, no office) are drawn grey.
 */
export const CLASS_COLOURS = ['#e8f1f8', '#b9d4ea', '#7fb0d6', '#4586bd', '#1f5a92'];
export const NO_DATA_COLOUR = '#d5d5d5';

export interface Classes {
  breaks: number[];
  min: number;
  max: number;
}

/** Upper bounds of each bin (ascending, deduplicated); empty when there is no value. */
export function classBreaks(values: readonly (number | null)[], bins = CLASS_COLOURS.length): Classes | null {
  const v = values.filter((x): x is number => x != null && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const breaks: number[] = [];
  for (let i = 1; i <= bins; i++) {
    const q = v[Math.min(v.length - 1, Math.ceil((i / bins) * v.length) - 1)];
    if (breaks.length === 0 || q > breaks[breaks.length - 1]) breaks.push(q);
  }
  return { breaks, min: v[0], max: v[v.length - 1] };
}

/**
 * The legend's label of each bin, "from – to" as the reader sees the numbers: a bin whose two ends
 * read the same (one province, or values closer than the shown precision) reads as one number,
 * never "0.02 – 0.02".
 */
export function legendLabels(classes: Classes | null, show: (value: number) => string): string[] {
  if (!classes) return [];
  return classes.breaks.map((upper, i) => {
    const from = show(i === 0 ? classes.min : classes.breaks[i - 1]);
    const to = show(upper);
    return from === to ? to : `${from} – ${to}`;
  });
}

/** The bin of a value (0-based), -1 for no value. */
export function binOf(value: number | null | undefined, classes: Classes | null): number {
  if (value == null || !classes) return -1;
  const i = classes.breaks.findIndex((b) => value <= b);
  return i === -1 ? classes.breaks.length - 1 : i;
}

/** The colour of each bin when there are fewer bins than colours: spread over the ramp. */
export function binColour(bin: number, binCount: number): string {
  if (bin < 0) return NO_DATA_COLOUR;
  if (binCount <= 1) return CLASS_COLOURS[CLASS_COLOURS.length - 1];
  return CLASS_COLOURS[Math.round((bin / (binCount - 1)) * (CLASS_COLOURS.length - 1))];
}

/** Shares (0–1) in five equal steps of 20 %: quantiles would collapse when most provinces are all far or all near. */
export const SHARE_CLASSES: Classes = { breaks: [0.2, 0.4, 0.6, 0.8, 1], min: 0, max: 1 };
