/** The tariffs area's routes: each endpoint of its contract, parsed input in, a use case called, its answer out. */
import { formatJalaliIso, isoToJalali, tehranIsoDate } from '#core/jalali';
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { PRINTABLE_PAGE_POLICY } from '#server/platform/http/security-headers';
import { sendPdf } from '#server/platform/pdf/send-pdf';
import * as channels from './channels/service';
import { tariffsContract } from './contract';
import { addCourtCostRule, courtCostsFor, listCourtCostRules, removeCourtCostRule } from './court-costs';
import { quoteFees } from './fees';
import * as schedules from './schedules/service';
import { listCostModel, updateCostModel } from './simulator/cost-model';
import { csvFileName, simulationCsv } from './simulator/export-csv';
import { getSimulation, listSavedSimulations, runSimulation } from './simulator/service';

/** The report draws its charts with ECharts, loaded with the first report rather than at start-up. */
const loadReport = () => import('./simulator/export-report');

export function tariffRoutes(app: Api, ctx: AppContext) {
  implement(app, tariffsContract, {
    async quote({ body }) {
      const isoDate = body.date?.iso ?? tehranIsoDate(ctx.clock.now());
      const quote = await quoteFees(ctx.db, {
        service: body.service,
        parties: body.parties,
        pages: body.pages,
        channel: body.channel,
        provinceId: body.provinceId,
        isoDate,
      });
      const courtCosts = await courtCostsFor(ctx.db, {
        service: body.service,
        isoDate,
        claimValueRials: body.claimValueRials,
      });
      return {
        ...quote,
        schedule: {
          ...quote.schedule,
          effectiveFromJalali: formatJalaliIso(isoToJalali(quote.schedule.effectiveFrom)),
        },
        courtCosts,
      };
    },
    courtCostRules: async () => ({ items: await listCourtCostRules(ctx.db) }),
    addCourtCostRule: ({ actor, body }) =>
      addCourtCostRule(ctx, actor, {
        ...body,
        effectiveFrom: body.effectiveFrom.iso,
        effectiveTo: body.effectiveTo?.iso,
      }),
    async removeCourtCostRule({ actor, params }) {
      await removeCourtCostRule(ctx, actor, params.id);
      return null;
    },

    schedules: ({ actor, query }) => schedules.listSchedules(ctx, actor, query.status),
    schedule: ({ actor, params }) => schedules.getSchedule(ctx, actor, params.id),
    scheduleChanges: ({ actor, params }) => schedules.scheduleChanges(ctx, actor, params.id),
    createDraft: ({ actor, body }) => schedules.createDraft(ctx, actor, body),
    editDraft: ({ actor, params, body }) => schedules.editDraft(ctx, actor, params.id, body),
    async deleteDraft({ actor, params }) {
      await schedules.deleteDraft(ctx, actor, params.id);
      return null;
    },
    approve: ({ actor, params }) => schedules.approveSchedule(ctx, actor, params.id),
    indexationPreview: ({ actor, body }) => schedules.previewIndexation(ctx, actor, body),

    async simulate({ actor, body }, _req, reply) {
      const result = await runSimulation(ctx, actor, body);
      reply.code(result.id != null ? 201 : 200);
      return result;
    },
    async simulations({ actor, query }) {
      const { page, pageSize, scheduleId, provinceId } = query;
      const { items, total } = await listSavedSimulations(ctx, actor, {
        scheduleId,
        provinceId,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items, total, page, pageSize };
    },
    simulation: ({ actor, params }) => getSimulation(ctx, actor, params.id),
    async simulationCsv({ actor, params, query }, _req, reply) {
      const result = await getSimulation(ctx, actor, params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${csvFileName(params.id, query.level)}"`)
        .send(simulationCsv(result, query.level));
    },
    async simulationReport({ actor, params }, _req, reply) {
      const result = await getSimulation(ctx, actor, params.id);
      const { simulationReportHtml } = await loadReport();
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', PRINTABLE_PAGE_POLICY)
        .send(
          simulationReportHtml(result, {
            printButton: true,
            pdfUrl: `/api/v1/tariffs/simulations/${params.id}/report.pdf`,
          }),
        );
    },
    async simulationReportPdf({ actor, params }, req, reply) {
      const result = await getSimulation(ctx, actor, params.id);
      const { simulationReportHtml } = await loadReport();
      return sendPdf(req, reply, {
        html: () => simulationReportHtml(result, { printButton: false }),
        htmlUrl: `/api/v1/tariffs/simulations/${params.id}/report`,
        filename: `simulation-${params.id}-report.pdf`,
        print: { format: 'A4' },
      });
    },
    costModel: async ({ actor }) => ({ items: await listCostModel(ctx, actor) }),
    updateCostModel: ({ actor, params, body }) => updateCostModel(ctx, actor, params.provinceId, body),

    channelPolicies: () => channels.listChannelPolicies(ctx),
    changeChannelPolicy: ({ actor, params, body }) => channels.changeChannelPolicy(ctx, actor, params.code, body),
    channelShare: ({ actor, query }) => channels.channelShare(ctx, actor, query),
  });
}
