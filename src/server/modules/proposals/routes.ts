/** HTTP routes of the proposals area, from its contract: parse, call the use case, map. Nothing else. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { proposalsContract } from './contract';
import { proposalDashboard } from './figures';
import { pilotFigures, reviewPilot } from './pilot-review';
import * as proposals from './service';

export function proposalRoutes(app: Api, ctx: AppContext) {
  implement(app, proposalsContract, {
    async submit({ actor, body, headers }, _req, reply) {
      const answer = await proposals.submitProposal(ctx, actor, body, headers['idempotency-key']);
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return answer.body;
    },
    list: ({ actor, query }) => proposals.listProposals(ctx, actor, query),
    inReview: () => proposals.proposalsInReview(ctx),
    dashboard: ({ actor, query }) => proposalDashboard(ctx, actor, query.year),
    settings: ({ actor }) => proposals.getSettings(ctx, actor),
    updateSettings: ({ actor, body }) => proposals.updateSettings(ctx, actor, body),
    get: ({ actor, params }) => proposals.getProposal(ctx, actor, params.id),
    acknowledge: ({ actor, params }) => proposals.acknowledgeProposal(ctx, actor, params.id),
    requestInfo: ({ actor, params, body }) => proposals.requestInfo(ctx, actor, params.id, body),
    answerInfo: ({ actor, params, body }) => proposals.answerInfo(ctx, actor, params.id, params.requestId, body),
    complete: ({ actor, params }) => proposals.completeProposal(ctx, actor, params.id),
    decide: ({ actor, params, body }) => proposals.decideProposal(ctx, actor, params.id, body),
    pilotFigures: ({ actor, params }) => pilotFigures(ctx, actor, params.id),
    reviewPilot: ({ actor, params, body }) => reviewPilot(ctx, actor, params.id, body),
  });
}
