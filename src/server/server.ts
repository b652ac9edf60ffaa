/**
 * Starting and stopping Daftar in a process: open the database, migrate, load the demo data into
 * an empty database, start the job workers and the HTTP server. Tests and the CLI use it too.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { composePorts, scheduledJobs } from './composition';
import { openDatabase, type Database } from './db/client';
import { runMigrations } from './db/migrate';
import { currentRole, grantRuntimeRole } from './db/roles';
import { isEmpty, seedDemo } from './seed/demo';
import { seedReferenceData } from './seed/reference';
import { recountDeadlinesOnce } from './modules/notices/recount';
import { ensureServiceVolume } from './modules/records/volume';
import { auditCheckpointJob, loadSigningKey } from './platform/audit/anchor';
import { systemClock, type Clock } from './platform/clock/clock';
import type { Config } from './platform/config';
import type { AppContext } from './platform/context';
import { createJobs, type JobOptions, type ScheduledJob } from './platform/jobs/jobs';
import { OutboxTransport, type SmsTransport } from './platform/notifier/notifier';
import type { Ports } from './platform/ports/ports';
import { fileStorage } from './platform/storage/storage';
import { STORED_FILE_OWNERS } from './stored-files';
import { closePdfPrinter } from './platform/pdf/printer';
import { closePdfChecks } from './platform/storage/pdf-check';

export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  seeded: boolean;
  stop(): Promise<void>;
}

export interface StartOptions {
  database?: Database;
  transport?: SmsTransport;
  listen?: boolean;
  /** Job queue tuning (retry policy, polling); defaults suit production. */
  jobs?: Omit<JobOptions, 'work'>;
  /** Where "now" comes from (default: the machine's clock). */
  clock?: Clock;
  /** Ports other than the composition's defaults (a test's court gateway, a real bank). */
  ports?: Partial<Ports>;
}

/**
 * What only the tables' owner may do, through its own short-lived connection: apply migrations,
 * install or upgrade the job queue's schema and create its queues, and grant the runtime role its
 * rights on whatever now exists (db/roles.ts). The server then runs as the runtime role.
 */
export async function prepareAsOwner(
  ownerUrl: string,
  runtimeRole: string,
  scheduled: readonly ScheduledJob[],
): Promise<string[]> {
  const owner = await openDatabase({ databaseUrl: ownerUrl, poolSize: 2 });
  try {
    const applied = await runMigrations(owner);
    const queue = createJobs(owner, new OutboxTransport(false), { work: false, scheduled });
    await queue.start();
    await queue.stop();
    await grantRuntimeRole(owner, runtimeRole);
    return applied;
  } finally {
    await owner.close();
  }
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  // The audit anchor's key is made (or found) before anything else: a start that cannot sign stops here.
  loadSigningKey(config.audit);
  const database =
    options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const ports = composePorts(options.ports);
  const scheduled = [...scheduledJobs(ports), auditCheckpointJob(config.audit, (ids) => jobs.deliver(ids))];
  if (config.ownerDatabaseUrl) {
    if (database.kind !== 'postgres') throw new Error('DAFTAR_OWNER_DATABASE_URL needs DATABASE_URL (PostgreSQL)');
    await prepareAsOwner(config.ownerDatabaseUrl, await currentRole(database), scheduled);
  }
  await runMigrations(database);
  let seeded = false;
  if (await isEmpty(database.db)) {
    // An empty database gets the reference data (geography, catalog, tariff, holidays) in any case,
    // and the demo dataset unless it was turned off.
    if (config.seedDemo) {
      // The demo's dates (licences, sessions, a year of volume) are set around the clock's today.
      await seedDemo(database.db, clock.now());
      seeded = true;
    } else {
      await database.db.transaction((tx) => seedReferenceData(tx));
    }
  }
  // Installs whose service records predate the monthly volume rollup: grouped once (two existence checks otherwise).
  if (!seeded) await ensureServiceVolume(database.db);
  // Deadlines fixed before free limits were counted right (Art. 445) are counted again, once per database.
  await recountDeadlinesOnce(database.db, clock);
  const transport = options.transport ?? new OutboxTransport(config.notifierConsole);
  const jobs = createJobs(database, transport, {
    files: { storage: fileStorage(config), owners: STORED_FILE_OWNERS },
    scheduled,
    ...options.jobs,
    work: config.runJobs,
    clock,
  });
  const ctx: AppContext = { config, clock, database, db: database.db, jobs, ports };
  const app = await buildApp(ctx);
  let url = '';
  if (options.listen !== false) {
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    url = `http://localhost:${port}`;
  } else {
    await app.ready();
  }
  // The job queue starts once requests are answered: none needs it but those handing messages
  // over, and they wait for it (jobs.deliver). It is running when startServer returns.
  try {
    await jobs.start();
  } catch (error) {
    await app.close();
    throw error;
  }
  return {
    app,
    ctx,
    url,
    seeded,
    async stop() {
      await app.close();
      await jobs.stop();
      await closePdfChecks();
      await closePdfPrinter();
      if (!options.database) await database.close();
    },
  };
}
