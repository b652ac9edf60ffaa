/**
 * The tariffs area's endpoints: fee quotes and court costs, schedules as policy (drafts,
 * indexation, approval), the revision simulator with its saved runs and exports, the office cost
 * model, channel policy and channel share (see platform/http/contract.ts).
 */
import { z } from 'zod';
import { areaContract, endpoint } from '#server/platform/http/contract';
import { idParams, pageOf, paginationQuery, provinceIdParam, queryInt } from '#server/platform/http/fields';
import {
  changesReferenceSchema,
  channelPolicyBody,
  channelPolicySchema,
  channelShareQuery,
  channelShareSchema,
  costDefaultBody,
  costDefaultSchema,
  courtCostRuleSchema,
  editDraftBody,
  indexationPreviewBody,
  lineChangeSchema,
  newCourtCostRule,
  newDraftBody,
  quoteBody,
  quoteSchema,
  scheduleSchema,
  scheduleSummarySchema,
  simulationBody,
  simulationListItem,
  simulationResultSchema,
} from './schemas';
import { CSV_LEVELS } from './simulator/export-csv';

const csvQuery = z.object({
  level: z
    .enum(CSV_LEVELS)
    .default('office')
    .meta({ description: 'One row per office (default), province or service' }),
});
const serviceParams = z.object({
  code: z.string().trim().min(1).max(60).meta({ description: 'Catalog service code', example: 'brief' }),
});

export const tariffsContract = areaContract('tariffs', {
  quote: endpoint({
    method: 'POST',
    path: '/api/v1/fees/quote',
    access: 'public',
    summary: 'Quote the office fee of a service from the tariff in force on a date (public)',
    body: quoteBody,
    response: quoteSchema,
    problems: ['unknown_service', 'no_tariff_in_force'],
  }),
  courtCostRules: endpoint({
    method: 'GET',
    path: '/api/v1/tariffs/court-cost-rules',
    access: 'public',
    summary: "The court-cost rule set with each rule's legal source (public)",
    response: z.object({ items: z.array(courtCostRuleSchema) }),
  }),
  addCourtCostRule: endpoint({
    method: 'POST',
    path: '/api/v1/tariffs/court-cost-rules',
    access: 'tariffs.court-costs.manage',
    summary: 'Add a court-cost rule (regulator)',
    body: newCourtCostRule,
    status: 201,
    response: courtCostRuleSchema,
  }),
  removeCourtCostRule: endpoint({
    method: 'DELETE',
    path: '/api/v1/tariffs/court-cost-rules/:id',
    access: 'tariffs.court-costs.manage',
    summary: 'Remove a court-cost rule (regulator)',
    params: idParams,
    status: 204,
    response: z.null(),
    problems: ['not_found'],
  }),

  schedules: endpoint({
    method: 'GET',
    path: '/api/v1/tariffs/schedules',
    access: 'public',
    summary:
      'Tariff schedules, latest start first: approved ones (public, the default) with their state today; drafts or all for oversight (association, regulator, inspectors)',
    description:
      'Drafts (`status=draft` or `all`) need a session with `tariffs.drafts.read`: 401 without one, 403 for other roles.',
    query: z.object({ status: z.enum(['approved', 'draft', 'all']).default('approved') }),
    response: z.object({ items: z.array(scheduleSummarySchema) }),
    problems: ['unauthenticated', 'forbidden'],
  }),
  schedule: endpoint({
    method: 'GET',
    path: '/api/v1/tariffs/schedules/:id',
    access: 'public',
    summary: 'One schedule with its lines (approved: public; a draft: oversight only)',
    params: idParams,
    response: scheduleSchema,
    problems: ['not_found'],
  }),
  scheduleChanges: endpoint({
    method: 'GET',
    path: '/api/v1/tariffs/schedules/:id/changes',
    access: 'public',
    summary:
      'Each line of a schedule old and new, with the change in percent, against the schedule in force on its start',
    params: idParams,
    response: z.object({ reference: changesReferenceSchema.nullable(), items: z.array(lineChangeSchema) }),
    problems: ['not_found'],
  }),
  createDraft: endpoint({
    method: 'POST',
    path: '/api/v1/tariffs/schedules',
    access: 'tariffs.drafts.manage',
    summary:
      'Draft a schedule (national association or regulator): copied or indexed from a base schedule, or from lines given outright',
    body: newDraftBody,
    status: 201,
    response: scheduleSchema,
    problems: ['tariff_code_taken'],
  }),
  editDraft: endpoint({
    method: 'PATCH',
    path: '/api/v1/tariffs/schedules/:id',
    access: 'tariffs.drafts.manage',
    summary: 'Edit a draft: titles, dates, source, note, and lines by code (an approved schedule never changes)',
    params: idParams,
    body: editDraftBody,
    response: scheduleSchema,
    problems: ['not_found', 'tariff_not_draft'],
  }),
  deleteDraft: endpoint({
    method: 'DELETE',
    path: '/api/v1/tariffs/schedules/:id',
    access: 'tariffs.drafts.manage',
    summary: 'Delete a draft',
    params: idParams,
    status: 204,
    response: z.null(),
    problems: ['not_found', 'tariff_not_draft'],
  }),
  approve: endpoint({
    method: 'POST',
    path: '/api/v1/tariffs/schedules/:id/approve',
    access: 'tariffs.approve',
    summary:
      'Approve a draft (the regulator, never the one who drafted it): dates clear of other approved schedules, not retroactive, complete and plausible',
    params: idParams,
    response: scheduleSchema,
    problems: [
      'not_found',
      'tariff_own_draft',
      'tariff_not_draft',
      'tariff_dates_overlap',
      'tariff_draft_incomplete',
      'tariff_retroactive',
    ],
  }),
  indexationPreview: endpoint({
    method: 'POST',
    path: '/api/v1/tariffs/indexation-preview',
    access: 'tariffs.drafts.manage',
    summary: 'The lines a draft indexed from a base schedule would get, beside the base fees (writes nothing)',
    body: indexationPreviewBody,
    response: z.object({
      basedOn: z.object({ id: z.number().int(), code: z.string(), titleFa: z.string(), titleEn: z.string() }),
      ratePercent: z.number(),
      roundingRials: z.number().int().nullable(),
      mode: z.enum(['nearest', 'up']),
      items: z.array(lineChangeSchema),
    }),
  }),

  simulate: endpoint({
    method: 'POST',
    path: '/api/v1/tariffs/simulations',
    access: 'tariffs.simulate',
    summary:
      "Simulate a schedule against a period of recorded volume: citizens' cost, offices' revenue and break-even per service, province and office, with channel moves (national oversight; a province's association: its province)",
    description: '201 when the run is saved (`save: true`), 200 otherwise.',
    body: simulationBody,
    status: [200, 201],
    response: simulationResultSchema,
    problems: ['no_tariff_in_force', 'simulation_no_volume'],
  }),
  simulations: endpoint({
    method: 'GET',
    path: '/api/v1/tariffs/simulations',
    access: 'tariffs.simulations.read',
    summary:
      "Saved simulation runs, latest first (national runs to national oversight; a province's runs also to its association and inspectors)",
    query: z.object({
      ...paginationQuery,
      scheduleId: queryInt(1, 2_147_483_647).optional(),
      provinceId: queryInt(1, 32_767).optional(),
    }),
    response: pageOf(simulationListItem),
  }),
  simulation: endpoint({
    method: 'GET',
    path: '/api/v1/tariffs/simulations/:id',
    access: 'tariffs.simulations.read',
    summary: 'A saved simulation run with its results and assumptions, as computed',
    params: idParams,
    response: simulationResultSchema,
    problems: ['not_found'],
  }),
  simulationCsv: endpoint({
    method: 'GET',
    path: '/api/v1/tariffs/simulations/:id/export.csv',
    access: 'tariffs.simulations.read',
    summary:
      'A saved simulation as CSV (UTF-8 with BOM, Persian and English headers, Latin digits), one row per office, province or service',
    params: idParams,
    query: csvQuery,
    response: z.string().meta({ description: 'text/csv' }),
    produces: 'text/csv',
    problems: ['not_found'],
  }),
  simulationReport: endpoint({
    method: 'GET',
    path: '/api/v1/tariffs/simulations/:id/report',
    access: 'tariffs.simulations.read',
    summary:
      "A saved simulation as a printable report for the association's board (HTML, Persian, A4, charts as inline SVG)",
    params: idParams,
    response: z.string().meta({ description: 'text/html' }),
    produces: 'text/html',
    problems: ['not_found'],
  }),
  simulationReportPdf: endpoint({
    method: 'GET',
    path: '/api/v1/tariffs/simulations/:id/report.pdf',
    access: 'tariffs.simulations.read',
    summary:
      'The board report as PDF (A4), printed from the HTML view by Chromium; 503 pdf_unavailable when the server has no Chromium',
    params: idParams,
    response: z.any().meta({ description: 'application/pdf' }),
    produces: 'application/pdf',
    problems: ['not_found', 'pdf_unavailable'],
  }),
  costModel: endpoint({
    method: 'GET',
    path: '/api/v1/tariffs/cost-model',
    access: 'tariffs.cost-model.read',
    summary: "The office cost model per province (estimates behind break-even) within the caller's scope",
    response: z.object({ items: z.array(costDefaultSchema) }),
  }),
  updateCostModel: endpoint({
    method: 'PUT',
    path: '/api/v1/tariffs/cost-model/:provinceId',
    access: 'tariffs.cost-model.manage',
    summary: "Edit a province's office cost figures (its association, or national oversight); audited",
    params: z.object({ provinceId: provinceIdParam }),
    body: costDefaultBody,
    response: costDefaultSchema,
    problems: ['not_found'],
  }),

  channelPolicies: endpoint({
    method: 'GET',
    path: '/api/v1/tariffs/channel-policies',
    access: 'public',
    summary:
      "Every active service's channel policy (office only, online only, both) with its fee per channel from the schedule in force today (public)",
    response: z.object({ items: z.array(channelPolicySchema) }),
  }),
  changeChannelPolicy: endpoint({
    method: 'PUT',
    path: '/api/v1/tariffs/channel-policies/:code',
    access: 'catalog.channel-policy.manage',
    summary:
      'Set where a service may be had: at offices only, online only, or both, with the reason (the regulator); takes effect at once',
    params: serviceParams,
    body: channelPolicyBody,
    response: channelPolicySchema,
    problems: ['not_found', 'channel_policy_unchanged'],
  }),
  channelShare: endpoint({
    method: 'GET',
    path: '/api/v1/stats/channel-share',
    access: 'stats.channels',
    tag: 'stats',
    summary:
      "Office and online records per Jalali month and service, and per province, with the online share (national oversight; a province's association or inspector: their province)",
    query: channelShareQuery,
    response: channelShareSchema,
  }),
});
