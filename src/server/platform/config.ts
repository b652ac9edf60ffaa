/** Configuration comes from environment variables only (documented in README.md). */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server; when absent Daftar runs on the embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Load the demo dataset into an empty database on start (off by default in production). */
  seedDemo: boolean;
  production: boolean;
  logLevel: string;
  sessionTtlHours: number;
  /** Also print outgoing SMS to the console (on by default outside production). */
  notifierConsole: boolean;
  /** Run pg-boss workers in this process (turn off for API-only processes). */
  runJobs: boolean;
  webDistDir: string;
  /** Trust X-Forwarded-* headers (set when behind a load balancer or TLS proxy). */
  trustProxy: boolean;
  /** Sign-in and code requests one address may make per minute, whatever the account. */
  signInRatePerMinute: number;
  /** Shared secret signing the payment gateway's callbacks (HMAC-SHA256); set it in production. */
  paymentSecret: string;
  version: string;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of 1 or more, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  // A known signing secret would let anyone forge payment callbacks: production must set its own.
  if (production && !env.DAFTAR_PAYMENT_SECRET)
    throw new Error('DAFTAR_PAYMENT_SECRET must be set when NODE_ENV=production');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? 'localhost',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DAFTAR_DATA_DIR ?? 'data/pglite'),
    // The demo's accounts share a published password: a production start never loads them unless asked.
    seedDemo: flag(env.DAFTAR_SEED_DEMO, !production),
    production,
    logLevel: env.LOG_LEVEL ?? (production ? 'info' : 'warn'),
    sessionTtlHours: Number(env.DAFTAR_SESSION_TTL_HOURS ?? 12),
    notifierConsole: flag(env.DAFTAR_NOTIFIER_CONSOLE, !production),
    runJobs: flag(env.DAFTAR_RUN_JOBS, true),
    webDistDir: path.resolve(env.DAFTAR_WEB_DIST ?? 'dist/web'),
    trustProxy: flag(env.DAFTAR_TRUST_PROXY, false),
    paymentSecret: env.DAFTAR_PAYMENT_SECRET || 'daftar-development-payment-secret',
    signInRatePerMinute: positiveInt(env.DAFTAR_SIGN_IN_RATE_PER_MINUTE, 30, 'DAFTAR_SIGN_IN_RATE_PER_MINUTE'),
    version: env.npm_package_version ?? '0.1.0',
  };
}
