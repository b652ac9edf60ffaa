/** The identity area's routes: each endpoint of its contract, parsed input in, a use case called, its answer out. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { signInRateLimit } from '#server/platform/http/rate-limit';
import { clearSessionCookies, setSessionCookies } from '#server/platform/http/session-hook';
import {
  requestCitizenCode,
  requestStaffCode,
  signInCitizen,
  signInStaff,
  signInStaffWithCode,
  signOut,
} from './auth-service';
import { identityContract } from './contract';
import * as identity from './service';

export function identityRoutes(app: Api, ctx: AppContext) {
  const secure = ctx.config.production;
  const meta = (req: { ip: string; headers: Record<string, unknown> }) => ({
    ip: req.ip,
    userAgent: String(req.headers['user-agent'] ?? ''),
  });

  implement(
    app,
    identityContract,
    {
      async staffSignIn({ body }, req, reply) {
        const { session, actor } = await signInStaff(ctx, body, meta(req));
        setSessionCookies(reply, session, secure);
        return { user: identity.currentUser(actor) };
      },
      staffCode: ({ body }) => requestStaffCode(ctx, body),
      async staffCodeSignIn({ body }, req, reply) {
        const { session, actor } = await signInStaffWithCode(ctx, body, meta(req));
        setSessionCookies(reply, session, secure);
        return { user: identity.currentUser(actor) };
      },
      citizenCode: ({ body }) => requestCitizenCode(ctx, body.mobile),
      async citizenSignIn({ body }, req, reply) {
        const { session, actor } = await signInCitizen(ctx, body, meta(req));
        setSessionCookies(reply, session, secure);
        return { user: identity.currentUser(actor) };
      },
      async signOut(_input, req, reply) {
        await signOut(ctx, req.sessionToken!);
        clearSessionCookies(reply);
        return null;
      },
      me: ({ actor }) => ({ user: identity.currentUser(actor) }),
      users: ({ actor, query }) => identity.listStaff(ctx, actor, query),
      createUser: async ({ actor, body }) => ({ user: await identity.createStaff(ctx, actor, body) }),
      async setPassword({ actor, params, body }) {
        await identity.resetPassword(ctx, actor, params.id, body.password);
        return null;
      },
      ownProfile: ({ actor }) => identity.ownCitizenProfile(ctx, actor),
    },
    {
      config: {
        staffSignIn: signInRateLimit(ctx),
        staffCode: signInRateLimit(ctx),
        staffCodeSignIn: signInRateLimit(ctx),
        citizenCode: signInRateLimit(ctx),
        citizenSignIn: signInRateLimit(ctx),
      },
    },
  );
}
