/** Authorization matrix rows of geography: distribution (see ../matrix.int.test.ts for how cells are read). */
import { D, F, ok, U, type MatrixContext, op, type Operation } from '../kit';

export function geoDistributionRows(_ctx: MatrixContext): Record<string, Operation> {
  return {
    [op('network.distribution')]: {
      note: "figures per province (a province's association and inspector: their province only)",
      request: () => ({ method: 'GET', url: '/api/v1/geo/distribution?distanceKm=20' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, F, F, ok, D, D, D, D, D, F],
    },
    [op('network.provinceDistribution')]: {
      note: "Tehran's figures and counties (its own association and inspector; national oversight)",
      request: () => ({ method: 'GET', url: '/api/v1/geo/distribution/provinces/1' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, ok, D, ok, D, D, D, D, D, ok],
    },
    [op('network.officesMap')]: {
      note: "active offices with their viability on the map (a province's association and inspector: their province only)",
      request: () => ({ method: 'GET', url: '/api/v1/geo/offices/map' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, F, F, ok, D, D, D, D, D, F],
    },
    [op('network.viability')]: {
      note: "office viability (an office manager: their office; a province's association and inspector: their province)",
      request: () => ({ method: 'GET', url: '/api/v1/geo/viability' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, F, F, D, F, ok, F, F, ok, D, D, D, D, D, F],
    },
  };
}
