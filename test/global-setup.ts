/**
 * Builds the database every integration test file clones, once per run:
 * - PGlite: a `memory://` cluster, migrated and seeded with the demo data, dumped to a tarball that
 *   each test server loads (`openDatabase({ loadDataDir })`);
 * - PostgreSQL (DATABASE_URL set): a template database on that server, migrated and seeded, that
 *   each test server copies with `CREATE DATABASE … TEMPLATE …`; dropped again in teardown.
 * The pg-boss schema is installed in the template too, so test servers start their job queue
 * without creating it. The demo data is dated around TEST_NOW (support/test-clock.ts), the instant
 * every test server's clock starts at.
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

export default async function setup(project: TestProject) {
  const started = Date.now();
  const url = process.env.DATABASE_URL;
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
    project.provide('daftarTemplateDatabase', name);
    project.provide('daftarTemplateDump', null);
    console.log(`[int] template database ${name} ready in ${Date.now() - started} ms`);
    return async () => {
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
    };
  }

  const database = await openDatabase({ dataDir: 'memory://' });
  let dumpPath: string;
  try {
    await prepare(database);
    const dump = await database.pglite!.dumpDataDir('none');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-int-'));
    dumpPath = path.join(dir, 'template.tar');
    fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
  project.provide('daftarTemplateDump', dumpPath);
  project.provide('daftarTemplateDatabase', null);
  console.log(`[int] PGlite template ready in ${Date.now() - started} ms`);
  return () => fs.rmSync(path.dirname(dumpPath), { recursive: true, force: true });
}
