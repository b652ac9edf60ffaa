/** The stats area's endpoints: counts within the caller's scope (see platform/http/contract.ts). */
import { areaContract, endpoint } from '#server/platform/http/contract';
import { filingsDashboardSchema, overviewSchema, servicesDashboardSchema, servicesQuery } from './schemas';

export const statsContract = areaContract('stats', {
  overview: endpoint({
    method: 'GET',
    path: '/api/v1/stats/overview',
    access: 'stats.overview',
    summary: "Counts of offices, staff, citizens and pending messages within the caller's scope",
    response: overviewSchema,
  }),
  services: endpoint({
    method: 'GET',
    path: '/api/v1/stats/services',
    access: 'stats.dashboard',
    summary:
      "Services by month, service and channel at one place (the nation, a province, a county or an office) with the places one level down and the same months a year before, read from the monthly rollup (the regulator: the nation; a province's association: its province; an office's manager: the office)",
    query: servicesQuery,
    response: servicesDashboardSchema,
  }),
  filings: endpoint({
    method: 'GET',
    path: '/api/v1/stats/filings',
    access: 'stats.dashboard',
    summary:
      "Filings submitted per month at one place with the court's acceptances, returns and mean time to decide, the places one level down and the same months a year before, and the filings awaiting the court by how long they have waited (under a week, 1–4 weeks, 4 weeks–3 months, longer), read from the rollups the statistics job refreshes",
    query: servicesQuery,
    response: filingsDashboardSchema,
  }),
});
