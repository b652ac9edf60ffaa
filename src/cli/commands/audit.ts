/** `daftar audit verify`: walks the hash chain of audit events and reports the first broken link. */
import type { Command } from 'commander';
import type { Database } from '#server/db/client';
import { verifyAuditChain } from '#server/platform/audit/audit-log';
import { withDatabase } from './common';

export async function auditVerify(database: Database): Promise<{ ok: boolean; message: string }> {
  const result = await verifyAuditChain(database.db);
  if (result.ok) return { ok: true, message: `audit chain OK: ${result.checked} events` };
  const broken = result.firstBroken!;
  return {
    ok: false,
    message: `audit chain BROKEN at seq ${broken.seq} (${broken.reason}); ${result.checked} events verified before it`,
  };
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the audit log / گزارش ممیزی');
  audit
    .command('verify')
    .description('verify the hash chain of audit events / بررسی زنجیرهٔ درهم‌سازی رویدادهای ممیزی')
    .action(async () => {
      await withDatabase(async (database) => {
        const { ok, message } = await auditVerify(database);
        if (ok) console.log(message);
        else {
          console.error(message);
          console.error('زنجیرهٔ ممیزی شکسته است.');
          process.exitCode = 1;
        }
      });
    });
}
