/**
 * Background jobs on pg-boss, on either database: pg-boss talks through our pool's `executeSql`,
 * so on PGlite it shares the embedded instance and on PostgreSQL it is an ordinary client.
 *
 * The queue is made first (`createJobs`) and started once the server is listening (`start`): no
 * request needs the workers, and a request that hands messages over (`deliver`) waits for the
 * start. pg-boss itself is loaded by `start`, so a restart answers before loading it.
 */
import type PgBoss from 'pg-boss';
import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '#server/db/client';
import { systemClock, type Clock } from '#server/platform/clock/clock';
import { deliverMessage, type SmsTransport } from '#server/platform/notifier/notifier';
import { notifierOutbox } from '#server/platform/notifier/tables';
import { orphanGraceHours, sweepOrphanedFiles, type StoredFileOwner } from '#server/platform/storage/orphans';
import type { FileStorage } from '#server/platform/storage/storage';

export const QUEUES = {
  deliverMessage: 'notifier.deliver',
  sweepOutbox: 'notifier.sweep',
  sweepOrphanedFiles: 'storage.sweep-orphans',
} as const;

/**
 * A periodic job of an area (e.g. payments reconciliation), handed to the queue by the composition
 * (`JobOptions.scheduled`): its queue is created everywhere, and where workers run it is scheduled
 * on `cron`.
 */
export interface ScheduledJob {
  queue: string;
  cron: string;
  /** Also queued once when the workers start, so what it maintains is there before its first scheduled run. */
  atStart?: boolean;
  run(database: Database, clock: Clock): Promise<unknown>;
}

/** How failed deliveries are retried: pg-boss retry options (delay in seconds, doubled with backoff). */
interface DeliveryRetry {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
}
const DEFAULT_DELIVERY_RETRY: DeliveryRetry = { retryLimit: 5, retryDelay: 2, retryBackoff: true };

/**
 * How often the workers look for jobs in seconds. A job this process queues wakes its worker at
 * once; the polls find the others: messages another process handed over and retries falling due,
 * and the periodic jobs, which run on a cron of minutes at the least. Each poll is a statement on
 * the database, eleven queues' worth on an idle server.
 */
const DELIVERY_POLL_SECONDS = 5;
const PERIODIC_POLL_SECONDS = 10;

export interface JobOptions {
  /** Run workers in this process. */
  work: boolean;
  /** Overrides of the delivery retry policy (tests shorten it). */
  deliveryRetry?: Partial<DeliveryRetry>;
  /** How often every worker polls for jobs (pg-boss minimum 0.5 s; tests shorten it). */
  pollingIntervalSeconds?: number;
  /**
   * The server's clock, for what the jobs record and decide (sent at, today's reminders, stale
   * outbox rows). When jobs run is pg-boss's business, on the machine's time.
   */
  clock?: Clock;
  /** The file storage and the areas' claims on it, for the daily sweep of files no row references. */
  files?: { storage: FileStorage; owners: readonly StoredFileOwner[]; graceHours?: number };
  /** The areas' periodic jobs (see src/server/composition.ts). */
  scheduled?: readonly ScheduledJob[];
}

export interface Jobs {
  /** The pg-boss instance; throws before `start` has finished. */
  readonly boss: PgBoss;
  /** Queue delivery of outbox messages written by a transaction that has now committed. */
  deliver(ids: number[]): Promise<void>;
  stop(): Promise<void>;
}

export interface StartableJobs extends Jobs {
  /** Starts pg-boss (installing or upgrading its schema), creates missing queues and, with `work`, the workers and schedules. */
  start(): Promise<void>;
}

/** Starts the queue at once (the demo seed and the test template install pg-boss's schema with it). */
export async function startJobs(database: Database, transport: SmsTransport, options: JobOptions): Promise<Jobs> {
  const jobs = createJobs(database, transport, options);
  await jobs.start();
  return jobs;
}

/**
 * Creates a queue that another process may be creating at the same moment: two servers started
 * together on a database without the queue deadlock in pg-boss's create_queue, or one finds the
 * other's queue half made. A failed attempt is retried after a short pause unless the queue is
 * there by then.
 */
async function createQueue(boss: PgBoss, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(name);
      return;
    } catch (error) {
      if (await boss.getQueue(name)) return;
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

export function createJobs(database: Database, transport: SmsTransport, options: JobOptions): StartableJobs {
  const retry: DeliveryRetry = { ...DEFAULT_DELIVERY_RETRY, ...options.deliveryRetry };
  const clock = options.clock ?? systemClock;
  const scheduledJobs = options.scheduled ?? [];
  let started: PgBoss | null = null;
  let starting: Promise<PgBoss> | null = null;
  /** This process's delivery worker, woken at once for the messages this process hands over. */
  let deliveryWorker: string | null = null;
  /**
   * Set once the graceful stop has returned, before the server closes the pool. A job still running
   * when the stop gave up waiting (5 s) ends later; pg-boss then records its outcome through a
   * closed pool and nothing catches that rejection. After the stop its statements answer with no
   * rows instead: the job stays active in the table and its expiry hands it out again. A job's
   * completion or failure reads the count of jobs it changed (`SELECT COUNT(*) FROM results`), so
   * those answer a count of none rather than no row at all.
   */
  let stopped = false;
  const afterStop = (text: string) =>
    Promise.resolve(
      /SELECT COUNT\(\*\) FROM results\s*$/i.test(text)
        ? { rows: [{ count: '0' }], rowCount: 1 }
        : { rows: [], rowCount: 0 },
    );

  async function startBoss(): Promise<PgBoss> {
    const { default: PgBossClass } = await import('pg-boss');
    const boss = new PgBossClass({
      db: {
        executeSql: (text: string, values?: unknown[]) =>
          stopped ? afterStop(text) : database.pool.query(text, values),
      },
      schedule: options.work,
      supervise: options.work,
    });
    boss.on('error', (error) => console.error('[jobs]', error.message));
    await boss.start();
    // Creating a queue that exists costs a PL/pgSQL call each start (and, on PGlite, loading PL/pgSQL).
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const name of [...Object.values(QUEUES), ...scheduledJobs.map((j) => j.queue)]) {
      if (!existing.has(name)) await createQueue(boss, name);
    }

    if (options.work) {
      deliveryWorker = await boss.work<{ id: number }>(
        QUEUES.deliverMessage,
        {
          batchSize: 1,
          pollingIntervalSeconds: options.pollingIntervalSeconds ?? DELIVERY_POLL_SECONDS,
          includeMetadata: true,
        },
        async ([job]) => {
          const finalAttempt = job.retryCount >= job.retryLimit;
          await deliverMessage(database.db, transport, job.data.id, finalAttempt, clock.now());
        },
      );
      const periodic = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? PERIODIC_POLL_SECONDS };
      // Anything left pending (a crash between commit and enqueue) is picked up again.
      await boss.work(QUEUES.sweepOutbox, periodic, async () => {
        const stale = await database.db
          .select({ id: notifierOutbox.id })
          .from(notifierOutbox)
          .where(
            and(
              eq(notifierOutbox.status, 'pending'),
              lt(notifierOutbox.createdAt, new Date(clock.now().getTime() - 5 * 60_000)),
            ),
          )
          .limit(500);
        for (const { id } of stale)
          await boss.send(QUEUES.deliverMessage, { id }, { ...retry, singletonKey: `msg-${id}` });
      });
      const schedules = new Map((await boss.getSchedules()).map((s) => [s.name, s.cron]));
      const schedule = async (queue: string, cron: string) => {
        if (schedules.get(queue) !== cron) await boss.schedule(queue, cron);
      };
      await schedule(QUEUES.sweepOutbox, '*/5 * * * *');
      const files = options.files;
      if (files) {
        // Daily at 02:20 UTC (05:50 in Tehran, before offices open): files whose row never committed.
        await boss.work(QUEUES.sweepOrphanedFiles, periodic, async () => {
          const clock = options.clock ?? systemClock;
          const swept = await sweepOrphanedFiles(database.db, files.storage, files.owners, {
            now: clock.now(),
            graceHours: files.graceHours ?? orphanGraceHours(),
          });
          if (swept.removed.length)
            console.warn(
              `[jobs] storage.sweep-orphans removed ${swept.removed.length} of ${swept.examined} files no row references: ${swept.removed.join(', ')}`,
            );
          return { examined: swept.examined, removed: swept.removed.length };
        });
        await schedule(QUEUES.sweepOrphanedFiles, '20 2 * * *');
      }
      for (const job of scheduledJobs) {
        const worker = await boss.work(job.queue, periodic, async () => {
          await job.run(database, clock);
        });
        await schedule(job.queue, job.cron);
        if (job.atStart) {
          await boss.send(job.queue, {}, { singletonKey: 'at-start', singletonSeconds: 60 });
          boss.notifyWorker(worker);
        }
      }
    }
    started = boss;
    return boss;
  }

  const start = () => (starting ??= startBoss());

  return {
    get boss() {
      if (!started) throw new Error('the job queue has not started');
      return started;
    },
    start: async () => {
      await start();
    },
    async deliver(ids) {
      const boss = await start();
      for (const id of ids) await boss.send(QUEUES.deliverMessage, { id }, { ...retry, singletonKey: `msg-${id}` });
      // A sign-in code is awaited at the counter: sent now rather than at the worker's next poll
      // (another process's messages, and retries, still wait for it).
      if (deliveryWorker && ids.length) boss.notifyWorker(deliveryWorker);
    },
    async stop() {
      if (!starting) return;
      const boss = await starting.catch(() => null);
      if (boss) await boss.stop({ graceful: true, timeout: 5_000 });
      stopped = true;
    },
  };
}
