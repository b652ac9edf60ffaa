/**
 * The office counter's endpoints: the queue's tickets, consents asked of a citizen, status
 * lookups with their consent, and today's work of the office (see platform/http/contract.ts).
 */
import { areaContract, endpoint } from '#server/platform/http/contract';
import { idParams } from '#server/platform/http/fields';
import {
  consentConfirmBody,
  consentRequestBody,
  consentRequestResponse,
  consentSchema,
  nextTicketResponse,
  serveTicketBody,
  statusLookupBody,
  statusLookupResponse,
  ticketListResponse,
  ticketResponse,
  todayResponse,
} from './schemas';

export const counterContract = areaContract('counter', {
  issueTicket: endpoint({
    method: 'POST',
    path: '/api/v1/counter/tickets',
    access: 'counter.tickets',
    summary: 'Issue the next queue ticket of the office (numbered from 1 each Tehran day)',
    status: 201,
    response: ticketResponse,
  }),
  tickets: endpoint({
    method: 'GET',
    path: '/api/v1/counter/tickets',
    access: 'counter.tickets',
    summary: "Today's queue tickets of the office",
    response: ticketListResponse,
  }),
  callNext: endpoint({
    method: 'POST',
    path: '/api/v1/counter/tickets/next',
    access: 'counter.tickets',
    summary: 'Call the next waiting visitor (null when nobody is waiting)',
    response: nextTicketResponse,
  }),
  callTicket: endpoint({
    method: 'POST',
    path: '/api/v1/counter/tickets/:id/call',
    access: 'counter.tickets',
    summary: 'Call a particular waiting ticket',
    params: idParams,
    response: ticketResponse,
    problems: ['not_found', 'ticket_status_conflict'],
  }),
  serveTicket: endpoint({
    method: 'POST',
    path: '/api/v1/counter/tickets/:id/serve',
    access: 'counter.tickets',
    summary: 'Mark a ticket served (optionally naming the citizen served)',
    params: idParams,
    body: serveTicketBody.optional(),
    response: ticketResponse,
    problems: ['not_found', 'ticket_status_conflict'],
  }),
  cancelTicket: endpoint({
    method: 'POST',
    path: '/api/v1/counter/tickets/:id/cancel',
    access: 'counter.tickets',
    summary: 'Cancel a ticket (the visitor left)',
    params: idParams,
    response: ticketResponse,
    problems: ['not_found', 'ticket_status_conflict'],
  }),
  requestConsent: endpoint({
    method: 'POST',
    path: '/api/v1/counter/consents',
    access: 'counter.consents',
    summary: 'Ask a citizen for consent: a one-time code goes to their registered mobile',
    body: consentRequestBody,
    status: 202,
    response: consentRequestResponse,
    problems: ['eaccount_not_found', 'otp_too_soon'],
  }),
  confirmConsent: endpoint({
    method: 'POST',
    path: '/api/v1/counter/consents/confirm',
    access: 'counter.consents',
    summary: "Enter the citizen's code: a consent valid 30 minutes at this office for this purpose",
    body: consentConfirmBody,
    status: 201,
    response: consentSchema,
    problems: ['invalid_consent_code', 'eaccount_not_found'],
  }),
  statusLookup: endpoint({
    method: 'POST',
    path: '/api/v1/counter/status-lookups',
    access: 'counter.status-lookup',
    summary: "A citizen's status with their consent (follow-up / case-report, charged from the tariff)",
    body: statusLookupBody,
    response: statusLookupResponse,
    problems: ['consent_required', 'not_found'],
  }),
  today: endpoint({
    method: 'GET',
    path: '/api/v1/counter/today',
    access: 'counter.today',
    summary: "Today's work of the office: tickets, services with amounts, filings by status, revenue",
    response: todayResponse,
  }),
});
