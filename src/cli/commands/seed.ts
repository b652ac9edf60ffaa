/**
 * `daftar seed`: loads the demo set, or a synthetic province or national dataset on top of it, in
 * one transaction, with a progress bar per table and a summary at the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { Database } from '#server/db/client';
import { runMigrations } from '#server/db/migrate';
import { DEMO_PASSWORD } from '#server/seed/demo-data';
import { DatabaseNotEmptyError, seedDataset, type SeedResult } from '#server/seed/generator/load';
import { SCALE_NAMES, type ScaleName } from '#server/seed/generator/scales';
import { systemClock } from '#server/platform/clock/clock';
import { CliError, formatBytes, formatDuration, integerOption, openConfiguredDatabase } from './common';

const SUMMARY_TABLES = [
  'provinces',
  'cities',
  'offices',
  'courts',
  'users',
  'role_grants',
  'citizens',
  'catalog_services',
  'tariff_lines',
  'filings',
  'filing_parties',
  'service_records',
  'cases',
  'case_parties',
  'notices',
  'notice_deliveries',
  'office_status_events',
  'office_competencies',
  'operator_profiles',
  'employment_contracts',
  'insurance_periods',
  'course_sessions',
  'session_enrolments',
  'exam_attempts',
  'activity_licences',
  'licence_events',
  'audit_events',
];

export async function tableCounts(database: Database, tables = SUMMARY_TABLES): Promise<Record<string, number>> {
  const { rows } = await database.pool.query(
    `select ${tables.map((t) => `(select count(*) from ${t}) as "${t}"`).join(', ')}`,
  );
  return Object.fromEntries(tables.map((t) => [t, Number(rows[0][t])]));
}

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += dirSize(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

interface SeedCliOptions {
  scale: string;
  seed: number;
  offices?: number;
  citizens?: number;
  filings?: number;
  serviceRecords?: number;
  chunkSize?: number;
}

function progressReporter() {
  if (!process.stdout.isTTY) {
    return {
      onProgress(table: string, done: number, total: number) {
        if (done === total)
          console.log(
            `  ${table.padEnd(12)} ${total.toLocaleString('en')} ${table === 'indexes' ? 'rebuilt' : 'rows'}`,
          );
      },
      stop() {},
    };
  }
  const multibar = new cliProgress.MultiBar({
    format: '  {table} [{bar}] {percentage}% | {value}/{total} {unit}',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    clearOnComplete: false,
    stopOnComplete: false,
    fps: 5,
  });
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    onProgress(table: string, done: number, total: number) {
      let bar = bars.get(table);
      if (!bar) {
        bar = multibar.create(Math.max(total, 1), 0, {
          table: table.padEnd(12),
          unit: table === 'indexes' ? 'indexes rebuilt' : 'rows',
        });
        bars.set(table, bar);
      }
      bar.update(total === 0 ? 1 : done);
    },
    stop() {
      multibar.stop();
    },
  };
}

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('load a dataset into an empty database / بارگذاری داده در پایگاه دادهٔ خالی')
    .option('--scale <scale>', `${SCALE_NAMES.join(' | ')}`, 'demo')
    .option('--seed <n>', 'seed of the generator: the same seed gives the same data', integerOption('--seed'), 1)
    .option('--offices <n>', 'number of generated offices (overrides the scale)', integerOption('--offices'))
    .option('--citizens <n>', 'number of generated citizens (overrides the scale)', integerOption('--citizens'))
    .option(
      '--filings <n>',
      'number of historical filings (overrides the scale; 0 for none)',
      integerOption('--filings'),
    )
    .option(
      '--service-records <n>',
      'service records made in SQL besides the filings’ own (0 by default; 100000000 for the statistics benchmark)',
      integerOption('--service-records'),
    )
    .option('--chunk-size <n>', 'rows per COPY statement', integerOption('--chunk-size'))
    .addHelpText(
      'after',
      `
Scales:
  demo       the demo set: 7 offices, 3 courts, one account per role, 3 citizens
  province   the demo set + Tehran at realistic size: ~100 offices, ~500 staff, 100,000 citizens,
             200,000 historical filings
  national   the demo set + 31 provinces: ~3,000 offices by population, ~15,000 staff, 3,000,000 citizens,
             10,000,000 historical filings (~75 million rows with their parties, cases, notices and deliveries)
All data beyond the demo set is synthetic (names, national IDs, mobiles, towns marked "synthetic").
The database must be empty; the whole load is one transaction, so a failure leaves nothing behind.`,
    )
    .action(async (options: SeedCliOptions) => {
      // A hidden `tiny` scale exists for tests of the loading path.
      if (![...SCALE_NAMES, 'tiny'].includes(options.scale)) {
        throw new CliError(
          `مقیاس «${options.scale}» شناخته نیست؛ یکی از ${SCALE_NAMES.join('، ')} را انتخاب کنید.`,
          `Unknown scale "${options.scale}"; choose one of ${SCALE_NAMES.join(', ')}.`,
        );
      }
      const scale = options.scale as ScaleName;
      const { database, where, dataDir } = await openConfiguredDatabase();
      let result: SeedResult;
      let counts: Record<string, number>;
      let dbSize: number;
      try {
        console.log(`Database: ${where}`);
        const applied = await runMigrations(database);
        if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
        console.log(`Seeding scale "${scale}" with seed ${options.seed} …`);
        const progress = progressReporter();
        try {
          result = await seedDataset(database, {
            scale,
            seed: options.seed,
            offices: options.offices,
            citizens: options.citizens,
            filings: options.filings,
            serviceRecords: options.serviceRecords,
            chunkSize: options.chunkSize,
            onProgress: progress.onProgress,
            now: systemClock.now(),
          });
        } catch (error) {
          if (error instanceof DatabaseNotEmptyError) {
            throw new CliError(
              'پایگاه داده از پیش داده دارد؛ چیزی بارگذاری نشد. برای بارگذاری، یک پایگاه دادهٔ خالی (یا پوشهٔ DAFTAR_DATA_DIR تازه) به کار ببرید.',
              'The database already holds data; nothing was loaded. Seed an empty database (a new database, or a fresh DAFTAR_DATA_DIR).',
            );
          }
          if (error instanceof Error && /must be a whole number/.test(error.message))
            throw new CliError('مقدار واردشده نادرست است.', error.message);
          throw new CliError(
            'بارگذاری داده ناموفق بود و همهٔ تغییرات برگردانده شد.',
            `Seeding failed and was rolled back: ${(error as Error).message}`,
          );
        } finally {
          progress.stop();
        }
        counts = await tableCounts(database);
        await database.pool.query('checkpoint').catch(() => {});
        dbSize = Number(
          (await database.pool.query('select pg_database_size(current_database()) as size')).rows[0].size,
        );
      } finally {
        await database.close();
      }
      const generatedRows = Object.values(result.generated).reduce((a, b) => a + b, 0);
      console.log('\nRows per table (reference, demo and generated):');
      for (const [table, n] of Object.entries(counts)) {
        const extra = result.generated[table] ? `  (${result.generated[table].toLocaleString('en')} generated)` : '';
        console.log(`  ${table.padEnd(21)} ${n.toLocaleString('en').padStart(11)}${extra}`);
      }
      const seconds = result.elapsedMs / 1000;
      console.log(
        `\nElapsed: ${formatDuration(result.elapsedMs)}${generatedRows ? ` (${Math.round(generatedRows / seconds).toLocaleString('en')} generated rows/s)` : ''}`,
      );
      console.log(
        `Database size: ${formatBytes(dbSize)} (pg_database_size)${dataDir ? `; data folder on disk: ${formatBytes(dirSize(dataDir))} (${dataDir})` : ''}`,
      );
      console.log(`Audit: dataset.seed recorded (chain head seq ${result.auditSeq}).`);
      if (scale !== 'demo') {
        console.log(
          `Generated staff accounts all share one precomputed argon2id hash of the demo password (${DEMO_PASSWORD}); usernames look like manager.11004, operator.11004.1, clerk.thr-gen-02.1.`,
        );
      }
      console.log(
        `Demo sign-ins work as in the README (password ${DEMO_PASSWORD}). / ورود با حساب‌های نمونه مانند README کار می‌کند.`,
      );
    });
}
