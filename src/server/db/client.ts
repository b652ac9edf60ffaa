/**
 * One code path for both databases: a node-postgres Pool, either to a PostgreSQL server or to the
 * embedded PGlite through its node-postgres adapter (which serializes clients on its single
 * connection, so transactions never interleave).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig, PglitePgConnection } from '@electric-sql/pglite/node-postgres';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';

// bigint (int8) and numeric come back as JS numbers: our ids and Rial sums stay below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// `date` columns stay as 'YYYY-MM-DD' strings: a calendar day has no time zone.
pg.types.setTypeParser(1082, (v) => v);

// drizzle hands node-postgres a `types` object (its own type parsers) that pg forwards to the
// protocol's Parse message; real pg ignores a non-array there, PGlite's adapter calls `forEach` on
// it and the connection is left waiting forever. Parameter types are optional in Parse, so drop it.
const parse = PglitePgConnection.prototype.parse;
PglitePgConnection.prototype.parse = function parseWithoutTypeParsers(
  this: PglitePgConnection,
  query: { types?: unknown },
) {
  return parse.call(this, Array.isArray(query.types) ? query : { ...query, types: undefined });
};

/**
 * PGlite's buffer pool. Its WebAssembly build zeroes the whole pool byte by byte on every open
 * (PostgreSQL's default 128MB took about half of a restart's database time); the demo database is
 * ~30MB, and PGlite serves one process, so a smaller pool costs little and opens much faster.
 */
const PGLITE_SHARED_BUFFERS = '32MB';

/**
 * WAL segments a checkpoint no longer needs are removed rather than renamed for reuse: PGlite's
 * files live in memory (a test's copy of the template carries every file of the data dir), and the
 * demo seed's recycled segments were 150 of the template's 237MB, copied into every test database.
 */
const PGLITE_SETTINGS = ['-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`, '-c', 'wal_recycle=off'];

/**
 * Queries name their tables (each area's tables.ts), so the client needs no schema: the database
 * layer imports no area. `db/schema.ts` gathers every table for drizzle-kit.
 */
export type Db = NodePgDatabase;

export interface Database {
  kind: 'pglite' | 'postgres';
  pool: pg.Pool;
  db: Db;
  /** The embedded instance, when there is one (COPY and data-dir dumps use it directly). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data folder, or `memory://` */
  dataDir?: string;
  /** Start PGlite from a tarball made by `dumpDataDir` (used by tests to clone a seeded template). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('error', () => {
      /* a dropped idle client is replaced on next checkout */
    });
    await pool.query('select 1');
    return { kind: 'postgres', pool, db: drizzle(pool), close: () => pool.end() };
  }
  if (options.dataDir) ensureDataDirParent(options.dataDir);
  const pglite = new PGlite(options.dataDir ?? 'memory://', {
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS],
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  await pglite.waitReady;
  const pool = new pg.Pool(createPgConfig(pglite));
  return {
    kind: 'pglite',
    pool,
    pglite,
    db: drizzle(pool),
    close: async () => {
      await pool.end();
      await pglite.close();
    },
  };
}

/**
 * PGlite creates its data folder but not the folders above it, so `./data/pglite` in a fresh clone
 * (no `./data`) would fail with ENOENT. A path with a scheme (`memory://`, `idb://`) is not a folder.
 */
function ensureDataDirParent(dataDir: string): void {
  const folder = dataDir.startsWith('file://') ? dataDir.slice('file://'.length) : dataDir;
  if (folder.includes('://')) return;
  fs.mkdirSync(path.dirname(path.resolve(folder)), { recursive: true });
}
