/**
 * Connection strings for the PostgreSQL server the tests run against, and fresh copies of the
 * seeded template database that test/global-setup.ts builds once per run (integration and browser
 * tests alike).
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject as provided } from 'vitest';
import { openDatabase, type Database } from '#server/db/client';

/** The same server, another database. */
export function databaseUrlFor(url: string, database: string): string {
  const target = new URL(url);
  target.pathname = `/${database}`;
  return target.toString();
}

/**
 * Where to run CREATE/DROP DATABASE: the database named in DATABASE_URL itself (CI's `test`),
 * which the tests never write to otherwise.
 */
export function adminUrl(url: string): string {
  return url;
}

export interface ClonedDatabase {
  database: Database;
  /** The copy's connection string on PostgreSQL (undefined on PGlite). */
  url?: string;
  drop(): Promise<void>;
}

/**
 * A fresh copy of the seeded template: `CREATE DATABASE … TEMPLATE …` on the PostgreSQL server when
 * DATABASE_URL is set, else an in-memory PGlite loaded from the template's data-dir dump.
 */
export async function cloneTemplate(options: { poolSize?: number } = {}): Promise<ClonedDatabase> {
  const url = process.env.DATABASE_URL;
  const template = provided('daftarTemplateDatabase');
  if (url && template) {
    const name = `${template}_c${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${template}`);
    } finally {
      await admin.end();
    }
    const database = await openDatabase({ databaseUrl: databaseUrlFor(url, name), poolSize: options.poolSize });
    return {
      database,
      url: databaseUrlFor(url, name),
      async drop() {
        await database.close();
        const c = new pg.Client({ connectionString: adminUrl(url) });
        await c.connect();
        try {
          await c.query(`drop database if exists ${name} with (force)`);
        } finally {
          await c.end();
        }
      },
    };
  }
  const dump = provided('daftarTemplateDump');
  if (!dump)
    throw new Error('no template database: run the tests through vitest, whose globalSetup is test/global-setup.ts');
  const database = await openDatabase({ dataDir: 'memory://', loadDataDir: templateTarball(dump) });
  return { database, drop: () => database.close() };
}

/**
 * The template's tarball as PGlite reads it (`arrayBuffer()`), from bytes read once per process:
 * a Blob of 100-odd MB was copied and streamed again for every copy, which cost more than starting
 * the database. Each copy gets its own ArrayBuffer, so nothing it does can reach the next one.
 */
let templateBytes: { path: string; bytes: Buffer } | undefined;
function templateTarball(dump: string): Blob {
  if (templateBytes?.path !== dump) templateBytes = { path: dump, bytes: fs.readFileSync(dump) };
  const { bytes } = templateBytes;
  const tarball: Pick<Blob, 'type' | 'size' | 'arrayBuffer'> = {
    type: 'application/x-tar',
    size: bytes.byteLength,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
  return tarball as Blob;
}
