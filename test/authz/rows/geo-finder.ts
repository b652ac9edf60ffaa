/** Authorization matrix rows of geography: finder (see ../matrix.int.test.ts for how cells are read). */
import type { MatrixContext, Operation } from '../kit';

export function geoFinderRows(_ctx: MatrixContext): Record<string, Operation> {
  return {
  };
}
