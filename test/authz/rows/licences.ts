/** Authorization matrix rows of the licences operations (see ../matrix.int.test.ts for how cells are read). */
import type { MatrixContext, Operation } from '../kit';

export function licenceRows(_ctx: MatrixContext): Record<string, Operation> {
  return {};
}
