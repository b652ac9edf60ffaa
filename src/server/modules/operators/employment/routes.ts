/** HTTP routes of employment: each endpoint of its contract, parsed input in, a use case called, its answer out. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { employmentContract } from '#server/modules/operators/contract';
import * as employment from './service';

export function employmentRoutes(app: Api, ctx: AppContext) {
  implement(app, employmentContract, {
    createContract: ({ actor, params, body }) => employment.createContract(ctx, actor, params.id, body),
    terminateContract: ({ actor, params, body }) => employment.terminateContract(ctx, actor, params.id, body),
    addInsurance: ({ actor, params, body }) => employment.addInsurance(ctx, actor, params.id, body),
    endInsurance: ({ actor, params, body }) => employment.endInsurance(ctx, actor, params.id, body),
    alerts: ({ actor, query }) => employment.listAlerts(ctx, actor, query),
    workforce: ({ actor, query }) => employment.workforce(ctx, actor, query),
  });
}
