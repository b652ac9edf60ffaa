import type { Database, Db } from '#server/db/client';
import type { Clock } from './clock/clock';
import type { Config } from './config';
import type { Jobs } from './jobs/jobs';
import type { Ports } from './ports/ports';

/** What every use case may reach: configuration, the clock, the database, the job queue and the ports. */
export interface AppContext {
  config: Config;
  /** The one source of "now" (see platform/clock). */
  clock: Clock;
  database: Database;
  db: Db;
  jobs: Jobs | null;
  /** Gateways and the handlers of lower areas' events, wired at start-up (see platform/ports). */
  ports: Ports;
}

/** Hands committed outbox messages to the delivery job (no-op when jobs are off, e.g. in some tests). */
export async function dispatchMessages(ctx: AppContext, outboxIds: number[]): Promise<void> {
  if (ctx.jobs && outboxIds.length) await ctx.jobs.deliver(outboxIds);
}
