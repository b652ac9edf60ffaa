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
import { orphanGraceHours, sweepOrphanedFiles, type StoredFileOwner } from '../storage/orphans';
import type { FileStorage } from '../storage/storage';

export const QUEUES = {
  deliverMessage: 'notifier.deliver',
  sweepOutbox: 'notifier.sweep',
  sweepOrphanedFiles: 'storage.sweep-orphans',
} as const;

/**
 * A periodic job an area adds at import time (before `startJobs`), e.g. payments reconciliation:
 * its queue is created everywhere, and where workers run it is scheduled on `cron`.
 */
export interface ScheduledJob { queue: string; cron: string; run(database: Database): Promise<unknown> }
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
  /** Where "now" comes from for the jobs that ask (default: the machine's clock). */
  clock?: Clock;
  /** The file storage and the areas' claims on it, for the daily sweep of files no row references. */
  files?: { storage: FileStorage; owners: readonly StoredFileOwner[]; graceHours?: number };
}

export interface Jobs {
  boss: PgBoss;
  /** Queue delivery of outbox messages written by a transaction that has now committed. */
  deliver(ids: number[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startJobs(database: Database, transport: SmsTransport, options: JobOptions): Promise<Jobs> {
  const retry: DeliveryRetry = { ...DEFAULT_DELIVERY_RETRY, ...options.deliveryRetry };
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
      await deliverMessage(database.db, transport, job.data.id, finalAttempt);
    });
    // Anything left pending (a crash between commit and enqueue) is picked up again.
    await boss.work(QUEUES.sweepOutbox, async () => {
      const stale = await database.db.select({ id: notifierOutbox.id }).from(notifierOutbox)
        .where(and(eq(notifierOutbox.status, 'pending'), lt(notifierOutbox.createdAt, new Date(Date.now() - 5 * 60_000))))
        .limit(500);
      for (const { id } of stale) await boss.send(QUEUES.deliverMessage, { id }, { ...retry, singletonKey: `msg-${id}` });
    });
    await boss.schedule(QUEUES.sweepOutbox, '*/5 * * * *');
    const files = options.files;
    if (files) {
      // Daily at 02:20 UTC (05:50 in Tehran, before offices open): files whose row never committed.
      await boss.work(QUEUES.sweepOrphanedFiles, async () => {
        const clock = options.clock ?? systemClock;
        const swept = await sweepOrphanedFiles(database.db, files.storage, files.owners, { now: clock.now(), graceHours: files.graceHours ?? orphanGraceHours() });
        if (swept.removed.length) console.warn(`[jobs] storage.sweep-orphans removed ${swept.removed.length} of ${swept.examined} files no row references: ${swept.removed.join(', ')}`);
        return { examined: swept.examined, removed: swept.removed.length };
      });
      await boss.schedule(QUEUES.sweepOrphanedFiles, '20 2 * * *');
    }
    for (const job of scheduledJobs) {
      await boss.work(job.queue, async () => { await job.run(database); });
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
