import type { AppContext } from '../../platform/context';
import type { Api } from '../../platform/http/api';
import { distributionRoutes } from './distribution/routes';
import { finderRoutes } from './finder/routes';
import { referenceRoutes } from './reference/routes';
import { sitingRoutes } from './siting/routes';

/** Geography: the reference data, the distribution of offices, the office finder and siting. */
export function geoRoutes(app: Api, ctx: AppContext) {
  referenceRoutes(app, ctx);
  distributionRoutes(app, ctx);
  finderRoutes(app, ctx);
  sitingRoutes(app, ctx);
}
