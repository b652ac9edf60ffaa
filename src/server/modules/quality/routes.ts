/** The quality area's routes: each endpoint of its contract, parsed input in, a use case called, its answer out. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { qualityContract } from './contract';
import * as complaints from './complaints';
import * as facts from './facts';
import * as inspections from './inspections';
import * as scores from './scores';
import * as surveys from './surveys';

export function qualityRoutes(app: Api, ctx: AppContext) {
  implement(app, qualityContract, {
    facts: ({ actor, query }) => facts.listFacts(ctx, actor, query),
    officeFacts: ({ actor, params, query }) => facts.officeFacts(ctx, actor, params.id, query.month),
    scores: ({ actor, query }) => scores.listScores(ctx, actor, query),
    officeScore: ({ actor, params, query }) => scores.officeScore(ctx, actor, params.id, query.month),
    recordInspection: ({ actor, params, body }) => inspections.recordInspection(ctx, actor, params.id, body),
    weights: ({ actor }) => scores.listWeights(ctx, actor),
    publishWeights: ({ actor, body }) => scores.publishWeights(ctx, actor, body),
    survey: ({ params }) => surveys.openSurvey(ctx, params.token),
    answerSurvey: ({ params, body }) => surveys.answerSurvey(ctx, params.token, body),
    answerInspection: ({ actor, params, body }) => inspections.answerInspection(ctx, actor, params.id, body),
    fileComplaint: ({ actor, body }) => complaints.fileComplaint(ctx, actor, body),
    complaints: ({ actor, query }) => complaints.listComplaints(ctx, actor, query),
    complaint: ({ actor, params }) => complaints.getComplaint(ctx, actor, params.id),
    answerComplaint: ({ actor, params, body }) => complaints.answerComplaint(ctx, actor, params.id, body),
    decideComplaint: ({ actor, params, body }) => complaints.decideComplaint(ctx, actor, params.id, body),
  });
}
