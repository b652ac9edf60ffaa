/**
 * A real Daftar for the browser tests: a fresh copy of the seeded template database that
 * test/global-setup.ts builds once per run (an in-memory PGlite loaded from its dump, or
 * `CREATE DATABASE … TEMPLATE …` on the PostgreSQL server when DATABASE_URL is set), served on a
 * free port with the built web UI. The template is seeded at TEST_NOW (test/support/test-clock.ts),
 * so the server's clock starts there unless the spec says what day it is; browsers take the
 * server's clock (support/people.ts), so a spec never depends on the day it runs.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { clockStartingAt, type Clock } from '#server/platform/clock/clock';
import { loadConfig } from '#server/platform/config';
import { startServer, type RunningServer, type StartOptions } from '#server/server';
import { cloneTemplate } from '../../test/support/databases';
import { TEST_NOW } from '../../test/support/test-clock';

export interface E2eServer extends RunningServer {
  /** The latest one-time code sent to a mobile, read from the outbox table as the SMS transport reads it (the outbox page masks it). */
  latestCode(mobile: string): Promise<string>;
  /** The latest one-time code of another purpose, by its SMS template (`otp.mobile-confirm`, `otp.consent`). */
  latestCodeOf(mobile: string, template: `otp.${string}`): Promise<string>;
  /** Whether the server's clock is the one `now` started (not the spec's own): browsers then take it (support/people.ts). */
  chosenDay: boolean;
  /**
   * With `movable`: moves the server's clock on to `instant` (it runs on at real pace from there);
   * browsers opened afterwards take the new time, and those given here are moved with it.
   */
  moveTo(instant: Date, pages?: Page[]): Promise<void>;
}

/** What a spec may choose about its server; everything else is the demo's. */
export interface E2eServerOptions {
  /** Extra configuration variables. */
  env?: Record<string, string>;
  /** Passed on to startServer (transport, jobs …). */
  start?: Omit<StartOptions, 'database' | 'listen'>;
  /**
   * "Today is …": the server's clock starts at this instant and runs on at real speed (default
   * TEST_NOW, the day the template's demo data is dated around); every browser follows it.
   */
  now?: Date;
  /** A clock the spec drives itself (e.g. jumping between chosen days); browsers keep the machine's time. */
  clock?: Clock;
  /**
   * A story that spans days: the clock starts at `now` and `server.moveTo` moves it on (a session
   * in the afternoon, a hearing next week, the day after a twenty-day window); browsers follow it.
   */
  movable?: boolean;
}

export async function startE2eServer(options: E2eServerOptions = {}): Promise<E2eServer> {
  const clone = await cloneTemplate();
  const { database } = clone;
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    DAFTAR_NOTIFIER_CONSOLE: '0',
    DAFTAR_WEB_DIST: process.env.DAFTAR_WEB_DIST ?? path.resolve('dist/web'),
    // Every browser signs in from 127.0.0.1; the per-address limit has its own tests.
    DAFTAR_SIGN_IN_RATE_PER_MINUTE: '100000',
    ...options.env,
  });
  const started = clockStartingAt(options.now ?? TEST_NOW);
  let movedMs = 0;
  const clock: Clock = options.movable ? { now: () => new Date(started.now().getTime() + movedMs) } : started;
  let server: RunningServer;
  try {
    server = await startServer(config, {
      ...options.start,
      clock: options.clock ?? clock,
      database,
    });
  } catch (error) {
    await clone.drop();
    throw error;
  }
  // Every one-time code SMS ends with the code in Latin digits in brackets: «… (123456)».
  const latestCodeOf = async (mobile: string, template: `otp.${string}`) => {
    const { rows } = await database.pool.query<{ body: string }>(
      'select body from notifier_outbox where recipient = $1 and template = $2 order by id desc limit 1',
      [mobile, template],
    );
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
    chosenDay: !options.clock,
    async moveTo(instant, pages = []) {
      if (!options.movable || options.clock) throw new Error('moveTo needs startE2eServer({ movable: true })');
      if (instant.getTime() < clock.now().getTime()) throw new Error('the story’s clock only moves on');
      movedMs += instant.getTime() - clock.now().getTime();
      for (const page of pages) await page.clock.setSystemTime(clock.now());
    },
  };
}
