/** Authorization matrix rows of geography: finder (see ../matrix.int.test.ts for how cells are read). */
import { PUBLIC, type MatrixContext, op, type Operation } from '../kit';

export function geoFinderRows(_ctx: MatrixContext): Record<string, Operation> {
  return {
    [op('network.finder')]: {
      note: 'the nearest offices offering a service, with distance and hours (public: citizens search before they visit)',
      request: () => ({ method: 'GET', url: '/api/v1/geo/finder?service=petition&provinceId=1&limit=3' }),
      expected: PUBLIC,
    },
  };
}
