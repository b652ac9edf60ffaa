/**
 * The arbitration area's endpoints: an agreement and its parties' consent, the arbitrators named
 * and their answers, a case with its timeline and clocks, and the registry of arbitrators (see
 * platform/http/contract.ts).
 */
import { areaContract, endpoint } from '#server/platform/http/contract';
import { idParams } from '#server/platform/http/fields';
import {
  answerBody,
  answerParams,
  appointBody,
  caseList,
  caseView,
  codeSentResponse,
  consentBody,
  listQuery,
  registryResponse,
  startBody,
} from './schemas';

export const arbitrationContract = areaContract('arbitration', {
  start: endpoint({
    method: 'POST',
    path: '/api/v1/arbitrations',
    access: 'arbitration.start',
    summary:
      'Record an arbitration agreement (Art. 454) with the caller as claimant; every party gets a one-time code by SMS to consent. Refuses a subject Art. 496 excludes and a party without capacity',
    body: startBody,
    status: 201,
    response: caseView,
    problems: [
      'not_found',
      'arbitration_subject_excluded',
      'arbitration_party_minor',
      'arbitration_capacity_unattested',
      'arbitration_party_unknown',
      'office_status_conflict',
    ],
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/v1/arbitrations',
    access: 'arbitration.read',
    summary: "The caller's arbitration cases: a party's own, an arbitrator's, the seat office's for its staff",
    query: listQuery,
    response: caseList,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/v1/arbitrations/:id',
    access: 'arbitration.read',
    summary: 'One arbitration case: parties, arbitrators, the timeline of every step and the days left on each clock',
    params: idParams,
    response: caseView,
    problems: ['not_found'],
  }),
  consentCode: endpoint({
    method: 'POST',
    path: '/api/v1/arbitrations/:id/consent-code',
    access: 'arbitration.consent',
    summary: 'Send the calling party a new one-time code to consent to the agreement',
    params: idParams,
    status: 202,
    response: codeSentResponse,
    problems: ['not_found', 'arbitration_state_conflict', 'otp_too_soon'],
  }),
  consent: endpoint({
    method: 'POST',
    path: '/api/v1/arbitrations/:id/consent',
    access: 'arbitration.consent',
    summary:
      'The calling party consents to the agreement with the code sent to their mobile; with every party consenting the agreement is made',
    params: idParams,
    body: consentBody,
    response: caseView,
    problems: ['not_found', 'invalid_code', 'arbitration_state_conflict'],
  }),
  registry: endpoint({
    method: 'GET',
    path: '/api/v1/arbitrations/registry',
    access: 'arbitration.appoint',
    summary: 'The registry of arbitrators a party or office may name',
    response: registryResponse,
  }),
  appoint: endpoint({
    method: 'POST',
    path: '/api/v1/arbitrations/:id/arbitrators',
    access: 'arbitration.appoint',
    summary:
      'Name the arbitrators (from the registry, or outside it by name and national ID): a party when the parties choose, the seat office when it does; replaces those who declined',
    params: idParams,
    body: appointBody,
    response: caseView,
    problems: ['not_found', 'arbitration_state_conflict'],
  }),
  answer: endpoint({
    method: 'POST',
    path: '/api/v1/arbitrations/:id/arbitrators/:arbitratorId/answer',
    access: 'arbitration.answer',
    summary:
      'An arbitrator accepts or declines (the seat office records the written answer of one outside the registry); when every arbitrator has accepted, the term starts (Art. 468)',
    params: answerParams,
    body: answerBody,
    response: caseView,
    problems: ['not_found', 'arbitration_state_conflict'],
  }),
});
