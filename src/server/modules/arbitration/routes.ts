/** HTTP routes of the arbitration area, from its contract: parse, call the use case, map. Nothing else. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { PRINTABLE_PAGE_POLICY } from '#server/platform/http/security-headers';
import { sendPdf } from '#server/platform/pdf/send-pdf';
import { awardHtml } from './award-print';
import { arbitrationContract } from './contract';
import * as arbitration from './service';

export function arbitrationRoutes(app: Api, ctx: AppContext) {
  implement(app, arbitrationContract, {
    start: ({ actor, body, headers }) => arbitration.startArbitration(ctx, actor, body, headers['idempotency-key']),
    list: ({ actor, query }) => arbitration.listCases(ctx, actor, query),
    get: ({ actor, params }) => arbitration.getCase(ctx, actor, params.id),
    consentCode: ({ actor, params }) => arbitration.resendConsentCode(ctx, actor, params.id),
    consent: ({ actor, params, body }) => arbitration.consent(ctx, actor, params.id, body.code),
    registry: ({ actor }) => arbitration.arbitratorRegistry(ctx, actor),
    appoint: ({ actor, params, body }) => arbitration.appoint(ctx, actor, params.id, body),
    answer: ({ actor, params, body }) => arbitration.answer(ctx, actor, params.id, params.arbitratorId, body.accept),
    hearing: ({ actor, params, body }) => arbitration.scheduleHearing(ctx, actor, params.id, body),
    minutes: ({ actor, params, body }) => arbitration.recordMinutes(ctx, actor, params.id, params.hearingId, body),
    draftAward: ({ actor, params, body }) => arbitration.draftAward(ctx, actor, params.id, body),
    signAward: ({ actor, params, body }) => arbitration.signAward(ctx, actor, params.id, params.arbitratorId, body),
    async award({ actor, params }, _req, reply) {
      const c = await arbitration.printableAward(ctx, actor, params.id);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', PRINTABLE_PAGE_POLICY)
        .send(awardHtml(c));
    },
    async awardPdf({ actor, params }, req, reply) {
      const c = await arbitration.printableAward(ctx, actor, params.id);
      return sendPdf(req, reply, {
        html: () => awardHtml(c),
        htmlUrl: `/api/v1/arbitrations/${c.id}/award`,
        filename: `arbitration-award-${c.id}.pdf`,
        print: { format: 'A4' },
      });
    },
    annulment: ({ actor, params, body }) => arbitration.requestAnnulment(ctx, actor, params.id, body),
    enforcement: ({ actor, params, body }) => arbitration.requestEnforcement(ctx, actor, params.id, body.partyId),
  });
}
