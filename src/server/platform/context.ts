import type { Database, Db } from '../db/client';
import type { Clock } from './clock/clock';
import type { Config } from './config';
import type { Jobs } from './jobs/jobs';

/** What every use case may reach: configuration, the clock, the database, and the job queue. */
export interface AppContext {
  config: Config;
  /** The one source of "now" (see platform/clock). */
  clock: Clock;
  database: Database;
  db: Db;
  jobs: Jobs | null;
}

/** Hands committed outbox messages to the delivery job (no-op when jobs are off, e.g. in some tests). */
export async function dispatchMessages(ctx: AppContext, outboxIds: number[]): Promise<void> {
  if (ctx.jobs && outboxIds.length) await ctx.jobs.deliver(outboxIds);
}
