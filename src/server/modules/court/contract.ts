/**
 * The court area's endpoints: the public court directory and the court desk — the queue of
 * submitted filings, accepting one as a case or returning it, and the court's cases (see
 * platform/http/contract.ts).
 */
import { z } from 'zod';
import { attachmentParams, idParams } from '#server/platform/http/fields';
import { areaContract, endpoint } from '#server/platform/http/contract';
import {
  acceptBody,
  acceptResponse,
  caseDetailSchema,
  casesPage,
  casesQuery,
  courtFilingSchema,
  courtsQuery,
  courtsResponse,
  queuePage,
  queueQuery,
  returnBody,
  returnResponse,
} from './schemas';

export const courtContract = areaContract('court', {
  courts: endpoint({
    method: 'GET',
    path: '/api/v1/courts',
    access: 'public',
    summary: 'Courts, optionally of one province (public directory)',
    query: courtsQuery,
    response: courtsResponse,
  }),
  queue: endpoint({
    method: 'GET',
    path: '/api/v1/court/filings',
    access: 'court.queue',
    summary: "The court desk queue: submitted filings of the clerk's court, oldest submission first",
    query: queueQuery,
    response: queuePage,
    problems: ['not_found'],
  }),
  filing: endpoint({
    method: 'GET',
    path: '/api/v1/court/filings/:id',
    access: 'court.queue',
    summary: "A filing that reached the clerk's court, with parties, claims and attachments",
    params: idParams,
    response: courtFilingSchema,
    problems: ['not_found'],
  }),
  attachment: endpoint({
    method: 'GET',
    path: '/api/v1/court/filings/:id/attachments/:attachmentId',
    access: 'court.queue',
    summary: "Download an attachment of a filing that reached the clerk's court",
    params: attachmentParams,
    response: z.any().meta({
      description:
        "The document's bytes, checked against their recorded SHA-256 (500 file_integrity_failed when they no longer match)",
    }),
    produces: ['application/pdf', 'image/jpeg', 'image/png'],
    problems: ['not_found', 'file_integrity_failed'],
  }),
  accept: endpoint({
    method: 'POST',
    path: '/api/v1/court/filings/:id/accept',
    access: 'court.decide',
    summary: 'Accept a submitted filing: open a case with a number in a branch',
    params: idParams,
    body: acceptBody,
    status: 201,
    response: acceptResponse,
    problems: ['not_found', 'filing_not_awaiting_decision'],
  }),
  return: endpoint({
    method: 'POST',
    path: '/api/v1/court/filings/:id/return',
    access: 'court.decide',
    summary: 'Return a submitted filing to the office with reasons',
    params: idParams,
    body: returnBody,
    response: returnResponse,
    problems: ['not_found', 'filing_not_awaiting_decision'],
  }),
  cases: endpoint({
    method: 'GET',
    path: '/api/v1/court/cases',
    access: 'court.cases',
    summary: "Cases of the clerk's or judge's court, newest first",
    query: casesQuery,
    response: casesPage,
    problems: ['not_found'],
  }),
  case: endpoint({
    method: 'GET',
    path: '/api/v1/court/cases/:id',
    access: 'court.cases',
    summary: "A case of the court with its parties and notices (and each party's delivery)",
    params: idParams,
    response: caseDetailSchema,
    problems: ['not_found'],
  }),
});
