/** The stats area's routes: each endpoint of its contract, parsed input in, a use case called, its answer out. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { statsContract } from './contract';
import { servicesDashboard } from './dashboard';
import { filingsDashboard } from './filings';
import { overview } from './overview';

export function statsRoutes(app: Api, ctx: AppContext) {
  implement(app, statsContract, {
    overview: ({ actor }) => overview(ctx, actor),
    services: ({ actor, query }) => servicesDashboard(ctx, actor, query),
    filings: ({ actor, query }) => filingsDashboard(ctx, actor, query),
  });
}
