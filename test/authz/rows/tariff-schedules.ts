/** Authorization matrix rows of tariff schedules (drafts, indexation, approval) (see ../matrix.int.test.ts for how cells are read). */
import type { MatrixContext, Operation } from '../kit';

export function scheduleRows(_ctx: MatrixContext): Record<string, Operation> {
  return {};
}
