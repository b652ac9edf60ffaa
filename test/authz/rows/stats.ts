/** Authorization matrix rows of the statistics dashboard (see ../matrix.int.test.ts for how cells are read). */
import { D, F, ok, PUBLIC, U, type MatrixContext, op, type Operation } from '../kit';

export function statsRows(_ctx: MatrixContext): Record<string, Operation> {
  return {
    [op('stats.services')]: {
      note: "services at the caller's own place: the nation for national oversight, a province's association its province, a manager their office (another place is refused: test/stats/dashboard.int.test.ts)",
      request: () => ({ method: 'GET', url: '/api/v1/stats/services' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, F, F, D, F, ok, F, F, ok, D, D, D, D, D, D],
    },
    [op('stats.filings')]: {
      note: "filings at the caller's own place, as for services",
      request: () => ({ method: 'GET', url: '/api/v1/stats/filings' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, F, F, D, F, ok, F, F, ok, D, D, D, D, D, D],
    },
    [op('stats.openServices')]: {
      note: 'open data by province and month, small counts suppressed: anyone, signed in or not',
      request: () => ({ method: 'GET', url: '/api/v1/stats/open/services' }),
      expected: PUBLIC,
    },
    [op('stats.openServicesCsv')]: {
      note: "a province's open data as CSV: anyone",
      request: () => ({ method: 'GET', url: '/api/v1/stats/open/services.csv?provinceId=1' }),
      expected: PUBLIC,
    },
    [op('stats.openYearCsv')]: {
      note: "a Jalali year's bulk download: anyone",
      request: () => ({ method: 'GET', url: '/api/v1/stats/open/years/1404.csv' }),
      expected: PUBLIC,
    },
  };
}
