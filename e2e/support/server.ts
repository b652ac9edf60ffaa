/**
 * A real Daftar for the browser tests: a fresh copy of the seeded template database that
 * test/global-setup.ts builds once per run (an in-memory PGlite loaded from its dump, or
 * `CREATE DATABASE … TEMPLATE …` on the PostgreSQL server when DATABASE_URL is set), served on a
 * free port with the built web UI.
 */
import path from 'node:path';
import type { Clock } from '#server/platform/clock/clock';
import { loadConfig } from '#server/platform/config';
import { startServer, type RunningServer, type StartOptions } from '#server/server';
import { cloneTemplate } from '../../test/support/databases';

export interface E2eServer extends RunningServer {
  /** The latest one-time code sent to a mobile (read from the outbox, as an admin would). */
  latestCode(mobile: string): Promise<string>;
  /** The latest one-time code of another purpose, by its SMS template (`otp.mobile-confirm`, `otp.consent`). */
  latestCodeOf(mobile: string, template: `otp.${string}`): Promise<string>;
}

/** What a spec may choose about its server; everything else is the demo's. */
export interface E2eServerOptions {
  /** Extra configuration variables. */
  env?: Record<string, string>;
  /** Passed on to startServer (transport, jobs …). */
  start?: Omit<StartOptions, 'database' | 'listen'>;
  /** Where the server's "now" comes from (default: the machine's), for screens on a chosen day. */
  clock?: Clock;
}

export async function startE2eServer(options: E2eServerOptions = {}): Promise<E2eServer> {
  const clone = await cloneTemplate();
  const { database } = clone;
  const config = loadConfig({
    ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', DAFTAR_NOTIFIER_CONSOLE: '0',
    DAFTAR_WEB_DIST: process.env.DAFTAR_WEB_DIST ?? path.resolve('dist/web'),
    ...options.env,
  });
  let server: RunningServer;
  try {
    server = await startServer(config, { ...options.start, ...(options.clock ? { clock: options.clock } : {}), database });
  } catch (error) {
    await clone.drop();
    throw error;
  }
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
      try {
        await server.stop();
      } finally {
        await clone.drop();
      }
    },
    latestCode: (mobile) => latestCodeOf(mobile, 'otp.sign-in'),
    latestCodeOf,
  };
}
