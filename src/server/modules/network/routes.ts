import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { distributionRoutes } from './distribution/routes';
import { finderRoutes } from './finder/routes';
import { referenceRoutes } from '#server/modules/geo/reference/routes';
import { sitingRoutes } from './siting/routes';

/** The API's geo tag: the reference geography (the geo area) and the office network built on it — distribution, finder, siting. */
export function geoRoutes(app: Api, ctx: AppContext) {
  referenceRoutes(app, ctx);
  distributionRoutes(app, ctx);
  finderRoutes(app, ctx);
  sitingRoutes(app, ctx);
}
