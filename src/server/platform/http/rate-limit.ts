/**
 * Per-address rate limits (@fastify/rate-limit), counted in the database so that every API
 * process shares them: a window's count per key is one upsert on `login_throttle` (key prefixed
 * `rate:`), the same table that holds the per-account lock-out. Only the routes that name a limit
 * are counted — sign-in and one-time codes today.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { countInWindow } from '#server/platform/auth/throttle';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';

interface Counted {
  current: number;
  ttl: number;
}

/** A @fastify/rate-limit store over the database, with the server's clock. */
function databaseStore(ctx: AppContext) {
  return class DatabaseStore {
    // The plugin passes the route's window as a third argument, which its type declaration leaves out.
    incr(key: string, done: (error: Error | null, counted?: Counted) => void, timeWindow = 60_000): void {
      const now = ctx.clock.now();
      countInWindow(ctx.db, `rate:${key}`, now, timeWindow).then((counted) => {
        if (!counted) return done(new Error('the count was not stored'));
        const ttl = Math.max(0, counted.windowStartedAt.getTime() + timeWindow - now.getTime());
        done(null, { current: counted.count, ttl });
      }, done);
    }

    child(): DatabaseStore {
      return new DatabaseStore();
    }
  };
}

export async function registerRateLimits(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    store: databaseStore(ctx),
    keyGenerator: (request: FastifyRequest) => request.ip,
    errorResponseBuilder: (_request, context) => {
      const retryAfterSeconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError('rate_limited', {
        extra: { retryAfterSeconds },
        headers: { 'retry-after': String(retryAfterSeconds) },
      });
    },
  });
}

/** The limit shared by every sign-in and code request from one address. */
export function signInRateLimit(ctx: AppContext) {
  return {
    rateLimit: {
      max: ctx.config.signInRatePerMinute,
      timeWindow: 60_000,
      keyGenerator: (request: FastifyRequest) => `sign-in:${request.ip}`,
    },
  };
}
