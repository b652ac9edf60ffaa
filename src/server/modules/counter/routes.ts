/** The counter's routes: each endpoint of its contract, parsed input in, a use case called, its answer out. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { counterContract } from './contract';
import * as counter from './service';

export function counterRoutes(app: Api, ctx: AppContext) {
  implement(app, counterContract, {
    issueTicket: async ({ actor, body }) => ({ ticket: await counter.issueTicket(ctx, actor, body ?? {}) }),
    ticketSlip: ({ actor, params }) => counter.ticketSlip(ctx, actor, params.id),
    tickets: ({ actor }) => counter.listTickets(ctx, actor),
    callNext: async ({ actor }) => ({ ticket: await counter.callNext(ctx, actor) }),
    callTicket: async ({ actor, params }) => ({ ticket: await counter.moveTicket(ctx, actor, params.id, 'call') }),
    serveTicket: async ({ actor, params, body }) => ({
      ticket: await counter.moveTicket(ctx, actor, params.id, 'serve', body ?? {}),
    }),
    cancelTicket: async ({ actor, params }) => ({ ticket: await counter.moveTicket(ctx, actor, params.id, 'cancel') }),
    requestConsent: ({ actor, body }) => counter.requestConsent(ctx, actor, body),
    confirmConsent: ({ actor, body }) => counter.confirmConsent(ctx, actor, body),
    statusLookup: ({ actor, body }) => counter.statusLookup(ctx, actor, body),
    today: ({ actor }) => counter.today(ctx, actor),
  });
}
