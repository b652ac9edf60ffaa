/** The stats area's routes: each endpoint of its contract, parsed input in, a use case called, its answer out. */
import type { FastifyReply } from 'fastify';
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { PRINTABLE_PAGE_POLICY } from '#server/platform/http/security-headers';
import { sendPdf } from '#server/platform/pdf/send-pdf';
import {
  annualReport,
  boardReport,
  listAnnualReports,
  listBoardReports,
  makeAnnualReport,
  makeBoardReport,
} from './board-reports';
import { annualReportHtml } from './board-annual-html';
import { boardReportHtml } from './board-report-html';
import { statsContract } from './contract';
import { servicesDashboard } from './dashboard';
import { filingsDashboard } from './filings';
import { kpisDashboard } from './kpis';
import { noticesDashboard } from './notices';
import { OPEN_DATA_LICENCE, openDataCsv, openDataFileName, openServices, openYear } from './open-data';
import { openNotices, openNoticesCsv } from './open-notices';
import { overview } from './overview';

export function statsRoutes(app: Api, ctx: AppContext) {
  implement(app, statsContract, {
    overview: ({ actor }) => overview(ctx, actor),
    services: ({ actor, query }) => servicesDashboard(ctx, actor, query),
    filings: ({ actor, query }) => filingsDashboard(ctx, actor, query),
    notices: ({ actor, query }) => noticesDashboard(ctx, actor, query),
    kpis: ({ actor, query }) => kpisDashboard(ctx, actor, query),
    openServices: ({ query }) => openServices(ctx, query),
    async openServicesCsv({ query }, _req, reply) {
      const data = await openServices(ctx, query);
      return csvReply(reply, data, openDataFileName(data, query.provinceId));
    },
    async openYearCsv({ params }, _req, reply) {
      const data = await openYear(ctx, params.year);
      return csvReply(reply, data, `daftar-services-${params.year}.csv`);
    },
    openNotices: ({ query }) => openNotices(ctx, query),
    async openNoticesCsv({ query }, _req, reply) {
      const data = await openNotices(ctx, query);
      const span = `${data.months[0]}-${data.months[data.months.length - 1]}`;
      const province = query.provinceId == null ? '' : `-province-${query.provinceId}`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="daftar-notices-${span}${province}.csv"`)
        .header('link', `<${OPEN_DATA_LICENCE.url}>; rel="license"`)
        .send(openNoticesCsv(data));
    },
    boardReports: ({ actor, query }) => listBoardReports(ctx, actor, query),
    makeBoardReport: ({ actor, body }) => makeBoardReport(ctx, actor, body.month),
    async boardReport({ actor, params }, _req, reply) {
      const report = await boardReport(ctx, actor, params.month);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', PRINTABLE_PAGE_POLICY)
        .send(boardReportHtml(report, { printButton: true, pdfUrl: `${reportUrl(params.month)}.pdf` }));
    },
    async boardReportPdf({ actor, params }, req, reply) {
      const report = await boardReport(ctx, actor, params.month);
      return sendPdf(req, reply, {
        html: () => boardReportHtml(report, { printButton: false }),
        htmlUrl: reportUrl(params.month),
        filename: `daftar-board-report-${params.month}.pdf`,
        print: { format: 'A4' },
      });
    },
    annualReports: ({ actor }) => listAnnualReports(ctx, actor),
    makeAnnualReport: ({ actor, body }) => makeAnnualReport(ctx, actor, body.year),
    async annualReport({ actor, params }, _req, reply) {
      const report = await annualReport(ctx, actor, params.year);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', PRINTABLE_PAGE_POLICY)
        .send(annualReportHtml(report, { printButton: true, pdfUrl: `${annualUrl(params.year)}.pdf` }));
    },
    async annualReportPdf({ actor, params }, req, reply) {
      const report = await annualReport(ctx, actor, params.year);
      return sendPdf(req, reply, {
        html: () => annualReportHtml(report, { printButton: false }),
        htmlUrl: annualUrl(params.year),
        filename: `daftar-board-annual-report-${params.year}.pdf`,
        print: { format: 'A4' },
      });
    },
  });
}

const annualUrl = (year: number) => `/api/v1/stats/board-reports/years/${year}/report`;
const reportUrl = (month: string) => `/api/v1/stats/board-reports/${month}/report`;

function csvReply(reply: FastifyReply, data: Parameters<typeof openDataCsv>[0], fileName: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('link', `<${OPEN_DATA_LICENCE.url}>; rel="license"`)
    .send(openDataCsv(data));
}
