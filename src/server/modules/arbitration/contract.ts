/**
 * The arbitration area's endpoints: an agreement and its parties' consent, the arbitrators named
 * and their answers, a case with its timeline and clocks, and the registry of arbitrators (see
 * platform/http/contract.ts).
 */
import { z } from 'zod';
import { areaContract, endpoint } from '#server/platform/http/contract';
import { idParams } from '#server/platform/http/fields';
import {
  annulmentBody,
  answerBody,
  answerParams,
  appointBody,
  awardBody,
  enforcementBody,
  hearingBody,
  hearingParams,
  documentParams,
  minutesBody,
  signatureBody,
  startHeaders,
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
      'Record an arbitration agreement (Art. 454) with the caller as claimant; every party gets a one-time code by SMS to consent. Refuses a subject Art. 496 excludes and a party without capacity. An optional Idempotency-Key makes retries safe',
    headers: startHeaders,
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
      'idempotency_key_reused',
      'idempotency_in_progress',
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
  hearing: endpoint({
    method: 'POST',
    path: '/api/v1/arbitrations/:id/hearings',
    access: 'arbitration.hearing',
    summary:
      'An arbitrator on the case sets a hearing while the term runs: Jalali day and Tehran time, at the seat office or by video; every party gets an SMS',
    params: idParams,
    body: hearingBody,
    response: caseView,
    problems: ['not_found', 'arbitration_state_conflict'],
  }),
  uploadDocument: endpoint({
    method: 'POST',
    path: '/api/v1/arbitrations/:id/documents',
    access: 'arbitration.documents',
    summary:
      "A party puts a submission or evidence before the arbitrators (multipart/form-data: `kind` submission or evidence, optional `title`, then `file`), from the agreement until the award is made. PDF, JPEG or PNG judged by content; the filings' size and page limits apply",
    params: idParams,
    upload: { kind: 'multipart' },
    status: 201,
    response: caseView,
    problems: [
      'not_found',
      'arbitration_state_conflict',
      'file_too_large',
      'unsupported_media_type',
      'unsupported_file_type',
      'corrupt_file',
      'pdf_active_content',
      'pdf_too_complex',
      'page_limit_exceeded',
    ],
  }),
  document: endpoint({
    method: 'GET',
    path: '/api/v1/arbitrations/:id/documents/:documentId',
    access: 'arbitration.read',
    summary:
      "Download a party's submission or evidence (for whoever sees the case); its bytes are checked against the SHA-256 recorded at upload",
    params: documentParams,
    response: z.any().meta({
      description:
        "The document's bytes (application/pdf, image/jpeg or image/png); 500 file_integrity_failed when they no longer match their recorded SHA-256",
    }),
    produces: 'application/octet-stream',
    problems: ['not_found', 'file_integrity_failed'],
  }),
  minutes: endpoint({
    method: 'POST',
    path: '/api/v1/arbitrations/:id/hearings/:hearingId/minutes',
    access: 'arbitration.hearing',
    summary:
      'An arbitrator on the case records the minutes of a hearing once it has been held (what was said and done, which parties appeared); written once and final, dated on the timeline and in the audit chain',
    params: hearingParams,
    body: minutesBody,
    response: caseView,
    problems: [
      'not_found',
      'arbitration_state_conflict',
      'arbitration_hearing_not_held',
      'arbitration_minutes_recorded',
    ],
  }),
  draftAward: endpoint({
    method: 'PUT',
    path: '/api/v1/arbitrations/:id/award',
    access: 'arbitration.award',
    summary:
      'An arbitrator on the case writes or rewrites the award (reasons, decision, the party it favours) within the term; a rewritten draft is signed afresh. Refused after the term (Art. 489 para. 4)',
    params: idParams,
    body: awardBody,
    response: caseView,
    problems: ['not_found', 'arbitration_state_conflict', 'arbitration_award_after_term'],
  }),
  signAward: endpoint({
    method: 'POST',
    path: '/api/v1/arbitrations/:id/arbitrators/:arbitratorId/signature',
    access: 'arbitration.award',
    summary:
      "An arbitrator signs the draft or refuses, with a dissent (the seat office records one outside the registry). With all, or a majority and the rest refusing (Art. 484), the award is made that day and lodged with the seat province's court, which sends it to the parties as an e-notice (Art. 485). Refused after the term (Art. 489 para. 4)",
    params: answerParams,
    body: signatureBody,
    response: caseView,
    problems: [
      'not_found',
      'arbitration_state_conflict',
      'arbitration_award_after_term',
      'arbitration_no_registry_court',
    ],
  }),
  award: endpoint({
    method: 'GET',
    path: '/api/v1/arbitrations/:id/award',
    access: 'arbitration.read',
    summary: 'The award (or its draft) as a printable A4 page in Persian, for whoever sees the case',
    params: idParams,
    response: z.string().meta({ description: 'text/html' }),
    produces: 'text/html',
    problems: ['not_found'],
  }),
  awardPdf: endpoint({
    method: 'GET',
    path: '/api/v1/arbitrations/:id/award.pdf',
    access: 'arbitration.read',
    summary:
      'The award as an A4 PDF, printed from its HTML page by Chromium; 503 pdf_unavailable when the server has no Chromium',
    params: idParams,
    response: z.any().meta({ description: 'application/pdf' }),
    produces: 'application/pdf',
    problems: ['not_found', 'pdf_unavailable'],
  }),
  annulment: endpoint({
    method: 'POST',
    path: '/api/v1/arbitrations/:id/annulment',
    access: 'arbitration.court-desk',
    summary:
      "The clerk of the court the award was lodged with records a party's annulment request with its Art. 489 grounds, within twenty days of the last delivery (Art. 490)",
    params: idParams,
    body: annulmentBody,
    response: caseView,
    problems: [
      'not_found',
      'arbitration_state_conflict',
      'arbitration_award_not_delivered',
      'arbitration_annulment_late',
    ],
  }),
  enforcement: endpoint({
    method: 'POST',
    path: '/api/v1/arbitrations/:id/enforcement',
    access: 'arbitration.court-desk',
    summary:
      "The clerk of the court the award was lodged with records the winning party's request for the enforcement order, once the twenty days to comply from the last delivery have passed (Art. 488)",
    params: idParams,
    body: enforcementBody,
    response: caseView,
    problems: [
      'not_found',
      'arbitration_state_conflict',
      'arbitration_award_not_delivered',
      'arbitration_enforcement_early',
      'arbitration_not_award_winner',
    ],
  }),
});
