/** Authorization matrix rows of geography: reference (see ../matrix.int.test.ts for how cells are read). */
import { PUBLIC, type MatrixContext, type Operation } from '../kit';

export function geoReferenceRows(_ctx: MatrixContext): Record<string, Operation> {
  return {
    'GET /api/v1/geo/boundaries/provinces': {
      note: 'the provinces\' boundaries the map draws (public reference data)',
      request: () => ({ method: 'GET', url: '/api/v1/geo/boundaries/provinces' }),
      expected: PUBLIC,
    },
  };
}
