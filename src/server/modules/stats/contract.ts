/** The stats area's endpoints: counts within the caller's scope (see platform/http/contract.ts). */
import { areaContract, endpoint } from '#server/platform/http/contract';
import { z } from 'zod';
import {
  annualReportSummarySchema,
  annualReportsSchema,
  annualReportYearParams,
  boardReportMonthParams,
  boardReportsQuery,
  boardReportsSchema,
  boardReportSummarySchema,
  filingsDashboardSchema,
  makeAnnualReportBody,
  makeBoardReportBody,
  kpisDashboardSchema,
  noticesDashboardSchema,
  openNoticesSchema,
  openDataQuery,
  openDataSchema,
  openDataYearParams,
  overviewSchema,
  servicesDashboardSchema,
  servicesQuery,
} from './schemas';

const csvAnswer = z.string().meta({ description: 'text/csv (UTF-8 with BOM, Latin digits), one line per cell' });

export const statsContract = areaContract('stats', {
  overview: endpoint({
    method: 'GET',
    path: '/api/v1/stats/overview',
    access: 'stats.overview',
    summary: "Counts of offices, staff, citizens and pending messages within the caller's scope",
    response: overviewSchema,
  }),
  services: endpoint({
    method: 'GET',
    path: '/api/v1/stats/services',
    access: 'stats.dashboard',
    summary:
      "Services by month, service and channel at one place (the nation, a province, a county or an office) with the places one level down and the same months a year before, read from the monthly rollup (the regulator: the nation; a province's association: its province; an office's manager: the office)",
    query: servicesQuery,
    response: servicesDashboardSchema,
  }),
  filings: endpoint({
    method: 'GET',
    path: '/api/v1/stats/filings',
    access: 'stats.dashboard',
    summary:
      "Filings submitted per month at one place with the court's acceptances, returns and mean time to decide, the places one level down and the same months a year before, and the filings awaiting the court by how long they have waited (under a week, 1–4 weeks, 4 weeks–3 months, longer), read from the rollups the statistics job refreshes",
    query: servicesQuery,
    response: filingsDashboardSchema,
  }),
  notices: endpoint({
    method: 'GET',
    path: '/api/v1/stats/notices',
    access: 'stats.dashboard',
    summary:
      "Notices issued per month at one place (every addressee's copy) with how many were opened at an office and online and the mean time from issue to opening, the places one level down (below a province a copy counts at the office that opened it) and the same months a year before, read from the notices rollup the statistics job refreshes; notices belong to no service or channel, so those filters do not apply",
    query: servicesQuery,
    response: noticesDashboardSchema,
  }),
  kpis: endpoint({
    method: 'GET',
    path: '/api/v1/stats/kpis',
    access: 'stats.dashboard',
    summary:
      'The four KPIs of the service standard at one place, per month, service and place one level down, each with its CDDO "great" threshold: digital take-up (share done online; the nation and a province only), completion rate (filings started and submitted), user satisfaction (counter surveys answered 4 or 5 of 5) and cost per transaction (not available yet), read from the rollups the statistics job refreshes; the channel filter does not apply',
    query: servicesQuery,
    response: kpisDashboardSchema,
  }),
  openServices: endpoint({
    method: 'GET',
    path: '/api/v1/stats/open/services',
    access: 'public',
    summary:
      "Open data, without sign-in: services per Jalali month for every province (at offices and online) or, with `provinceId`, for one province and each of its offices, from the monthly rollup; counts from 1 to 4 and the counts that would give them away are suppressed (docs/decisions/0048); with the licence and the data dictionary's address",
    query: openDataQuery,
    response: openDataSchema,
  }),
  openServicesCsv: endpoint({
    method: 'GET',
    path: '/api/v1/stats/open/services.csv',
    access: 'public',
    summary:
      'The same open data as CSV, one line per cell (a suppressed count empty, `suppressed` 1); the licence in a `Link: rel="license"` header',
    query: openDataQuery,
    response: csvAnswer,
    produces: 'text/csv',
  }),
  openYearCsv: endpoint({
    method: 'GET',
    path: '/api/v1/stats/open/years/:year.csv',
    access: 'public',
    summary:
      'The bulk download of a Jalali year: every month (up to the last complete one), every province and every office, as CSV, suppressed as the other files',
    params: openDataYearParams,
    response: csvAnswer,
    produces: 'text/csv',
  }),
  openNotices: endpoint({
    method: 'GET',
    path: '/api/v1/stats/open/notices',
    access: 'public',
    summary:
      "Open data, without sign-in: every province's notices per Jalali month of issue (or, with `provinceId`, one province's) — copies issued, opened at an office, opened online, not opened yet, and the mean hours to opening — from the notices rollup, small counts suppressed as the services' (docs/decisions/0048)",
    query: openDataQuery,
    response: openNoticesSchema,
  }),
  openNoticesCsv: endpoint({
    method: 'GET',
    path: '/api/v1/stats/open/notices.csv',
    access: 'public',
    summary: 'The same open notices data as CSV, one line per province, month and measure (a suppressed value empty)',
    query: openDataQuery,
    response: csvAnswer,
    produces: 'text/csv',
  }),
  boardReports: endpoint({
    method: 'GET',
    path: '/api/v1/stats/board-reports',
    access: 'stats.board-reports',
    summary:
      "The board's monthly reports kept so far, newest first, with each month's headline figures; national oversight only",
    query: boardReportsQuery,
    response: boardReportsSchema,
    problems: ['forbidden'],
  }),
  makeBoardReport: endpoint({
    method: 'POST',
    path: '/api/v1/stats/board-reports',
    access: 'stats.board-reports.make',
    summary:
      "The regulator makes a finished month's report now (the monthly job makes the last month's on the first of each Jalali month); made again, its figures are read afresh",
    body: makeBoardReportBody,
    status: 201,
    response: boardReportSummarySchema,
    problems: ['forbidden'],
  }),
  boardReport: endpoint({
    method: 'GET',
    path: '/api/v1/stats/board-reports/:month/report',
    access: 'stats.board-reports',
    summary: "A month's board report as a printable page (HTML, Persian, A4)",
    params: boardReportMonthParams,
    response: z.string().meta({ description: 'text/html' }),
    produces: 'text/html',
    problems: ['board_report_not_found'],
  }),
  boardReportPdf: endpoint({
    method: 'GET',
    path: '/api/v1/stats/board-reports/:month/report.pdf',
    access: 'stats.board-reports',
    summary:
      "A month's board report as PDF (A4), printed from the HTML view by Chromium; 503 pdf_unavailable when the server has no Chromium",
    params: boardReportMonthParams,
    response: z.any().meta({ description: 'application/pdf' }),
    produces: 'application/pdf',
    problems: ['board_report_not_found', 'pdf_unavailable'],
  }),
  annualReports: endpoint({
    method: 'GET',
    path: '/api/v1/stats/board-reports/years',
    access: 'stats.board-reports',
    summary:
      "The board's annual reports kept so far, newest year first, with each year's headline figures and how many offices were below break-even and below the quality threshold; national oversight only",
    response: annualReportsSchema,
    problems: ['forbidden'],
  }),
  makeAnnualReport: endpoint({
    method: 'POST',
    path: '/api/v1/stats/board-reports/years',
    access: 'stats.board-reports.make',
    summary:
      "The regulator makes a finished Jalali year's annual report now (the job makes the year just ended on 1 Farvardin); made again, its figures are read afresh",
    body: makeAnnualReportBody,
    status: 201,
    response: annualReportSummarySchema,
    problems: ['forbidden'],
  }),
  annualReport: endpoint({
    method: 'GET',
    path: '/api/v1/stats/board-reports/years/:year/report',
    access: 'stats.board-reports',
    summary:
      "A year's board report as a printable page (HTML, Persian, A4): the year beside the year before, a chart per measure by month, the top movers, the offices below break-even and below the quality threshold, each province",
    params: annualReportYearParams,
    response: z.string().meta({ description: 'text/html' }),
    produces: 'text/html',
    problems: ['board_annual_report_not_found'],
  }),
  annualReportPdf: endpoint({
    method: 'GET',
    path: '/api/v1/stats/board-reports/years/:year/report.pdf',
    access: 'stats.board-reports',
    summary:
      "A year's board report as PDF (A4), printed from the HTML view by Chromium; 503 pdf_unavailable when the server has no Chromium",
    params: annualReportYearParams,
    response: z.any().meta({ description: 'application/pdf' }),
    produces: 'application/pdf',
    problems: ['board_annual_report_not_found', 'pdf_unavailable'],
  }),
});
