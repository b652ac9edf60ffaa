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
import { fileURLToPath } from 'node:url';
import type { Database } from './client';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../db/migrations');
const MIGRATION_LOCK = 7_240_001;

interface Journal { entries: { idx: number; when: number; tag: string }[] }

export interface Migration { tag: string; when: number; hash: string; statements: string[] }

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as Journal;
  return journal.entries.sort((a, b) => a.idx - b.idx).map((entry) => {
    const text = fs.readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8');
    return {
      tag: entry.tag, when: entry.when, hash: createHash('sha256').update(text).digest('hex'),
      statements: text.split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean),
    };
  });
}

/** Applies pending migrations; returns the tags applied. */
export async function runMigrations(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = readMigrations(dir);
  const client = await database.pool.connect();
  const applied: string[] = [];
  try {
    if (database.kind === 'postgres') await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('create schema if not exists drizzle');
    await client.query('create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)');
    const { rows } = await client.query<{ created_at: number }>('select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1');
    const last = rows.length ? Number(rows[0].created_at) : 0;
    for (const migration of migrations.filter((m) => m.when > last)) {
      await client.query('begin');
      try {
        for (const statement of migration.statements) await client.query(statement);
        await client.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [migration.hash, migration.when]);
        await client.query('commit');
        applied.push(migration.tag);
      } catch (error) {
        await client.query('rollback');
        throw new Error(`migration ${migration.tag} failed: ${(error as Error).message}`);
      }
    }
  } finally {
    if (database.kind === 'postgres') await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
  return applied;
}
