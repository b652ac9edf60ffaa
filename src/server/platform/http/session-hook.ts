/**
 * Resolves the session cookie to an actor for every /api request, and enforces CSRF protection:
 * a request that carries a session and changes state must echo the session's CSRF token in the
 * `x-csrf-token` header (double-submit; the token is also set as a readable cookie). Requests must
 * send JSON, so a cross-site HTML form cannot submit them at all.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { resolveSession, type NewSession } from '../auth/sessions';
import { safeEqual } from '../auth/tokens';
import type { AppContext } from '../context';
import { AppError } from '../errors/app-error';

export const SESSION_COOKIE = 'daftar_session';
export const CSRF_COOKIE = 'daftar_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route authenticated otherwise (a payment gateway's signed callback): no session is read, no CSRF header asked for. */
    sessionless?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

export function registerSessionHook(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.routeOptions.config?.sessionless) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const resolved = await resolveSession(ctx.db, token, ctx.clock.now());
    if (!resolved) return;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, resolved.csrfToken)) throw new AppError('csrf_failed');
    }
    request.actor = resolved.actor;
    request.sessionToken = token;
  });
}

/** The signed-in actor, or a 401 problem. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

export function setSessionCookies(reply: FastifyReply, session: NewSession, secure: boolean) {
  // A lifetime rather than an expiry date: the browser's clock need not agree with the server's.
  const base = { path: '/', sameSite: 'lax' as const, secure, maxAge: session.maxAgeSeconds };
  reply.setCookie(SESSION_COOKIE, session.token, { ...base, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
