import { z } from 'zod';
import type { AppContext } from '#server/platform/context';
import { SIGNED_IN, SIGNED_IN_WRITE, type Api } from '#server/platform/http/api';
import { pageOf, paginationQuery, queryInt } from '#server/platform/http/fields';
import { problems } from '#server/platform/http/problem-schema';
import { actorOf } from '#server/platform/http/session-hook';
import { addCandidateSite, listCandidates, removeCandidateSite } from './candidates';
import { getSitingRun, listSitingRuns, runSiting } from './runs';
import {
  candidateListQuery,
  candidateSchema,
  candidateSiteBody,
  sitingRunBody,
  sitingRunListItem,
  sitingRunSchema,
} from './schemas';

const tags = ['geo'];

/** Siting new offices: candidate locations and the optimizer's proposals. */
export function sitingRoutes(app: Api, ctx: AppContext) {
  app.get(
    '/v1/geo/siting/candidates',
    {
      schema: {
        tags,
        summary:
          "A province's candidate locations for new offices: its cities and the sites added there (national oversight; a province's association: its province)",
        security: SIGNED_IN,
        querystring: candidateListQuery,
        response: { 200: z.object({ items: z.array(candidateSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({ items: await listCandidates(ctx, actorOf(req), req.query.provinceId) }),
  );

  app.post(
    '/v1/geo/siting/candidates',
    {
      schema: {
        tags,
        summary: 'Add a candidate site (a point inside Iran and inside the province); audited',
        security: SIGNED_IN_WRITE,
        body: candidateSiteBody,
        response: { 201: candidateSchema, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await addCandidateSite(ctx, actorOf(req), req.body)),
  );

  app.delete(
    '/v1/geo/siting/candidates/:id',
    {
      schema: {
        tags,
        summary: 'Remove a candidate site (kept for the saved runs that chose it); audited',
        security: SIGNED_IN_WRITE,
        params: z.object({ id: queryInt(1, 2_147_483_647) }),
        response: { 204: z.null().meta({ description: 'Removed' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await removeCandidateSite(ctx, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/geo/siting/runs',
    {
      schema: {
        tags,
        summary: 'Run the siting optimizer for a province (or the nation, national roles only) and keep the run',
        description:
          "Chooses at most `k` new office locations among the candidates so that the population newly within `radiusKm` of an office is as large as possible, while every new office reaches its break-even volume and no existing office falls below its own (an office already below keeps all its demand). Demand goes to the nearest office. Existing offices are the active offices of the run's province; offices across its border are not counted. A run where no new office can pay its way answers 200 with an empty proposal and `emptyReason`.",
        security: SIGNED_IN_WRITE,
        body: sitingRunBody,
        response: { 201: sitingRunSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await runSiting(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/v1/geo/siting/runs',
    {
      schema: {
        tags,
        summary:
          "Saved siting runs, newest first (national runs to national oversight; a province's runs also to its association)",
        security: SIGNED_IN,
        querystring: z.object({ ...paginationQuery, provinceId: queryInt(1, 32_767).optional() }),
        response: { 200: pageOf(sitingRunListItem), ...problems(400, 401, 403) },
      },
    },
    async (req) => {
      const { page, pageSize, provinceId } = req.query;
      const { items, total } = await listSitingRuns(ctx, actorOf(req), {
        provinceId,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items, total, page, pageSize };
    },
  );

  app.get(
    '/v1/geo/siting/runs/:id',
    {
      schema: {
        tags,
        summary: 'A saved siting run: its parameters, proposal, coverage and the offices that lose demand',
        security: SIGNED_IN,
        params: z.object({ id: queryInt(1, 2_147_483_647) }),
        response: { 200: sitingRunSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getSitingRun(ctx, actorOf(req), req.params.id),
  );
}
