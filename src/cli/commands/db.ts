/**
 * `daftar db grant-runtime ROLE`: as the tables' owner (DAFTAR_OWNER_DATABASE_URL, else
 * DATABASE_URL), apply pending migrations, install the job queue's schema and queues, and grant
 * ROLE the runtime rights: ordinary reads and writes, but only appends to the audit log
 * (src/server/db/roles.ts, decision 0033).
 */
import type { Command } from 'commander';
import { openDatabase } from '#server/db/client';
import { currentRole, RoleError } from '#server/db/roles';
import { composePorts, scheduledJobs } from '#server/composition';
import { auditCheckpointJob } from '#server/platform/audit/anchor';
import { loadConfig } from '#server/platform/config';
import { prepareAsOwner } from '#server/server';
import { CliError } from './common';

export function registerDb(program: Command): void {
  const db = program.command('db').description('database roles / نقش‌های پایگاه داده');
  db.command('grant-runtime')
    .argument('<role>', 'the role the server runs as (it must exist and must not own the tables)')
    .description(
      'as the owner: migrate, then let ROLE read and write but only append to the audit log / اعطای دسترسی نقش اجرایی',
    )
    .action(async (role: string) => {
      const config = loadConfig();
      const url = config.ownerDatabaseUrl ?? config.databaseUrl;
      if (!url)
        throw new CliError(
          'نقش‌های جداگانه فقط روی PostgreSQL معنا دارند (DATABASE_URL تنظیم نشده است).',
          'Separate roles exist on PostgreSQL only: set DAFTAR_OWNER_DATABASE_URL or DATABASE_URL to the owner.',
        );
      const probe = await openDatabase({ databaseUrl: url, poolSize: 1 });
      const owner = await currentRole(probe).finally(() => probe.close());
      const scheduled = [...scheduledJobs(composePorts()), auditCheckpointJob(config.audit, async () => {})];
      try {
        const applied = await prepareAsOwner(url, role, scheduled);
        for (const tag of applied) console.log(`  applied ${tag}`);
      } catch (error) {
        if (error instanceof RoleError) throw new CliError('اعطای دسترسی ممکن نشد.', error.message);
        throw error;
      }
      console.log(
        `${role} may now read and write Daftar's tables as ${owner}'s runtime role, and only append to the audit log. / دسترسی اعطا شد.`,
      );
    });
}
