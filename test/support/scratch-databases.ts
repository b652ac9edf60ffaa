/**
 * Empty databases for tests that load data themselves (the seeding path, the generator): an
 * in-memory PGlite always, and scratch databases on the PostgreSQL server too when DATABASE_URL is
 * set. Each is opened with the migrations run; `cleanup()` closes them all and drops the scratch
 * databases.
 */
import pg from 'pg';
import { openDatabase, type Database } from '#server/db/client';
import { runMigrations } from '#server/db/migrate';
import { databaseUrlFor } from './databases';

export interface ScratchBackend {
  name: 'PGlite' | 'PostgreSQL';
  /** A new database with the schema and nothing in it. */
  open(): Promise<Database>;
  /** The databases opened so far, in order. */
  readonly opened: Database[];
  /** Closes every database opened, and drops the scratch databases on PostgreSQL. */
  cleanup(): Promise<void>;
}

function backend(
  name: ScratchBackend['name'],
  create: () => Promise<Database>,
  drop: () => Promise<void> = async () => {},
): ScratchBackend {
  const opened: Database[] = [];
  return {
    name,
    opened,
    async open() {
      const database = await create();
      opened.push(database);
      await runMigrations(database);
      return database;
    },
    async cleanup() {
      for (const database of opened) await database.close();
      await drop();
    },
  };
}

/** The backends to run a test on; the PostgreSQL scratch databases are named `<prefix>_<pid>_<n>`. */
export function scratchBackends(prefix: string): ScratchBackend[] {
  const pglite = backend('PGlite', () => openDatabase({ dataDir: 'memory://' }));
  const url = process.env.DATABASE_URL;
  if (!url) return [pglite];
  const created: string[] = [];
  const admin = async (statements: string[]) => {
    const client = new pg.Client({ connectionString: databaseUrlFor(url, 'postgres') });
    await client.connect();
    try {
      for (const s of statements) await client.query(s);
    } finally {
      await client.end();
    }
  };
  const postgres = backend(
    'PostgreSQL',
    async () => {
      const name = `${prefix}_${process.pid}_${created.length}`;
      await admin([`drop database if exists ${name}`, `create database ${name}`]);
      created.push(name);
      return openDatabase({ databaseUrl: databaseUrlFor(url, name), poolSize: 2 });
    },
    () => admin(created.map((name) => `drop database if exists ${name} with (force)`)),
  );
  return [pglite, postgres];
}
