/**
 * Exports of a saved simulation for the association's board: CSV per office, province or
 * service; a printable HTML report; and that report as PDF. Readable by whoever may read the run.
 */
import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import { SIGNED_IN, type Api } from '../../../platform/http/api';
import { queryInt } from '../../../platform/http/fields';
import { problems } from '../../../platform/http/problem-schema';
import { PRINTABLE_PAGE_POLICY } from '../../../platform/http/security-headers';
import { actorOf } from '../../../platform/http/session-hook';
import { sendPdf } from '../../../platform/pdf/send-pdf';
import { CSV_LEVELS, csvFileName, simulationCsv } from './export-csv';
import { getSimulation } from './service';

const tags = ['tariffs'];
const idParams = z.object({ id: queryInt(1, 2_147_483_647) });
const csvQuery = z.object({
  level: z.enum(CSV_LEVELS).default('office').meta({ description: 'One row per office (default), province or service' }),
});

export function simulatorExportRoutes(app: Api, ctx: AppContext) {
  app.get('/v1/tariffs/simulations/:id/export.csv', {
    schema: {
      tags, summary: 'A saved simulation as CSV (UTF-8 with BOM, Persian and English headers, Latin digits), one row per office, province or service',
      security: SIGNED_IN, params: idParams, querystring: csvQuery,
      response: { 200: z.string().meta({ description: 'text/csv' }), ...problems(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    const result = await getSimulation(ctx, actorOf(req), req.params.id);
    const level = req.query.level;
    return reply.type('text/csv; charset=utf-8').header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${csvFileName(req.params.id, level)}"`)
      .send(simulationCsv(result, level));
  });

  app.get('/v1/tariffs/simulations/:id/report', {
    schema: {
      tags, summary: 'A saved simulation as a printable report for the association\'s board (HTML, Persian, A4, charts as inline SVG)',
      security: SIGNED_IN, params: idParams, response: { 200: z.string().meta({ description: 'text/html' }), ...problems(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    const result = await getSimulation(ctx, actorOf(req), req.params.id);
    const { simulationReportHtml } = await loadReport();
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('content-security-policy', PRINTABLE_PAGE_POLICY)
      .send(simulationReportHtml(result, { printButton: true, pdfUrl: `/api/v1/tariffs/simulations/${req.params.id}/report.pdf` }));
  });

  app.get('/v1/tariffs/simulations/:id/report.pdf', {
    schema: {
      tags, summary: 'The board report as PDF (A4), printed from the HTML view by Chromium; 503 pdf_unavailable when the server has no Chromium',
      security: SIGNED_IN, params: idParams, response: { 200: z.any().meta({ description: 'application/pdf' }), ...problems(400, 401, 403, 404, 503) },
    },
  }, async (req, reply) => {
    const result = await getSimulation(ctx, actorOf(req), req.params.id);
    const { simulationReportHtml } = await loadReport();
    return sendPdf(req, reply, {
      html: () => simulationReportHtml(result, { printButton: false }), htmlUrl: `/api/v1/tariffs/simulations/${req.params.id}/report`,
      filename: `simulation-${req.params.id}-report.pdf`, print: { format: 'A4' },
    });
  });
}

/** The report draws its charts with ECharts, loaded with the first report rather than at start-up. */
const loadReport = () => import('./export-report');
