/**
 * Applies the SQL migrations in db/migrations (written by drizzle-kit) in journal order, each in
 * its own transaction on one client, recording them in drizzle's own `__drizzle_migrations` table
 * so drizzle-kit sees the same history. We run them ourselves rather than through drizzle's
 * migrator so that one code path holds the advisory lock on PostgreSQL and works on PGlite's
 * single connection.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectPath } from '#server/platform/paths';
import type { Database } from './client';

export const MIGRATIONS_DIR = projectPath('db/migrations');
const MIGRATION_LOCK = 7_240_001;

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

export interface Migration {
  tag: string;
  when: number;
  hash: string;
  statements: string[];
}

/** The journal's entries in order, without reading the SQL files. */
function readJournal(dir: string): Journal['entries'] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as Journal;
  return journal.entries.sort((a, b) => a.idx - b.idx);
}

function readMigration(dir: string, entry: Journal['entries'][number]): Migration {
  const text = fs.readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8');
  return {
    tag: entry.tag,
    when: entry.when,
    hash: createHash('sha256').update(text).digest('hex'),
    statements: text
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readJournal(dir).map((entry) => readMigration(dir, entry));
}

/**
 * Applies pending migrations; returns the tags applied. A database that is up to date costs two
 * small queries: the SQL files are read, and drizzle's table created, only when something is pending.
 */
export async function runMigrations(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const journal = readJournal(dir);
  const client = await database.pool.connect();
  const applied: string[] = [];
  try {
    if (database.kind === 'postgres') await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    // Table names are resolved before a statement runs, so the table's existence is a query of its own.
    const {
      rows: [table],
    } = await client.query<{ exists: boolean }>(
      "select to_regclass('drizzle.__drizzle_migrations') is not null as exists",
    );
    const {
      rows: [latest],
    } = table.exists
      ? await client.query<{ last: number | null }>('select max(created_at) as last from drizzle.__drizzle_migrations')
      : { rows: [{ last: null }] };
    const last = latest.last == null ? 0 : Number(latest.last);
    const pending = journal.filter((entry) => entry.when > last);
    if (pending.length) {
      await client.query('create schema if not exists drizzle');
      await client.query(
        'create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)',
      );
    }
    for (const migration of pending.map((entry) => readMigration(dir, entry))) {
      await client.query('begin');
      try {
        for (const statement of migration.statements) await client.query(statement);
        await client.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [
          migration.hash,
          migration.when,
        ]);
        await client.query('commit');
        applied.push(migration.tag);
      } catch (error) {
        await client.query('rollback');
        throw new Error(`migration ${migration.tag} failed: ${(error as Error).message}`);
      }
    }
  } finally {
    if (database.kind === 'postgres')
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
  return applied;
}
