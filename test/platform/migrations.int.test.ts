/**
 * Migrations at start-up: a database that is up to date costs the start two small queries and no
 * SQL file, and on PostgreSQL several processes starting together apply each migration once (the
 * advisory lock in runMigrations).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '#server/db/client';
import { MIGRATIONS_DIR, readMigrations, runMigrations } from '#server/db/migrate';
import { cloneTemplate, databaseUrlFor, adminUrl, type ClonedDatabase } from '../support/databases';
import { describePostgres, postgresUrl } from '../support/postgres';

describe('migrations on an up-to-date database', () => {
  let clone: ClonedDatabase;
  let journalOnly: string;

  beforeAll(async () => {
    clone = await cloneTemplate();
    // The journal without a single SQL file beside it.
    journalOnly = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-journal-'));
    fs.mkdirSync(path.join(journalOnly, 'meta'));
    fs.copyFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), path.join(journalOnly, 'meta/_journal.json'));
  });
  afterAll(async () => {
    await clone?.drop();
    fs.rmSync(journalOnly, { recursive: true, force: true });
  });

  it('apply nothing and read only the journal', async () => {
    await expect(runMigrations(clone.database, journalOnly)).resolves.toEqual([]);
  });

  it('still read the SQL files when a migration is pending', async () => {
    // A journal one entry longer than the database's history, whose file is missing.
    const journal = JSON.parse(fs.readFileSync(path.join(journalOnly, 'meta/_journal.json'), 'utf8')) as {
      entries: { idx: number; when: number; tag: string }[];
    };
    const last = journal.entries[journal.entries.length - 1];
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: '9999_not_there' });
    fs.writeFileSync(path.join(journalOnly, 'meta/_journal.json'), JSON.stringify(journal));
    await expect(runMigrations(clone.database, journalOnly)).rejects.toThrow(/9999_not_there\.sql/);
  });
});

describePostgres('migrations started by several processes at once', () => {
  const name = `daftar_migrate_race_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl(postgresUrl()!) });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const opened: Database[] = [];

  beforeAll(async () => {
    await admin(`drop database if exists ${name} with (force)`);
    await admin(`create database ${name}`);
    for (let i = 0; i < 3; i++)
      opened.push(await openDatabase({ databaseUrl: databaseUrlFor(postgresUrl()!, name), poolSize: 2 }));
  });
  afterAll(async () => {
    for (const database of opened) await database.close();
    await admin(`drop database if exists ${name} with (force)`);
  });

  it('apply each migration exactly once between them', async () => {
    const applied = await Promise.all(opened.map((database) => runMigrations(database)));
    const all = readMigrations().map((m) => m.tag);
    expect(applied.flat().sort()).toEqual([...all].sort());
    const { rows } = await opened[0].pool.query<{ n: number }>(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    expect(rows[0].n).toBe(all.length);
  });
});
