/**
 * Background jobs on pg-boss, on either database: pg-boss talks through our pool's `executeSql`,
 * so on PGlite it shares the embedded instance and on PostgreSQL it is an ordinary client.
 */
import PgBoss from 'pg-boss';
import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { systemClock, type Clock } from '../clock/clock';
import { deliverMessage, type SmsTransport } from '../notifier/notifier';
import { notifierOutbox } from '../notifier/tables';

export const QUEUES = {
  deliverMessage: 'notifier.deliver',
  sweepOutbox: 'notifier.sweep',
} as const;

/**
 * A periodic job an area adds at import time (before `startJobs`), e.g. payments reconciliation:
 * its queue is created everywhere, and where workers run it is scheduled on `cron`.
 */
export interface ScheduledJob { queue: string; cron: string; run(database: Database, clock: Clock): Promise<unknown> }
const scheduledJobs: ScheduledJob[] = [];
export function registerScheduledJob(job: ScheduledJob): void {
  if (!scheduledJobs.some((j) => j.queue === job.queue)) scheduledJobs.push(job);
}

/** How failed deliveries are retried: pg-boss retry options (delay in seconds, doubled with backoff). */
export interface DeliveryRetry { retryLimit: number; retryDelay: number; retryBackoff: boolean }
export const DEFAULT_DELIVERY_RETRY: DeliveryRetry = { retryLimit: 5, retryDelay: 2, retryBackoff: true };

export interface JobOptions {
  /** Run workers in this process. */
  work: boolean;
  /** Overrides of the delivery retry policy (tests shorten it). */
  deliveryRetry?: Partial<DeliveryRetry>;
  /** How often workers poll for jobs (pg-boss minimum 0.5 s). */
  pollingIntervalSeconds?: number;
  /**
   * The server's clock, for what the jobs record and decide (sent at, today's reminders, stale
   * outbox rows). When jobs run is pg-boss's business, on the machine's time.
   */
  clock?: Clock;
}

export interface Jobs {
  boss: PgBoss;
  /** Queue delivery of outbox messages written by a transaction that has now committed. */
  deliver(ids: number[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startJobs(database: Database, transport: SmsTransport, options: JobOptions): Promise<Jobs> {
  const retry: DeliveryRetry = { ...DEFAULT_DELIVERY_RETRY, ...options.deliveryRetry };
  const clock = options.clock ?? systemClock;
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => database.pool.query(text, values) },
    schedule: options.work,
    supervise: options.work,
  });
  boss.on('error', (error) => console.error('[jobs]', error.message));
  await boss.start();
  for (const name of Object.values(QUEUES)) await boss.createQueue(name);
  for (const job of scheduledJobs) await boss.createQueue(job.queue);

  if (options.work) {
    await boss.work<{ id: number }>(QUEUES.deliverMessage, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, includeMetadata: true }, async ([job]) => {
      const finalAttempt = job.retryCount >= job.retryLimit;
      await deliverMessage(database.db, transport, job.data.id, finalAttempt, clock.now());
    });
    // Anything left pending (a crash between commit and enqueue) is picked up again.
    await boss.work(QUEUES.sweepOutbox, async () => {
      const stale = await database.db.select({ id: notifierOutbox.id }).from(notifierOutbox)
        .where(and(eq(notifierOutbox.status, 'pending'), lt(notifierOutbox.createdAt, new Date(clock.now().getTime() - 5 * 60_000))))
        .limit(500);
      for (const { id } of stale) await boss.send(QUEUES.deliverMessage, { id }, { ...retry, singletonKey: `msg-${id}` });
    });
    await boss.schedule(QUEUES.sweepOutbox, '*/5 * * * *');
    for (const job of scheduledJobs) {
      await boss.work(job.queue, async () => { await job.run(database, clock); });
      await boss.schedule(job.queue, job.cron);
    }
  }

  return {
    boss,
    async deliver(ids) {
      for (const id of ids) await boss.send(QUEUES.deliverMessage, { id }, { ...retry, singletonKey: `msg-${id}` });
    },
    stop: () => boss.stop({ graceful: true, timeout: 5_000 }),
  };
}
