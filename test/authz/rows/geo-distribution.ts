/** Authorization matrix rows of geography: distribution (see ../matrix.int.test.ts for how cells are read). */
import type { MatrixContext, Operation } from '../kit';

export function geoDistributionRows(_ctx: MatrixContext): Record<string, Operation> {
  return {
  };
}
