/** Authorization matrix rows of the employment operations (see ../matrix.int.test.ts for how cells are read). */
import type { MatrixContext, Operation } from '../kit';

export function employmentRows(_ctx: MatrixContext): Record<string, Operation> {
  return {};
}
