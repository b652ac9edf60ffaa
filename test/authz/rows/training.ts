/** Authorization matrix rows of the training operations (see ../matrix.int.test.ts for how cells are read). */
import type { MatrixContext, Operation } from '../kit';

export function trainingRows(_ctx: MatrixContext): Record<string, Operation> {
  return {};
}
