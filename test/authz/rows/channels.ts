/** Authorization matrix rows of channel policy and channel share (see ../matrix.int.test.ts for how cells are read). */
import type { MatrixContext, Operation } from '../kit';

export function channelRows(_ctx: MatrixContext): Record<string, Operation> {
  return {};
}
