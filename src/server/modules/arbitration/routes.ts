/** HTTP routes of the arbitration area, from its contract: parse, call the use case, map. Nothing else. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { arbitrationContract } from './contract';
import * as arbitration from './service';

export function arbitrationRoutes(app: Api, ctx: AppContext) {
  implement(app, arbitrationContract, {
    start: ({ actor, body }) => arbitration.startArbitration(ctx, actor, body),
    list: ({ actor, query }) => arbitration.listCases(ctx, actor, query),
    get: ({ actor, params }) => arbitration.getCase(ctx, actor, params.id),
    consentCode: ({ actor, params }) => arbitration.resendConsentCode(ctx, actor, params.id),
    consent: ({ actor, params, body }) => arbitration.consent(ctx, actor, params.id, body.code),
    registry: ({ actor }) => arbitration.arbitratorRegistry(ctx, actor),
    appoint: ({ actor, params, body }) => arbitration.appoint(ctx, actor, params.id, body),
    answer: ({ actor, params, body }) => arbitration.answer(ctx, actor, params.id, params.arbitratorId, body.accept),
  });
}
