/**
 * The proposals area's endpoints: proposals for new office services (or extending one to more
 * provinces), their review on working-day clocks, the decision, the public list with its clocks,
 * the board's dashboard and the review's limits (see platform/http/contract.ts).
 */
import { z } from 'zod';
import { areaContract, endpoint } from '#server/platform/http/contract';
import {
  answerBody,
  dashboardQuery,
  dashboardSchema,
  decideBody,
  infoRequestParams,
  listQuery,
  proposalList,
  proposalParams,
  proposalSchema,
  publicList,
  questionBody,
  settingsSchema,
  submitBody,
} from './schemas';

export const proposalsContract = areaContract('proposals', {
  submit: endpoint({
    method: 'POST',
    path: '/api/v1/proposals',
    access: 'proposals.submit',
    summary:
      'The national association proposes a new office service, or extending one to more provinces (its completeness clock starts)',
    description:
      'An optional `Idempotency-Key` header makes a retry answer what the first request answered, with `idempotent-replayed: true`.',
    headers: z.looseObject({ 'idempotency-key': z.string().max(200).optional() }),
    body: submitBody,
    status: 201,
    response: proposalSchema,
    problems: ['idempotency_key_reused'],
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/v1/proposals',
    access: 'proposals.read',
    summary: 'Proposals with their clocks, the oldest open first',
    query: listQuery,
    response: proposalList,
  }),
  inReview: endpoint({
    method: 'GET',
    path: '/api/v1/proposals/in-review',
    access: 'public',
    summary: 'Proposals in review with the working days elapsed on their clocks (public)',
    response: publicList,
  }),
  dashboard: endpoint({
    method: 'GET',
    path: '/api/v1/proposals/dashboard',
    access: 'proposals.read',
    summary:
      "The board's figures for a Jalali year: received, average working days to completeness and to decision, share within the limits, overdue, backlog age",
    query: dashboardQuery,
    response: dashboardSchema,
  }),
  settings: endpoint({
    method: 'GET',
    path: '/api/v1/proposals/settings',
    access: 'proposals.read',
    summary: "The review's limits, in working days",
    response: settingsSchema,
  }),
  updateSettings: endpoint({
    method: 'PUT',
    path: '/api/v1/proposals/settings',
    access: 'proposals.review',
    summary: "Change the review's limits (proposals already received keep theirs)",
    body: settingsSchema,
    response: settingsSchema,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/v1/proposals/:id',
    access: 'proposals.read',
    summary: 'One proposal with its clocks, information requests and decision',
    params: proposalParams,
    response: proposalSchema,
    problems: ['not_found'],
  }),
  acknowledge: endpoint({
    method: 'POST',
    path: '/api/v1/proposals/:id/acknowledge',
    access: 'proposals.review',
    summary: 'The regulator acknowledges a proposal and becomes its reviewer',
    params: proposalParams,
    response: proposalSchema,
    problems: ['not_found', 'proposal_not_open', 'proposal_status_conflict'],
  }),
  requestInfo: endpoint({
    method: 'POST',
    path: '/api/v1/proposals/:id/info-requests',
    access: 'proposals.review',
    summary: 'Ask the proposers for more information: the running clock stops until they answer',
    params: proposalParams,
    body: questionBody,
    status: 201,
    response: proposalSchema,
    problems: ['not_found', 'proposal_not_open', 'proposal_info_request_open'],
  }),
  answerInfo: endpoint({
    method: 'POST',
    path: '/api/v1/proposals/:id/info-requests/:requestId/answer',
    access: 'proposals.submit',
    summary: 'The association answers an information request: the clock resumes the next working day',
    params: infoRequestParams,
    body: answerBody,
    response: proposalSchema,
    problems: ['not_found', 'proposal_not_open', 'proposal_no_open_info_request'],
  }),
  complete: endpoint({
    method: 'POST',
    path: '/api/v1/proposals/:id/complete',
    access: 'proposals.review',
    summary: 'The regulator finds the proposal complete: the completeness clock stops and the decision clock starts',
    params: proposalParams,
    response: proposalSchema,
    problems: ['not_found', 'proposal_not_open', 'proposal_status_conflict', 'proposal_info_request_open'],
  }),
  decide: endpoint({
    method: 'POST',
    path: '/api/v1/proposals/:id/decide',
    access: 'proposals.review',
    summary:
      'Approve (optionally as a pilot), approve with changes, or reject with reasons. Approval adds the catalog service, a draft tariff line in the next schedule and the competency grants, all at once',
    params: proposalParams,
    body: decideBody,
    response: proposalSchema,
    problems: ['not_found', 'proposal_not_open', 'proposal_no_running_limit'],
  }),
});
