/** The network area's routes: each endpoint of its contract, parsed input in, a use case called, its answer out. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { referenceRoutes } from '#server/modules/geo/reference/routes';
import { networkContract } from './contract';
import { distribution, officesMap, provinceDistribution, viabilityList } from './distribution/service';
import { findNearestOffices } from './finder/service';
import { addCandidateSite, listCandidates, removeCandidateSite } from './siting/candidates';
import { getSitingRun, listSitingRuns, runSiting } from './siting/runs';

/** The API's geo tag: the reference geography (the geo area) and the office network built on it — distribution, finder, siting. */
export function geoRoutes(app: Api, ctx: AppContext) {
  referenceRoutes(app, ctx);
  implement(app, networkContract, {
    distribution: ({ actor, query }) => distribution(ctx, actor, query.distanceKm),
    provinceDistribution: ({ actor, params, query }) => provinceDistribution(ctx, actor, params.id, query.distanceKm),
    officesMap: ({ actor, query }) => officesMap(ctx, actor, query.provinceId),
    viability: ({ actor, query }) => viabilityList(ctx, actor, query),

    finder: ({ query }) => findNearestOffices(ctx, query),

    candidates: async ({ actor, query }) => ({ items: await listCandidates(ctx, actor, query.provinceId) }),
    addCandidate: ({ actor, body }) => addCandidateSite(ctx, actor, body),
    async removeCandidate({ actor, params }) {
      await removeCandidateSite(ctx, actor, params.id);
      return null;
    },
    runSiting: ({ actor, body }) => runSiting(ctx, actor, body),
    async sitingRuns({ actor, query }) {
      const { page, pageSize, provinceId } = query;
      const { items, total } = await listSitingRuns(ctx, actor, {
        provinceId,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items, total, page, pageSize };
    },
    sitingRun: ({ actor, params }) => getSitingRun(ctx, actor, params.id),
  });
}
