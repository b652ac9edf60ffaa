/**
 * Builds the database every integration and browser test file clones, once per run:
 * - PGlite: a `memory://` cluster, migrated and seeded with the demo data, dumped to a tarball that
 *   each test server loads (`openDatabase({ loadDataDir })`);
 * - PostgreSQL (DATABASE_URL set): a template database on that server, migrated and seeded, that
 *   each test server copies with `CREATE DATABASE … TEMPLATE …`; dropped again in teardown.
 * The pg-boss schema is installed in the template too, so test servers start their job queue
 * without creating it. The demo data is dated around TEST_NOW (support/test-clock.ts), the instant
 * every test server's clock starts at.
 *
 * `npm test` (test/run-all.ts) builds it once for all its vitest processes and hands it over in
 * DAFTAR_TEST_TEMPLATE; a vitest run on its own builds its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, type Database } from '#server/db/client';
import { runMigrations } from '#server/db/migrate';
import { seedDemo } from '#server/seed/demo';
import { startJobs } from '#server/platform/jobs/jobs';
import { OutboxTransport } from '#server/platform/notifier/notifier';
import { adminUrl, databaseUrlFor } from './support/databases';
import { TEST_NOW } from './support/test-clock';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of the seeded data-dir tarball. */
    daftarTemplateDump: string | null;
    /** PostgreSQL: name of the seeded template database. */
    daftarTemplateDatabase: string | null;
  }
}

async function prepare(database: Database): Promise<void> {
  await runMigrations(database);
  // Seeded on the tests' day: every test server's clock starts at the same instant.
  await seedDemo(database.db, TEST_NOW);
  const jobs = await startJobs(database, new OutboxTransport(false), { work: false });
  await jobs.stop();
}

export interface Template {
  /** PGlite: path of the seeded data-dir tarball. */
  dump: string | null;
  /** PostgreSQL: name of the seeded template database. */
  database: string | null;
  dispose(): Promise<void>;
}

/** The environment variable that carries a template built by another process. */
export const SHARED_TEMPLATE = 'DAFTAR_TEST_TEMPLATE';

export async function buildTemplate(url = process.env.DATABASE_URL): Promise<Template> {
  const started = Date.now();
  if (url) {
    const name = `daftar_tmpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const database = await openDatabase({ databaseUrl: databaseUrlFor(url, name), poolSize: 2 });
      try {
        await prepare(database);
      } finally {
        await database.close();
      }
    } catch (error) {
      // A template that failed to build is not left behind on the server.
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      throw error;
    }
    // Nobody connects to the template after this, which is what CREATE DATABASE … TEMPLATE needs.
    await admin.query(`alter database ${name} with allow_connections false`);
    await admin.end();
    console.log(`[tests] template database ${name} ready in ${Date.now() - started} ms`);
    return {
      dump: null,
      database: name,
      async dispose() {
        const c = new pg.Client({ connectionString: adminUrl(url) });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        // Databases a crashed test file left behind carry the template's name as prefix.
        const { rows } = await c.query<{ datname: string }>(
          'select datname from pg_database where starts_with(datname, $1)',
          [`${name}_`],
        );
        for (const r of rows) await c.query(`drop database if exists ${r.datname} with (force)`);
        await c.end();
      },
    };
  }

  const database = await openDatabase({ dataDir: 'memory://' });
  let dumpPath: string;
  try {
    await prepare(database);
    // A checkpoint first: a data dir dumped with the seed's WAL past its last checkpoint is
    // recovered (the WAL replayed) by every copy that loads it — measured, 3.0–3.9 CPU-s a copy
    // without it, 1.4–1.8 with it, for every integration file and browser spec.
    await database.pglite!.exec('checkpoint');
    const dump = await database.pglite!.dumpDataDir('none');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-int-'));
    dumpPath = path.join(dir, 'template.tar');
    fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
  console.log(`[tests] PGlite template ready in ${Date.now() - started} ms`);
  return {
    dump: dumpPath,
    database: null,
    async dispose() {
      fs.rmSync(path.dirname(dumpPath), { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject) {
  const shared = process.env[SHARED_TEMPLATE];
  // Built and disposed of by the process that started this one.
  const template: Pick<Template, 'dump' | 'database'> & Partial<Template> = shared
    ? (JSON.parse(shared) as Pick<Template, 'dump' | 'database'>)
    : await buildTemplate();
  project.provide('daftarTemplateDump', template.dump);
  project.provide('daftarTemplateDatabase', template.database);
  return template.dispose;
}
