/** Authorization matrix rows of geography: siting (see ../matrix.int.test.ts for how cells are read). */
import type { MatrixContext, Operation } from '../kit';

export function geoSitingRows(_ctx: MatrixContext): Record<string, Operation> {
  return {
  };
}
