/** Configuration comes from environment variables only (documented in README.md). */
import path from 'node:path';
import { type IceConfig, iceConfig } from './ice-servers';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server; when absent Daftar runs on the embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /**
   * The tables' owner on PostgreSQL, for migrations and grants only: when set, the server migrates
   * through it and serves requests as `databaseUrl`'s role, which may only append to the audit log.
   */
  ownerDatabaseUrl: string | undefined;
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
  /** The audit chain's anchor: the Ed25519 signing key and the append-only file of signed checkpoints. */
  audit: {
    /** PEM (PKCS#8) private key; created with mode 0600 at first start when it is the default and missing. */
    signingKeyFile: string;
    /** Whether the key file was named explicitly (then it must exist: it is never created). */
    signingKeyGiven: boolean;
    /** JSON lines, one signed checkpoint each, only ever appended to. */
    checkpointsFile: string;
    /** Who the notifier sends each checkpoint to (the regulator's address), or none. */
    notify: { channel: 'sms' | 'email'; recipient: string } | null;
  };
  /** Where citizens reach the web app, for links sent by SMS (no trailing slash). */
  publicUrl: string;
  /**
   * The Janus SFU for hearings with more participants than a mesh carries (`#core/hearing-media`),
   * or null (every hearing peer to peer): `url` the WebSocket address browsers reach, `apiUrl` its
   * HTTP API as this server reaches it, `adminKey` the videoroom plugin's `admin_key`, if set.
   */
  janus: { url: string; apiUrl: string; adminKey: string | undefined } | null;
  /** The STUN and TURN servers given to the call pages (none by default), with coturn's shared secret. */
  ice: IceConfig;
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

/** `email:audit@regulator.example` or `sms:0912…`: where each signed checkpoint is sent. */
function notifyTarget(value: string | undefined): Config['audit']['notify'] {
  if (!value) return null;
  const match = /^(sms|email):(.+)$/.exec(value.trim());
  if (!match) throw new Error(`DAFTAR_AUDIT_NOTIFY must be "email:ADDRESS" or "sms:NUMBER", got "${value}"`);
  return { channel: match[1] as 'sms' | 'email', recipient: match[2] };
}

function janusConfig(env: NodeJS.ProcessEnv): Config['janus'] {
  const url = env.DAFTAR_JANUS_URL;
  if (!url) return null;
  if (!/^wss?:\/\/[^/]+/.test(url)) throw new Error(`DAFTAR_JANUS_URL must be a ws:// or wss:// address, got "${url}"`);
  const apiUrl = env.DAFTAR_JANUS_API_URL || 'http://127.0.0.1:8088/janus';
  if (!/^https?:\/\/[^/]+/.test(apiUrl))
    throw new Error(`DAFTAR_JANUS_API_URL must be an http:// or https:// address, got "${apiUrl}"`);
  return { url, apiUrl: apiUrl.replace(/\/+$/, ''), adminKey: env.DAFTAR_JANUS_ADMIN_KEY || undefined };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  // A known signing secret would let anyone forge payment callbacks: production must set its own.
  if (production && !env.DAFTAR_PAYMENT_SECRET)
    throw new Error('DAFTAR_PAYMENT_SECRET must be set when NODE_ENV=production');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const dataDir = path.resolve(env.DAFTAR_DATA_DIR ?? 'data/pglite');
  // Beside the data folder, like uploaded files: never inside the database the key must not trust.
  const auditDir = path.resolve(env.DAFTAR_AUDIT_DIR || path.join(dataDir, '..', 'audit'));
  return {
    port,
    host: env.HOST ?? 'localhost',
    databaseUrl: env.DATABASE_URL || undefined,
    ownerDatabaseUrl: env.DAFTAR_OWNER_DATABASE_URL || undefined,
    dataDir,
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
    audit: {
      signingKeyFile: path.resolve(env.DAFTAR_AUDIT_SIGNING_KEY_FILE || path.join(auditDir, 'signing-key.pem')),
      signingKeyGiven: Boolean(env.DAFTAR_AUDIT_SIGNING_KEY_FILE),
      checkpointsFile: path.join(auditDir, 'checkpoints.jsonl'),
      notify: notifyTarget(env.DAFTAR_AUDIT_NOTIFY),
    },
    publicUrl: (env.DAFTAR_PUBLIC_URL || `http://${env.HOST ?? 'localhost'}:${port}`).replace(/\/+$/, ''),
    janus: janusConfig(env),
    ice: iceConfig(env),
    version: env.npm_package_version ?? '0.1.0',
  };
}
