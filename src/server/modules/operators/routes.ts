/**
 * The offices' people: the staff registry and employment (contracts, insurance), training and
 * exams, and activity licences. Each capability keeps its routes, schemas, service and store in
 * its own folder; this only mounts them under the area's tag.
 */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { employmentRoutes } from './employment/routes';
import { examRoutes } from './exams/routes';
import { licenceRoutes } from './licences/routes';
import { registryRoutes } from './registry/routes';
import { trainingRoutes } from './training/routes';

export function operatorRoutes(app: Api, ctx: AppContext) {
  registryRoutes(app, ctx);
  employmentRoutes(app, ctx);
  trainingRoutes(app, ctx);
  examRoutes(app, ctx);
  licenceRoutes(app, ctx);
}
