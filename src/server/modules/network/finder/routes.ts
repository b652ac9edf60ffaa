import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { problems } from '#server/platform/http/problem-schema';
import { finderQuery, finderResponse } from './schemas';
import { findNearestOffices } from './service';

/** The citizens' office finder: the nearest offices offering a service, with their hours and distance (public). */
export function finderRoutes(app: Api, ctx: AppContext) {
  app.get(
    '/v1/geo/finder',
    {
      schema: {
        tags: ['geo'],
        summary: 'The nearest active offices offering a service, with distance and hours (public)',
        description:
          "Search from `lat`+`lon`, else `cityId` (the city's coordinates), else `provinceId` (its capital). Offices are active ones holding a competency in force today for the service, nearest first by great-circle distance. Opening states are on Tehran time and skip official holidays. A service done only online answers `onlineOnly: true` with `onlineUrl` and no offices.",
        querystring: finderQuery,
        response: { 200: finderResponse, ...problems(400) },
      },
    },
    async (req) => findNearestOffices(ctx, req.query),
  );
}
