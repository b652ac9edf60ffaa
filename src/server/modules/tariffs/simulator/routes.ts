/** The revision simulator, its saved runs, and the office cost model behind break-even. */
import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import { SIGNED_IN, SIGNED_IN_WRITE, type Api } from '../../../platform/http/api';
import { pageOf, paginationQuery, queryInt } from '../../../platform/http/fields';
import { problems } from '../../../platform/http/problem-schema';
import { actorOf } from '../../../platform/http/session-hook';
import { costDefaultBody, costDefaultSchema, simulationBody, simulationListItem, simulationResultSchema } from '../schemas';
import { listCostModel, updateCostModel } from './cost-model';
import { getSimulation, listSavedSimulations, runSimulation } from './service';
import { simulatorExportRoutes } from './export-routes';

const tags = ['tariffs'];

export function simulatorRoutes(app: Api, ctx: AppContext) {
  simulatorExportRoutes(app, ctx);
  app.post('/v1/tariffs/simulations', {
    schema: {
      tags, summary: 'Simulate a schedule against a period of recorded volume: citizens\' cost, offices\' revenue and break-even per service, province and office, with channel moves (national oversight; a province\'s association: its province)',
      security: SIGNED_IN_WRITE, body: simulationBody,
      response: { 200: simulationResultSchema, 201: simulationResultSchema, ...problems(400, 401, 403, 422) },
    },
  }, async (req, reply) => {
    const result = await runSimulation(ctx, actorOf(req), req.body);
    return reply.code(result.id != null ? 201 : 200).send(result);
  });

  app.get('/v1/tariffs/simulations', {
    schema: {
      tags, summary: 'Saved simulation runs, latest first (national runs to national oversight; a province\'s runs also to its association and inspectors)',
      security: SIGNED_IN,
      querystring: z.object({ ...paginationQuery, scheduleId: queryInt(1, 2_147_483_647).optional(), provinceId: queryInt(1, 32_767).optional() }),
      response: { 200: pageOf(simulationListItem), ...problems(400, 401, 403) },
    },
  }, async (req) => {
    const { page, pageSize, scheduleId, provinceId } = req.query;
    const { items, total } = await listSavedSimulations(ctx, actorOf(req), { scheduleId, provinceId, limit: pageSize, offset: (page - 1) * pageSize });
    return { items, total, page, pageSize };
  });

  app.get('/v1/tariffs/simulations/:id', {
    schema: {
      tags, summary: 'A saved simulation run with its results and assumptions, as computed',
      security: SIGNED_IN, params: z.object({ id: queryInt(1, 2_147_483_647) }),
      response: { 200: simulationResultSchema, ...problems(400, 401, 403, 404) },
    },
  }, async (req) => getSimulation(ctx, actorOf(req), req.params.id));

  app.get('/v1/tariffs/cost-model', {
    schema: {
      tags, summary: 'The office cost model per province (estimates behind break-even) within the caller\'s scope',
      security: SIGNED_IN, response: { 200: z.object({ items: z.array(costDefaultSchema) }), ...problems(401, 403) },
    },
  }, async (req) => ({ items: await listCostModel(ctx, actorOf(req)) }));

  app.put('/v1/tariffs/cost-model/:provinceId', {
    schema: {
      tags, summary: 'Edit a province\'s office cost figures (its association, or national oversight); audited',
      security: SIGNED_IN_WRITE, params: z.object({ provinceId: queryInt(1, 32_767) }), body: costDefaultBody,
      response: { 200: costDefaultSchema, ...problems(400, 401, 403, 404) },
    },
  }, async (req) => updateCostModel(ctx, actorOf(req), req.params.provinceId, req.body));
}
