/** Authorization matrix rows of the statistics dashboard (see ../matrix.int.test.ts for how cells are read). */
import { saveAnnualReport } from '#server/modules/stats/board-annual';
import { saveBoardReport } from '#server/modules/stats/board-report';
import { D, F, ok, PUBLIC, U, type MatrixContext, op, type Operation } from '../kit';

export function statsRows(ctx: MatrixContext): Record<string, Operation> {
  // Farvardin 1405's report, kept once for the rows that open it.
  let kept: Promise<unknown> | undefined;
  const farvardinReport = async (suffix: string) => {
    kept ??= saveBoardReport(ctx.t.database.db, '1405-01', ctx.t.now(), null);
    await kept;
    return { method: 'GET' as const, url: `/api/v1/stats/board-reports/1405-01/${suffix}` };
  };
  // The annual report of 1404, kept once for the rows that open it.
  let keptYear: Promise<unknown> | undefined;
  const report1404 = async (suffix: string) => {
    keptYear ??= saveAnnualReport(ctx.t.database.db, 1404, ctx.t.now(), null);
    await keptYear;
    return { method: 'GET' as const, url: `/api/v1/stats/board-reports/years/1404/${suffix}` };
  };
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
    [op('stats.notices')]: {
      note: "notices at the caller's own place, as for services (test/stats/notices.int.test.ts)",
      request: () => ({ method: 'GET', url: '/api/v1/stats/notices' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, F, F, D, F, ok, F, F, ok, D, D, D, D, D, D],
    },
    [op('stats.kpis')]: {
      note: "the service standard's four KPIs at the caller's own place, as for services (test/stats/kpis.int.test.ts)",
      request: () => ({ method: 'GET', url: '/api/v1/stats/kpis' }),
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
    [op('stats.openNotices')]: {
      note: 'open data of notices by province and month, small counts suppressed: anyone',
      request: () => ({ method: 'GET', url: '/api/v1/stats/open/notices' }),
      expected: PUBLIC,
    },
    [op('stats.openNoticesCsv')]: {
      note: "a province's open notices data as CSV: anyone",
      request: () => ({ method: 'GET', url: '/api/v1/stats/open/notices.csv?provinceId=1' }),
      expected: PUBLIC,
    },
    [op('stats.boardReports')]: {
      note: "the board's monthly reports: national oversight only (every province's figures; a province's association is refused)",
      request: () => ({ method: 'GET', url: '/api/v1/stats/board-reports' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, D, D, ok, D, D, D, D, D, D],
    },
    [op('stats.makeBoardReport')]: {
      note: "a finished month's board report made on demand: the regulator only",
      request: () => ({ method: 'POST', url: '/api/v1/stats/board-reports', body: { month: '1405-01' } }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, ok, D, D, D, D, D, D],
    },
    [op('stats.boardReport')]: {
      note: "a month's board report as a printable page: national oversight only",
      request: () => farvardinReport('report'),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, D, D, ok, D, D, D, D, D, D],
    },
    [op('stats.boardReportPdf')]: {
      note: "a month's board report as PDF: national oversight only",
      request: () => farvardinReport('report.pdf'),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, D, D, ok, D, D, D, D, D, D],
    },
    [op('stats.annualReports')]: {
      note: "the board's annual reports: national oversight only, as the monthly ones",
      request: () => ({ method: 'GET', url: '/api/v1/stats/board-reports/years' }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, D, D, ok, D, D, D, D, D, D],
    },
    [op('stats.makeAnnualReport')]: {
      note: "a finished year's annual report made on demand: the regulator only",
      request: () => ({ method: 'POST', url: '/api/v1/stats/board-reports/years', body: { year: 1404 } }),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, D, D, D, ok, D, D, D, D, D, D],
    },
    [op('stats.annualReport')]: {
      note: "a year's board report as a printable page: national oversight only",
      request: () => report1404('report'),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, D, D, ok, D, D, D, D, D, D],
    },
    [op('stats.annualReportPdf')]: {
      note: "a year's board report as PDF: national oversight only",
      request: () => report1404('report.pdf'),
      //       anon cit1 cit2  op11 mg11 mg12 op13 mg13  assN assT assI reg   clkT jdgT clkI con  arbT insT
      expected: [U, D, D, D, D, D, D, D, ok, D, D, ok, D, D, D, D, D, D],
    },
  };
}
