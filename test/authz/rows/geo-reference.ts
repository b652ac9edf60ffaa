/** Authorization matrix rows of geography: reference (see ../matrix.int.test.ts for how cells are read). */
import { A, D, ok, PUBLIC, U, type MatrixContext, op, type Operation } from '../kit';

export function geoReferenceRows(_ctx: MatrixContext): Record<string, Operation> {
  return {
    [op('geo.boundaries')]: {
      note: "the provinces' boundaries the map draws (public reference data)",
      request: () => ({ method: 'GET', url: '/api/v1/geo/boundaries/provinces' }),
      expected: PUBLIC,
    },
    [op('geo.counties')]: {
      note: "a province's counties with their population (public reference data)",
      request: () => ({ method: 'GET', url: '/api/v1/geo/provinces/1/counties' }),
      expected: PUBLIC,
    },
    [op('geo.importPopulation')]: {
      note: 'import a population table (past authorization: a file with an unknown province is refused with 422, nothing written)',
      request: () => ({
        method: 'POST',
        url: '/api/v1/geo/population-imports',
        body: { level: 'province', source: 'بررسی دسترسی', year: 1405, csv: 'province,population\nAtlantis,1\n' },
      }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, A, D, D, D, D, D, D],
    },
    [op('geo.populationImports')]: {
      note: 'past population imports (national oversight and national inspectors; province-scoped roles are refused)',
      request: () => ({ method: 'GET', url: '/api/v1/geo/population-imports' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, D, D, ok, D, D, D, D, D, D],
    },
  };
}
