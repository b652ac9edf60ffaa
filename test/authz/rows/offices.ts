/** Authorization matrix rows of the offices operations (see ../matrix.int.test.ts for how cells are read). */
import type { MatrixContext, Operation } from '../kit';

export function officeRows(_ctx: MatrixContext): Record<string, Operation> {
  return {};
}
