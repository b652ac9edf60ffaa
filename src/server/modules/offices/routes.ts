/** HTTP routes of the offices area, from its contract: parse, call the use case, map. Nothing else. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import * as applications from './applications';
import * as competencies from './competencies';
import { officesContract } from './contract';
import * as offices from './service';

export function officeRoutes(app: Api, ctx: AppContext) {
  implement(app, officesContract, {
    directory: ({ query }) => offices.searchDirectory(ctx, query),
    get: ({ params }) => offices.getOffice(ctx, params.id),
    updateProfile: ({ actor, params, body }) => offices.updateProfile(ctx, actor, params.id, body),
    history: ({ actor, params }) => offices.officeHistory(ctx, actor, params.id),
    changeStatus: ({ actor, params, body }) => offices.changeStatus(ctx, actor, params.id, body),
    grantCompetencies: ({ actor, body }) => competencies.grantCompetencies(ctx, actor, body),
    changeCompetencyStatus: ({ actor, params, body }) =>
      competencies.changeCompetencyStatus(ctx, actor, params.id, params.serviceCode, body),
    coverage: ({ actor, query }) => competencies.competencyCoverage(ctx, actor, query.serviceCode),
    apply: ({ actor, body }) => applications.submitApplication(ctx, actor, body),
    applications: ({ actor, query }) => applications.listApplications(ctx, actor, query),
    application: ({ actor, params }) => applications.getApplication(ctx, actor, params.id),
    review: ({ actor, params, body }) => applications.reviewApplication(ctx, actor, params.id, body),
    decide: ({ actor, params, body }) => applications.decideApplication(ctx, actor, params.id, body),
  });
}
