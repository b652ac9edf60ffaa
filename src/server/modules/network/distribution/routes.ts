/** The network map's figures: per province and county (offices per 100,000 people, demand per office, people far from an office, saturation) and per office (demand, revenue, break-even, viability). */
import type { AppContext } from '#server/platform/context';
import { SIGNED_IN, type Api } from '#server/platform/http/api';
import { problems } from '#server/platform/http/problem-schema';
import { actorOf } from '#server/platform/http/session-hook';
import {
  distributionQuery,
  distributionSchema,
  officesMapQuery,
  officesMapSchema,
  provinceDetailSchema,
  provinceParams,
  viabilityListSchema,
  viabilityQuery,
} from './schemas';
import { distribution, officesMap, provinceDistribution, viabilityList } from './service';

const tags = ['geo'];

export function distributionRoutes(app: Api, ctx: AppContext) {
  app.get(
    '/v1/geo/distribution',
    {
      schema: {
        tags,
        summary:
          "Offices per 100,000 people, demand per office, the share of people farther than distanceKm from an active office and offices below break-even, per province (a province's association and inspectors: their province) over the last 12 complete Jalali months",
        security: SIGNED_IN,
        querystring: distributionQuery,
        response: { 200: distributionSchema, ...problems(400, 401, 403) },
      },
    },
    async (req) => distribution(ctx, actorOf(req), req.query.distanceKm),
  );

  app.get(
    '/v1/geo/distribution/provinces/:id',
    {
      schema: {
        tags,
        summary:
          "A province's figures and its counties', each county with its saturation (offices over the offices its expected demand keeps at break-even)",
        security: SIGNED_IN,
        params: provinceParams,
        querystring: distributionQuery,
        response: { 200: provinceDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => provinceDistribution(ctx, actorOf(req), req.params.id, req.query.distanceKm),
  );

  app.get(
    '/v1/geo/offices/map',
    {
      schema: {
        tags,
        summary: "Active offices as map points with their viability (within the caller's scope)",
        security: SIGNED_IN,
        querystring: officesMapQuery,
        response: { 200: officesMapSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => officesMap(ctx, actorOf(req), req.query.provinceId),
  );

  app.get(
    '/v1/geo/viability',
    {
      schema: {
        tags,
        summary:
          "Offices' monthly demand, revenue under the schedule in force, cost, break-even volume and viability (national oversight: all; a province's association and inspectors: their province; an office manager: their office)",
        security: SIGNED_IN,
        querystring: viabilityQuery,
        response: { 200: viabilityListSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => viabilityList(ctx, actorOf(req), req.query),
  );
}
