/** Authorization matrix rows of the quality operations (see ../matrix.int.test.ts for how cells are read). */
import { D, F, N, ok, U, type MatrixContext, op, type Operation } from '../kit';

export function qualityRows(_ctx: MatrixContext): Record<string, Operation> {
  return {
    [op('quality.facts')]: {
      note: "each office's measured facts for a month: a manager their office, a province's association and inspector their province, the nation all",
      request: () => ({ method: 'GET', url: '/api/v1/quality/facts?month=1405-01' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, F, F, D, F, ok, F, F, ok, D, D, D, D, D, F],
    },
    [op('quality.officeFacts')]: {
      note: "office 11001's measured facts and its operators' parts; to anyone else it does not exist",
      request: () => ({ method: 'GET', url: '/api/v1/quality/offices/1/facts?month=1405-01' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, N, N, N, ok, N, N, N, ok, ok, N, ok, N, N, N, N, N, ok],
    },
  };
}
