/** The stats area's routes: each endpoint of its contract, parsed input in, a use case called, its answer out. */
import type { FastifyReply } from 'fastify';
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { statsContract } from './contract';
import { servicesDashboard } from './dashboard';
import { filingsDashboard } from './filings';
import { OPEN_DATA_LICENCE, openDataCsv, openDataFileName, openServices, openYear } from './open-data';
import { overview } from './overview';

export function statsRoutes(app: Api, ctx: AppContext) {
  implement(app, statsContract, {
    overview: ({ actor }) => overview(ctx, actor),
    services: ({ actor, query }) => servicesDashboard(ctx, actor, query),
    filings: ({ actor, query }) => filingsDashboard(ctx, actor, query),
    openServices: ({ query }) => openServices(ctx, query),
    async openServicesCsv({ query }, _req, reply) {
      const data = await openServices(ctx, query);
      return csvReply(reply, data, openDataFileName(data, query.provinceId));
    },
    async openYearCsv({ params }, _req, reply) {
      const data = await openYear(ctx, params.year);
      return csvReply(reply, data, `daftar-services-${params.year}.csv`);
    },
  });
}

function csvReply(reply: FastifyReply, data: Parameters<typeof openDataCsv>[0], fileName: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('link', `<${OPEN_DATA_LICENCE.url}>; rel="license"`)
    .send(openDataCsv(data));
}
