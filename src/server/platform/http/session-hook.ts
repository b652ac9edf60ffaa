/**
 * Resolves the session cookie to an actor for every /api request, and enforces CSRF protection:
 * a request that carries a session and changes state must echo the session's CSRF token in the
 * `x-csrf-token` header (double-submit; the token is also set as a readable cookie). Requests must
 * send JSON, so a cross-site HTML form cannot submit them at all.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '#server/platform/auth/actor';
import { safeEqual } from '#server/platform/auth/tokens';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';

const SESSION_COOKIE = 'daftar_session';
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

/** What the cookies carry; `maxAgeSeconds` because the browser judges a cookie by its own clock, not the server's. */
export interface SessionCookies {
  token: string;
  csrfToken: string;
  maxAgeSeconds: number;
}

/** The actor behind a session and the session's CSRF token. */
export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

/**
 * Finds the actor of a session token at `now`, or null (unknown, expired, disabled). The identity
 * area owns sessions and accounts and supplies it (modules/identity/sessions.ts); app.ts wires it.
 */
export type SessionResolver = (ctx: AppContext, token: string, now: Date) => Promise<ResolvedSession | null>;

export function registerSessionHook(app: FastifyInstance, ctx: AppContext, resolveSession: SessionResolver) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.routeOptions.config?.sessionless) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const resolved = await resolveSession(ctx, token, ctx.clock.now());
    if (!resolved) return;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, resolved.csrfToken)) throw new AppError('csrf_failed');
    }
    request.actor = resolved.actor;
    request.sessionToken = token;
  });
}

export function setSessionCookies(reply: FastifyReply, session: SessionCookies, secure: boolean) {
  // A lifetime rather than an expiry date: the browser's clock need not agree with the server's.
  const base = { path: '/', sameSite: 'lax' as const, secure, maxAge: session.maxAgeSeconds };
  reply.setCookie(SESSION_COOKIE, session.token, { ...base, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
