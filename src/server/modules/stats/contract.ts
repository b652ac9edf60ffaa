/** The stats area's endpoints: counts within the caller's scope (see platform/http/contract.ts). */
import { areaContract, endpoint } from '#server/platform/http/contract';
import { overviewSchema } from './schemas';

export const statsContract = areaContract('stats', {
  overview: endpoint({
    method: 'GET',
    path: '/api/v1/stats/overview',
    access: 'stats.overview',
    summary: "Counts of offices, staff, citizens and pending messages within the caller's scope",
    response: overviewSchema,
  }),
});
