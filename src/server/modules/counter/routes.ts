/** HTTP routes of the counter: parse, call the use case, map. Nothing else. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { SIGNED_IN, SIGNED_IN_WRITE } from '#server/platform/http/api';
import { problems } from '#server/platform/http/problem-schema';
import { actorOf } from '#server/platform/http/session-hook';
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
  ticketParams,
  ticketResponse,
  todayResponse,
} from './schemas';
import * as counter from './service';

const tags = ['counter'];

export function counterRoutes(app: Api, ctx: AppContext) {
  app.post(
    '/v1/counter/tickets',
    {
      schema: {
        tags,
        summary: 'Issue the next queue ticket of the office (numbered from 1 each Tehran day)',
        security: SIGNED_IN_WRITE,
        response: { 201: ticketResponse, ...problems(401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send({ ticket: await counter.issueTicket(ctx, actorOf(req)) }),
  );

  app.get(
    '/v1/counter/tickets',
    {
      schema: {
        tags,
        summary: "Today's queue tickets of the office",
        security: SIGNED_IN,
        response: { 200: ticketListResponse, ...problems(401, 403) },
      },
    },
    async (req) => counter.listTickets(ctx, actorOf(req)),
  );

  app.post(
    '/v1/counter/tickets/next',
    {
      schema: {
        tags,
        summary: 'Call the next waiting visitor (null when nobody is waiting)',
        security: SIGNED_IN_WRITE,
        response: { 200: nextTicketResponse, ...problems(401, 403) },
      },
    },
    async (req) => ({ ticket: await counter.callNext(ctx, actorOf(req)) }),
  );

  app.post(
    '/v1/counter/tickets/:id/call',
    {
      schema: {
        tags,
        summary: 'Call a particular waiting ticket',
        security: SIGNED_IN_WRITE,
        params: ticketParams,
        response: { 200: ticketResponse, ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => ({ ticket: await counter.moveTicket(ctx, actorOf(req), req.params.id, 'call') }),
  );

  app.post(
    '/v1/counter/tickets/:id/serve',
    {
      schema: {
        tags,
        summary: 'Mark a ticket served (optionally naming the citizen served)',
        security: SIGNED_IN_WRITE,
        params: ticketParams,
        body: serveTicketBody.optional(),
        response: { 200: ticketResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => ({ ticket: await counter.moveTicket(ctx, actorOf(req), req.params.id, 'serve', req.body ?? {}) }),
  );

  app.post(
    '/v1/counter/tickets/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a ticket (the visitor left)',
        security: SIGNED_IN_WRITE,
        params: ticketParams,
        response: { 200: ticketResponse, ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => ({ ticket: await counter.moveTicket(ctx, actorOf(req), req.params.id, 'cancel') }),
  );

  app.post(
    '/v1/counter/consents',
    {
      schema: {
        tags,
        summary: 'Ask a citizen for consent: a one-time code goes to their registered mobile',
        security: SIGNED_IN_WRITE,
        body: consentRequestBody,
        response: { 202: consentRequestResponse, ...problems(400, 401, 403, 404, 429) },
      },
    },
    async (req, reply) => reply.code(202).send(await counter.requestConsent(ctx, actorOf(req), req.body)),
  );

  app.post(
    '/v1/counter/consents/confirm',
    {
      schema: {
        tags,
        summary: "Enter the citizen's code: a consent valid 30 minutes at this office for this purpose",
        security: SIGNED_IN_WRITE,
        body: consentConfirmBody,
        response: { 201: consentSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await counter.confirmConsent(ctx, actorOf(req), req.body)),
  );

  app.post(
    '/v1/counter/status-lookups',
    {
      schema: {
        tags,
        summary: "A citizen's status with their consent (follow-up / case-report, charged from the tariff)",
        security: SIGNED_IN_WRITE,
        body: statusLookupBody,
        response: { 200: statusLookupResponse, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => counter.statusLookup(ctx, actorOf(req), req.body),
  );

  app.get(
    '/v1/counter/today',
    {
      schema: {
        tags,
        summary: "Today's work of the office: tickets, services with amounts, filings by status, revenue",
        security: SIGNED_IN,
        response: { 200: todayResponse, ...problems(401, 403) },
      },
    },
    async (req) => counter.today(ctx, actorOf(req)),
  );
}
