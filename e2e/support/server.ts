/**
 * A real Daftar for the browser tests: a fresh database (embedded, or a scratch database on the
 * PostgreSQL server when DATABASE_URL is set), migrated and loaded with the demo data, served on
 * a free port with the built web UI.
 */
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '#server/db/client';
import { clockStartingAt } from '#server/platform/clock/clock';
import { loadConfig } from '#server/platform/config';
import { startServer, type RunningServer } from '#server/server';

export interface E2eServer extends RunningServer {
  /** The latest one-time code sent to a mobile (read from the outbox, as an admin would). */
  latestCode(mobile: string): Promise<string>;
  /** The latest one-time code of another purpose, by its SMS template (`otp.mobile-confirm`, `otp.consent`). */
  latestCodeOf(mobile: string, template: `otp.${string}`): Promise<string>;
  /** Whether the server runs on a chosen day (`now` given): browsers then take the server's clock (support/people.ts). */
  chosenDay: boolean;
}

export interface E2eServerOptions {
  /** "Today is …": the server's clock starts at this instant and runs on; the demo data is dated around it. */
  now?: Date;
}

async function scratchDatabase(url: string): Promise<{ database: Database; drop(): Promise<void> }> {
  const name = `daftar_e2e_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString() });
  return {
    database,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function startE2eServer(options: E2eServerOptions = {}): Promise<E2eServer> {
  const url = process.env.DATABASE_URL;
  const scratch = url ? await scratchDatabase(url) : null;
  const database = scratch?.database ?? await openDatabase({ dataDir: 'memory://' });
  const config = loadConfig({
    ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', DAFTAR_NOTIFIER_CONSOLE: '0',
    DAFTAR_WEB_DIST: process.env.DAFTAR_WEB_DIST ?? path.resolve('dist/web'),
  });
  const server = await startServer(config, { database, clock: options.now ? clockStartingAt(options.now) : undefined });
  // Every one-time code SMS ends with the code in Latin digits in brackets: «… (123456)».
  const latestCodeOf = async (mobile: string, template: `otp.${string}`) => {
    const { rows } = await database.pool.query<{ body: string }>(
      'select body from notifier_outbox where recipient = $1 and template = $2 order by id desc limit 1', [mobile, template]);
    const code = /\((\d{6})\)/.exec(rows[0]?.body ?? '')?.[1];
    if (!code) throw new Error(`no ${template} code was sent to ${mobile}`);
    return code;
  };
  return {
    ...server,
    url: server.url.replace('localhost', '127.0.0.1'),
    async stop() {
      await server.stop();
      if (scratch) await scratch.drop();
      else await database.close();
    },
    latestCode: (mobile) => latestCodeOf(mobile, 'otp.sign-in'),
    latestCodeOf,
    chosenDay: options.now != null,
  };
}
