/** Authorization matrix rows of the revision simulator, its saved runs and exports, and the office cost model (see ../matrix.int.test.ts for how cells are read). */
import type { MatrixContext, Operation } from '../kit';

export function simulatorRows(_ctx: MatrixContext): Record<string, Operation> {
  return {};
}
