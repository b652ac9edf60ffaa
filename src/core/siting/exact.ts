/**
 * The exact solver: a mixed-integer programme solved with HiGHS (WebAssembly).
 *
 *   max Σ_{i uncovered today} p_i c_i
 *   c_i ≤ Σ_{j within R of i} y_j                       (a point counts once an office is near)
 *   Σ_{j∈L_i} x_ij ≤ 1                                  (the rest stays with i's existing office)
 *   x_ij ≤ y_j
 *   x_ij + Σ_{k∈L_i closer than j} x_ik ≥ y_j            (if j is open, i goes to j or closer)
 *   Σ_i v_i x_ij ≥ B_j y_j                              (a new office reaches break-even)
 *   Σ_{i: e(i)=e} v_i Σ_{j∈L_i} x_ij ≤ base_e − floor_e  (an existing office keeps its floor)
 *   Σ_j y_j ≤ k
 *
 * y_j is binary, x_ij and c_i lie in [0, 1]; with y integral the x's are forced to 0 or 1. L_i is
 * point i's closer list (see preprocess), restricted to the viable candidates (see viability), so
 * only the pairs that can ever matter appear.
 */
import type { Highs } from 'highs';
import type { Prepared } from './preprocess';

let loading: Promise<Highs> | undefined;

/** HiGHS, loaded once per process (the WebAssembly start takes about a tenth of a second). */
function loadHighs(): Promise<Highs> {
  loading ??= import('highs').then((m) => m.default());
  return loading;
}

export interface MipResult {
  /** Chosen candidate indices, ascending. */
  chosen: number[];
  status: 'optimal' | 'time-limit' | 'no-solution';
  objective: number;
  gap: number;
  columns: number;
  rows: number;
}

/** Rows in CSR form with their bounds, filled one row at a time. */
class RowBuilder {
  readonly starts: number[] = [0];
  readonly indices: number[] = [];
  readonly values: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];

  row(entries: [number, number][], lower: number, upper: number): void {
    for (const [col, value] of entries) {
      this.indices.push(col);
      this.values.push(value);
    }
    this.starts.push(this.indices.length);
    this.lower.push(lower);
    this.upper.push(upper);
  }
}

export async function solveMip(
  p: Prepared,
  viable: readonly number[],
  k: number,
  timeLimitSeconds: number,
): Promise<MipResult> {
  const highs = await loadHighs();
  const inf = highs.infinity;
  const { candidates } = p.instance;
  const n = p.population.length;

  // Columns: y for each viable candidate, then c for each reachable uncovered point, then the x pairs.
  const yCol = new Int32Array(candidates.length).fill(-1);
  viable.forEach((j, col) => {
    yCol[j] = col;
  });
  let columns = viable.length;
  const cost: number[] = viable.map(() => 0);
  const integrality: (0 | 1)[] = viable.map(() => 1);
  const rows = new RowBuilder();

  for (let i = 0; i < n; i++) {
    if (p.coveredBefore[i] || p.population[i] <= 0) continue;
    const near: [number, number][] = [];
    for (let t = p.withinStart[i]; t < p.withinStart[i + 1]; t++) {
      const y = yCol[p.withinCandidate[t]];
      if (y >= 0) near.push([y, -1]);
    }
    if (near.length === 0) continue;
    const c = columns++;
    cost.push(p.population[i]);
    integrality.push(0);
    rows.row([[c, 1], ...near], -inf, 0);
  }

  const pairsOfCandidate: [number, number][][] = viable.map(() => []);
  const pairsOfExisting = new Map<number, [number, number][]>();
  for (let i = 0; i < n; i++) {
    const xs: [number, number][] = []; // [x column, y column] in closer-list order
    for (let t = p.closerStart[i]; t < p.closerStart[i + 1]; t++) {
      const y = yCol[p.closerCandidate[t]];
      if (y < 0) continue;
      xs.push([columns++, y]);
      cost.push(0);
      integrality.push(0);
    }
    if (xs.length === 0) continue;
    if (xs.length > 1)
      rows.row(
        xs.map(([x]) => [x, 1]),
        -inf,
        1,
      );
    xs.forEach(([x, y], r) => {
      rows.row(
        [
          [x, 1],
          [y, -1],
        ],
        -inf,
        0,
      );
      rows.row([[x, 1], ...xs.slice(0, r).map(([earlier]): [number, number] => [earlier, 1]), [y, -1]], 0, inf);
      pairsOfCandidate[y].push([x, p.demand[i]]);
    });
    const e = p.nearestExisting[i];
    if (e >= 0) {
      const list = pairsOfExisting.get(e) ?? [];
      for (const [x] of xs) list.push([x, p.demand[i]]);
      pairsOfExisting.set(e, list);
    }
  }
  for (const [y, j] of viable.entries()) rows.row([...pairsOfCandidate[y], [y, -candidates[j].breakEven]], 0, inf);
  for (const [e, list] of pairsOfExisting) rows.row(list, -inf, p.existingDemand[e] - p.existingFloor[e]);
  rows.row(
    viable.map((_, y) => [y, 1]),
    -inf,
    k,
  );

  const numRows = rows.lower.length;
  const model = highs.createModel({
    numCols: columns,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: cost,
    colLower: new Float64Array(columns),
    colUpper: new Float64Array(columns).fill(1),
    rowLower: rows.lower,
    rowUpper: rows.upper,
    matrix: {
      format: 'csr',
      numRows,
      numCols: columns,
      starts: rows.starts,
      indices: rows.indices,
      values: rows.values,
    },
    integrality,
  });
  try {
    model.options.set({ output_flag: false, mip_rel_gap: 1e-6, time_limit: timeLimitSeconds });
    model.run();
    const status = model.getModelStatus();
    // 2 is HiGHS's "feasible" primal solution status: a time-limited run may have an incumbent or none.
    const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
    if (!hasSolution) return { chosen: [], status: 'no-solution', objective: 0, gap: 1, columns, rows: numRows };
    const values = model.getSolution().colValue;
    return {
      chosen: viable.filter((_, y) => values[y] > 0.5),
      status: status === highs.constants.modelStatus.optimal ? 'optimal' : 'time-limit',
      objective: model.getObjectiveValue(),
      gap: Number(model.info.get('mip_gap')),
      columns,
      rows: numRows,
    };
  } finally {
    model.dispose();
  }
}
