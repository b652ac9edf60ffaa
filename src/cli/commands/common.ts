/** What every command shares: the database the server would use, and bilingual failures. */
import { openDatabase, type Database } from '#server/db/client';
import { loadConfig } from '#server/platform/config';
import { toLatinDigits } from '#core/persian-digits';

/** A failure the person at the terminal can act on: printed in Persian and English, exit code 1. */
export class CliError extends Error {
  constructor(
    readonly fa: string,
    readonly en: string,
    readonly details: string[] = [],
    readonly exitCode = 1,
  ) {
    super(en);
  }
}

/** Opens the database exactly as the server does (DATABASE_URL, else PGlite in DAFTAR_DATA_DIR). */
export async function openConfiguredDatabase(): Promise<{ database: Database; where: string; dataDir?: string }> {
  const config = loadConfig();
  const where = config.databaseUrl
    ? `PostgreSQL (${config.databaseUrl.replace(/\/\/[^@]*@/, '//***@')})`
    : `PGlite in ${config.dataDir}`;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  return { database, where, dataDir: config.databaseUrl ? undefined : config.dataDir };
}

export async function withDatabase<T>(
  fn: (database: Database, where: string, dataDir?: string) => Promise<T>,
): Promise<T> {
  const { database, where, dataDir } = await openConfiguredDatabase();
  try {
    return await fn(database, where, dataDir);
  } finally {
    await database.close();
  }
}

/** Integers typed with Latin or Persian digits, for commander option parsers. */
export function integerOption(name: string) {
  return (value: string): number => {
    const n = Number(toLatinDigits(value.replace(/[,_٬]/g, '')));
    if (!Number.isSafeInteger(n))
      throw new CliError(`مقدار ${name} باید عدد صحیح باشد.`, `${name} must be a whole number, got "${value}".`);
    return n;
  };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${((ms % 60_000) / 1000).toFixed(0)} s`;
}
