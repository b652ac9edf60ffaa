/**
 * `daftar backup` and `daftar restore` round-trip a seeded database on both kinds (issue #14):
 * the main tables' row counts come back, the audit chain verifies, and a database that is not
 * empty is replaced only with --force.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, backupKind, restoreDatabase } from '../../src/cli/commands/backup';
import { CliError } from '../../src/cli/commands/common';
import { openDatabase, type Database } from '#server/db/client';
import { runMigrations } from '#server/db/migrate';
import { recordAudit, verifyAuditChain } from '#server/platform/audit/audit-log';
import { seedReferenceData } from '#server/seed/reference';
import { cloneTemplate, databaseUrlFor, type ClonedDatabase } from '../support/databases';
import { describePostgres, postgresUrl } from '../support/postgres';
import type { AuditAction, AuditEntityType } from '#server/platform/audit/actions';

/** An event of the chain's own tests: a code no product path writes, so it has no label. */
const TEST_EVENT = (action: string) => ({ action: action as AuditAction, entityType: 'test' as AuditEntityType });

const MAIN_TABLES = [
  'provinces',
  'offices',
  'users',
  'role_grants',
  'filings',
  'payments',
  'notices',
  'service_records',
  'audit_events',
  'audit_chain_head',
  'notifier_outbox',
];

async function counts(database: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of MAIN_TABLES) {
    const { rows } = await database.pool.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    out[table] = rows[0].n;
  }
  return out;
}

let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-backup-'));
});
afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('PGlite: the data folder as a tarball', () => {
  let source: string;
  let expected: Record<string, number>;

  beforeAll(async () => {
    source = path.join(work, 'source');
    // The seeded template when this run is on PGlite; a smaller seeded database when it is on PostgreSQL.
    const template = postgresUrl() ? null : await cloneTemplate();
    const db = template
      ? await openDatabase({ dataDir: source, loadDataDir: await template.database.pglite!.dumpDataDir('none') })
      : await openDatabase({ dataDir: source });
    await template?.drop();
    try {
      if (!template) {
        await runMigrations(db);
        await db.db.transaction((tx) => seedReferenceData(tx));
        for (let i = 0; i < 5; i++)
          await db.db.transaction((tx) => recordAudit(tx, null, { ...TEST_EVENT('test.backup'), entityId: i }));
      }
      expected = await counts(db);
      expect(expected.audit_events).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  });

  it('backs up, restores into an empty folder with the same rows, and the audit chain verifies', async () => {
    const file = path.join(work, 'pglite.tgz');
    const bytes = await backupDatabase({ kind: 'pglite', dataDir: source }, file);
    expect(bytes).toBeGreaterThan(1000);
    expect(backupKind(file)).toBe('pglite');
    const target = path.join(work, 'restored');
    expect(await restoreDatabase({ kind: 'pglite', dataDir: target }, file)).toEqual({ replaced: undefined });
    const restored = await openDatabase({ dataDir: target });
    try {
      expect(await counts(restored)).toEqual(expected);
      expect(await verifyAuditChain(restored.db)).toEqual({ ok: true, checked: expected.audit_events });
    } finally {
      await restored.close();
    }
  });

  it('refuses to restore over a database with tables unless --force, then keeps the old folder aside', async () => {
    const file = path.join(work, 'pglite.tgz');
    const target = path.join(work, 'restored');
    const changed = await openDatabase({ dataDir: target });
    await changed.pool.query("update provinces set name_en = 'changed' where id = 1");
    await changed.close();
    await expect(restoreDatabase({ kind: 'pglite', dataDir: target }, file)).rejects.toThrow(/--force/);
    const { replaced } = await restoreDatabase({ kind: 'pglite', dataDir: target }, file, { force: true });
    expect(replaced && fs.existsSync(replaced)).toBe(true);
    const restored = await openDatabase({ dataDir: target });
    try {
      expect(await counts(restored)).toEqual(expected);
      const { rows } = await restored.pool.query('select name_en from provinces where id = 1');
      expect(rows[0].name_en).not.toBe('changed');
    } finally {
      await restored.close();
    }
  });

  it('on the command line, the restored database verifies against a checkpoint made there; a forged one exits 1', async () => {
    const env = {
      ...process.env,
      DATABASE_URL: '',
      DAFTAR_OWNER_DATABASE_URL: '',
      DAFTAR_DATA_DIR: path.join(work, 'restored'),
      DAFTAR_AUDIT_DIR: path.join(work, 'audit'),
    };
    const daftar = (...args: string[]) =>
      spawnSync(path.resolve('node_modules/.bin/tsx'), ['src/cli/daftar.ts', ...args], { env, encoding: 'utf8' });
    const made = daftar('audit', 'checkpoint');
    expect(made.status, made.stderr).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ v: 1, seq: expected.audit_events });
    const file = path.join(work, 'audit', 'checkpoints.jsonl');
    const verified = daftar('audit', 'verify', '--checkpoint', file);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('all 1 checkpoint(s) hold');
    const forged = path.join(work, 'forged.jsonl');
    fs.writeFileSync(
      forged,
      fs.readFileSync(file, 'utf8').replace(/"hash":"(.)/, (_, c) => `"hash":"${c === 'a' ? 'b' : 'a'}`),
    );
    const refused = daftar('audit', 'verify', '--checkpoint', forged);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('bad_signature');
    // Three processes, each loading the command line's code and opening the restored folder.
  }, 240_000);

  it('a PGlite backup is not restored into PostgreSQL, nor a file that is no backup', async () => {
    const file = path.join(work, 'pglite.tgz');
    await expect(
      restoreDatabase({ kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' }, file),
    ).rejects.toThrow(/PGlite backup/);
    const junk = path.join(work, 'junk.bin');
    fs.writeFileSync(junk, 'not a backup');
    await expect(restoreDatabase({ kind: 'pglite', dataDir: path.join(work, 'x') }, junk)).rejects.toBeInstanceOf(
      CliError,
    );
  });
});

describePostgres('PostgreSQL: pg_dump and pg_restore', () => {
  let clone: ClonedDatabase;
  let expected: Record<string, number>;
  const restoredName = `daftar_restore_${process.pid}_${Date.now().toString(36)}`;
  let restoredUrl: string;

  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: postgresUrl()! });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    clone = await cloneTemplate({ poolSize: 2 });
    expected = await counts(clone.database);
    await admin(`create database ${restoredName}`);
    restoredUrl = databaseUrlFor(postgresUrl()!, restoredName);
  });
  afterAll(async () => {
    await clone?.drop();
    await admin(`drop database if exists ${restoredName} with (force)`);
  });

  it('backs up a seeded database, restores it into an empty one with the same rows, and the audit chain verifies', async () => {
    const file = path.join(work, 'postgres.dump');
    await backupDatabase({ kind: 'postgres', url: clone.url! }, file);
    expect(backupKind(file)).toBe('postgres');
    await restoreDatabase({ kind: 'postgres', url: restoredUrl }, file);
    const restored = await openDatabase({ databaseUrl: restoredUrl, poolSize: 1 });
    try {
      expect(await counts(restored)).toEqual(expected);
      expect(await verifyAuditChain(restored.db)).toEqual({ ok: true, checked: expected.audit_events });
      // The append-only triggers came back with the tables.
      await expect(restored.pool.query('delete from audit_events')).rejects.toThrow(/append-only/);
    } finally {
      await restored.close();
    }
  });

  it('refuses to restore over a database with tables unless --force', async () => {
    const file = path.join(work, 'postgres.dump');
    const changed = await openDatabase({ databaseUrl: restoredUrl, poolSize: 1 });
    await changed.pool.query("update provinces set name_en = 'changed' where id = 1");
    await changed.close();
    await expect(restoreDatabase({ kind: 'postgres', url: restoredUrl }, file)).rejects.toThrow(/--force/);
    await restoreDatabase({ kind: 'postgres', url: restoredUrl }, file, { force: true });
    const restored = await openDatabase({ databaseUrl: restoredUrl, poolSize: 1 });
    try {
      expect(await counts(restored)).toEqual(expected);
      const { rows } = await restored.pool.query('select name_en from provinces where id = 1');
      expect(rows[0].name_en).not.toBe('changed');
      expect(await verifyAuditChain(restored.db)).toEqual({ ok: true, checked: expected.audit_events });
    } finally {
      await restored.close();
    }
  });
});
