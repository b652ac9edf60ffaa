/** The e-accounts area's routes: each endpoint of its contract, parsed input in, a use case called, its answer out. */
import * as identity from '#server/modules/identity/service';
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { setSessionCookies } from '#server/platform/http/session-hook';
import { eaccountsContract } from './contract';
import * as eaccounts from './service';

export function eaccountRoutes(app: Api, ctx: AppContext) {
  const secure = ctx.config.production;
  const meta = (req: { ip: string; headers: Record<string, unknown> }) => ({
    ip: req.ip,
    userAgent: String(req.headers['user-agent'] ?? ''),
  });

  implement(app, eaccountsContract, {
    mobileCode: ({ actor, body }) => eaccounts.sendMobileCodeAtOffice(ctx, actor, body.mobile),
    register: ({ actor, body }) => eaccounts.registerAtOffice(ctx, actor, body),
    selfMobileCode: ({ body }) => eaccounts.sendMobileCodeOnline(ctx, body.mobile),
    async selfRegister({ body }, req, reply) {
      const { eaccount, session, actor } = await eaccounts.registerOnline(ctx, body, meta(req));
      setSessionCookies(reply, session, secure);
      return { eaccount, user: identity.currentUser(actor) };
    },
    lookup: ({ actor, query }) => eaccounts.lookupCitizen(ctx, actor, query.nationalId),
    createLegalPerson: ({ actor, body }) => eaccounts.createLegalPerson(ctx, actor, body),
    legalPersons: ({ actor, query }) => eaccounts.searchLegalPersons(ctx, actor, query),
    createRepresentative: ({ actor, body }) => eaccounts.createRepresentative(ctx, actor, body),
    representatives: ({ actor, query }) => eaccounts.searchRepresentatives(ctx, actor, query),
  });
}
