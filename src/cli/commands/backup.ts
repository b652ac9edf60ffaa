/**
 * `daftar backup FILE` and `daftar restore FILE [--force]`, for both databases:
 * - PostgreSQL: `pg_dump --format=custom` (restorable with `pg_restore` by hand too), restored with
 *   `pg_restore` in one transaction, owners and grants left out (re-grant the runtime role after);
 * - PGlite: the data folder as a gzipped tarball (PGlite's `dumpDataDir`), restored into the data
 *   folder (a replaced folder is kept beside it, renamed).
 * Restore refuses a database that already holds tables unless `--force`. The files folder and the
 * audit folder (signing key, checkpoints) are not in the backup: copy them alongside.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openDatabase, type Database } from '#server/db/client';
import { systemClock } from '#server/platform/clock/clock';
import { loadConfig } from '#server/platform/config';
import { auditVerify } from './audit';
import { CliError, formatBytes } from './common';

/** Where a backup comes from or goes to: a PostgreSQL database by its URL, or a PGlite data folder. */
export type BackupTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

/** What a backup file holds, from its first bytes. */
export function backupKind(file: string): 'postgres' | 'pglite' | null {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(512);
    const n = fs.readSync(fd, head, 0, 512, 0);
    if (n >= 5 && head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
    if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
    if (n >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'pglite';
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

function run(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error) =>
      reject(
        new CliError(
          `اجرای ${program} ممکن نشد.`,
          `Cannot run ${program} (${error.message}); install the PostgreSQL client of the server's version or set DAFTAR_PG_BIN.`,
        ),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new CliError(
            `${program} با خطا پایان یافت.`,
            `${program} failed (exit code ${code}).`,
            stderr.trim().split('\n'),
          ),
        );
    });
  });
}

/** pg_dump / pg_restore from DAFTAR_PG_BIN (a folder), else from PATH. */
function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const dir = process.env.DAFTAR_PG_BIN;
  return dir ? path.join(dir, name) : name;
}

/** Whether a database holds any of Daftar's tables (or any table at all in its schemas). */
async function holdsTables(database: Database): Promise<boolean> {
  const { rows } = await database.pool.query<{ n: number }>(
    "select count(*)::int as n from pg_tables where schemaname in ('public', 'drizzle', 'pgboss')",
  );
  return rows[0].n > 0;
}

/** Writes a backup of the target to `file`; returns its size. PGlite's folder must not be open elsewhere. */
export async function backupDatabase(target: BackupTarget, file: string): Promise<number> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (target.kind === 'postgres') {
    await run(pgTool('pg_dump'), ['--format=custom', '--compress=6', `--file=${file}`, `--dbname=${target.url}`]);
  } else {
    const database = await openDatabase({ dataDir: target.dataDir, poolSize: 1 });
    try {
      const dump = await database.pglite!.dumpDataDir('gzip');
      // Written beside the target and renamed: a failed backup never leaves a cut-off file under the name.
      const partial = `${file}.partial`;
      fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
      fs.renameSync(partial, file);
    } finally {
      await database.close();
    }
  }
  return fs.statSync(file).size;
}

function refuseNonEmpty(where: string): never {
  throw new CliError(
    `پایگاه داده (${where}) خالی نیست؛ برای جایگزینی آن با پشتیبان --force را بیفزایید.`,
    `The database (${where}) is not empty; add --force to replace it with the backup.`,
  );
}

/**
 * Restores `file` into the target. A target that already holds tables is refused unless `force`:
 * then PostgreSQL's schemas `public`, `drizzle` and `pgboss` are renamed aside, put back when the
 * restore fails and dropped when it succeeds; a PGlite folder is moved aside to
 * `<folder>.replaced-<time>` and kept.
 */
export async function restoreDatabase(
  target: BackupTarget,
  file: string,
  options: { force?: boolean } = {},
): Promise<{ replaced?: string }> {
  if (!fs.existsSync(file)) throw new CliError(`پروندهٔ پشتیبان یافت نشد: ${file}`, `No backup file at ${file}.`);
  const kind = backupKind(file);
  if (kind !== target.kind)
    throw new CliError(
      'این پرونده پشتیبان همین نوع پایگاه داده نیست.',
      kind
        ? `${file} is a ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} backup; the configured database is ${target.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}.`
        : `${file} is not a backup made by daftar backup.`,
    );
  if (target.kind === 'postgres') {
    const database = await openDatabase({ databaseUrl: target.url, poolSize: 1 });
    try {
      // The schemas being replaced are renamed aside, not dropped, until the restore has succeeded.
      const suffix = `_replaced_${systemClock.now().getTime().toString(36)}`;
      let aside: string[] = [];
      if (await holdsTables(database)) {
        if (!options.force) refuseNonEmpty('PostgreSQL');
        const { rows } = await database.pool.query<{ name: string }>(
          "select nspname as name from pg_namespace where nspname in ('public', 'drizzle', 'pgboss')",
        );
        aside = rows.map((r) => r.name);
        await database.pool.query(
          `begin; ${aside.map((n) => `alter schema ${n} rename to ${n}${suffix};`).join(' ')} create schema public; commit`,
        );
      }
      try {
        await run(pgTool('pg_restore'), [
          '--no-owner',
          '--no-acl',
          '--exit-on-error',
          '--single-transaction',
          `--dbname=${target.url}`,
          file,
        ]);
      } catch (error) {
        if (aside.length)
          await database.pool.query(
            `begin; drop schema public cascade; ${aside.map((n) => `alter schema ${n}${suffix} rename to ${n};`).join(' ')} commit`,
          );
        throw error;
      }
      if (aside.length)
        await database.pool.query(`${aside.map((n) => `drop schema ${n}${suffix} cascade;`).join(' ')}`);
    } finally {
      await database.close();
    }
    return {};
  }
  const dir = target.dataDir;
  let replaced: string | undefined;
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    const existing = await openDatabase({ dataDir: dir, poolSize: 1 });
    const full = await holdsTables(existing).finally(() => existing.close());
    if (full && !options.force) refuseNonEmpty(`PGlite in ${dir}`);
    replaced = `${dir}.replaced-${systemClock.now().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(dir, replaced);
  }
  const restored = await openDatabase({ dataDir: dir, loadDataDir: new Blob([fs.readFileSync(file)]), poolSize: 1 });
  await restored.close();
  return { replaced };
}

/** The target the configuration names: the owner's URL when there is one (it can read everything). */
function configuredTarget(): BackupTarget {
  const config = loadConfig();
  const url = config.ownerDatabaseUrl ?? config.databaseUrl;
  return url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: config.dataDir };
}

const describe = (t: BackupTarget) =>
  t.kind === 'postgres' ? `PostgreSQL (${t.url.replace(/\/\/[^@]*@/, '//***@')})` : `PGlite in ${t.dataDir}`;

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .argument('<file>', 'where to write the backup')
    .description(
      'back up the database (PostgreSQL: pg_dump custom format; PGlite: its data folder; stop a PGlite server first) / پشتیبان‌گیری',
    )
    .action(async (file: string) => {
      const target = configuredTarget();
      console.log(`Database: ${describe(target)}`);
      const bytes = await backupDatabase(target, file);
      console.log(`Backup written to ${file} (${formatBytes(bytes)}). / پشتیبان نوشته شد.`);
      console.log('Copy the files folder (DAFTAR_FILES_DIR) and the audit folder (DAFTAR_AUDIT_DIR) with it.');
    });
  program
    .command('restore')
    .argument('<file>', 'a backup written by daftar backup')
    .option('--force', 'replace a database that is not empty')
    .description('restore a backup into the configured database (the server stopped) / بازگردانی پشتیبان')
    .action(async (file: string, options: { force?: boolean }) => {
      const target = configuredTarget();
      console.log(`Database: ${describe(target)}`);
      const { replaced } = await restoreDatabase(target, file, options);
      if (replaced) console.log(`The previous data folder was kept as ${replaced}.`);
      console.log(`Restored ${file}. / پشتیبان بازگردانده شد.`);
      const database =
        target.kind === 'postgres'
          ? await openDatabase({ databaseUrl: target.url, poolSize: 1 })
          : await openDatabase({ dataDir: target.dataDir, poolSize: 1 });
      try {
        const { ok, message } = await auditVerify(database);
        (ok ? console.log : console.error)(message);
        if (!ok) process.exitCode = 1;
      } finally {
        await database.close();
      }
      if (target.kind === 'postgres')
        console.log(
          'Grants were not restored: run `daftar db grant-runtime ROLE` (or start with DAFTAR_OWNER_DATABASE_URL).',
        );
    });
}
