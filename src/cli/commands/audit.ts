/**
 * `daftar audit verify [--checkpoint FILE]`: walks the hash chain of audit events and reports the
 * first broken link; with checkpoints, also proves the chain still holds every signed head.
 * `daftar audit checkpoint`: signs the chain's head now and publishes it (decision 0033).
 */
import fs from 'node:fs';
import type { KeyObject } from 'node:crypto';
import type { Command } from 'commander';
import type { Database } from '#server/db/client';
import {
  readPublicKey,
  verifyAgainstCheckpoints,
  writeCheckpoint,
  type AuditAnchorConfig,
} from '#server/platform/audit/anchor';
import { verifyAuditChain } from '#server/platform/audit/audit-log';
import { keyIdOf, parseCheckpoints } from '#server/platform/audit/checkpoint';
import { systemClock } from '#server/platform/clock/clock';
import { loadConfig } from '#server/platform/config';
import { CliError, withDatabase } from './common';

export async function auditVerify(database: Database): Promise<{ ok: boolean; message: string }> {
  const result = await verifyAuditChain(database.db);
  if (result.ok) return { ok: true, message: `audit chain OK: ${result.checked} events` };
  const broken = result.firstBroken!;
  return {
    ok: false,
    message: `audit chain BROKEN at seq ${broken.seq} (${broken.reason}); ${result.checked} events verified before it`,
  };
}

/**
 * The key checkpoints must have been signed with: `--public-key FILE` (a public or private PEM),
 * else the server's own signing key when this machine has it, else none (each checkpoint's own key,
 * which proves only that the file is intact).
 */
export function trustedKey(
  audit: Pick<AuditAnchorConfig, 'signingKeyFile'>,
  publicKeyFile?: string,
): { key?: KeyObject; source: string } {
  if (publicKeyFile) return { key: readPublicKey(publicKeyFile), source: publicKeyFile };
  if (fs.existsSync(audit.signingKeyFile))
    return { key: readPublicKey(audit.signingKeyFile), source: audit.signingKeyFile };
  return { source: 'the key each checkpoint carries' };
}

/** The chain, and every checkpoint in `file` against it: the lines to print and whether all holds. */
export async function auditVerifyCheckpoints(
  database: Database,
  file: string,
  trusted: { key?: KeyObject; source: string },
): Promise<{ ok: boolean; lines: string[] }> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `پروندهٔ نقاط وارسی خوانده نشد: ${file}`,
      `Cannot read the checkpoint file ${file}: ${(error as Error).message}`,
    );
  }
  let checkpoints: ReturnType<typeof parseCheckpoints>;
  try {
    checkpoints = parseCheckpoints(text);
  } catch (error) {
    throw new CliError(`پروندهٔ نقاط وارسی معتبر نیست: ${file}`, `${file}: ${(error as Error).message}`);
  }
  const result = await verifyAgainstCheckpoints(database.db, checkpoints, trusted.key);
  const lines: string[] = [];
  const chain = result.chain;
  lines.push(
    chain.ok
      ? `audit chain OK: ${chain.checked} events`
      : `audit chain BROKEN at seq ${chain.firstBroken!.seq} (${chain.firstBroken!.reason}); ${chain.checked} events verified before it`,
  );
  lines.push(
    `checking ${checkpoints.length} checkpoint(s) against ${trusted.key ? `key ${keyIdOf(trusted.key)} from ${trusted.source}` : trusted.source}`,
  );
  for (const f of result.checkpoints)
    lines.push(
      f.ok
        ? `  OK      seq ${f.seq} (${f.at}): the chain still holds this head`
        : `  FAILED  seq ${f.seq} (${f.at}): ${f.problem} — ${f.detail}`,
    );
  const failed = result.checkpoints.filter((f) => !f.ok).length;
  lines.push(
    result.ok
      ? `all ${checkpoints.length} checkpoint(s) hold`
      : `${failed} of ${checkpoints.length} checkpoint(s) failed${chain.ok ? '' : '; the chain itself is broken'}`,
  );
  return { ok: result.ok, lines };
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the audit log / گزارش ممیزی');
  audit
    .command('verify')
    .description('verify the hash chain of audit events / بررسی زنجیرهٔ درهم‌سازی رویدادهای ممیزی')
    .option(
      '--checkpoint <file>',
      'signed checkpoints (JSON lines or one downloaded checkpoint) the chain must still hold / نقاط وارسی امضاشده',
    )
    .option('--public-key <file>', 'PEM key the checkpoints must be signed with (default: the server key, if here)')
    .action(async (options: { checkpoint?: string; publicKey?: string }) => {
      await withDatabase(async (database) => {
        if (options.checkpoint) {
          const trusted = trustedKey(loadConfig().audit, options.publicKey);
          if (!trusted.key)
            console.warn(
              'warning: no trusted key (--public-key, or the server key on this machine): each checkpoint is checked with the key it carries, which proves the file intact but not who signed it',
            );
          const { ok, lines } = await auditVerifyCheckpoints(database, options.checkpoint, trusted);
          for (const line of lines) (ok ? console.log : console.error)(line);
          if (!ok) {
            console.error('زنجیرهٔ ممیزی با نقاط وارسی امضاشده نمی‌خواند: رویدادهای ممیزی بازنویسی یا حذف شده‌اند.');
            process.exitCode = 1;
          }
          return;
        }
        const { ok, message } = await auditVerify(database);
        if (ok) console.log(message);
        else {
          console.error(message);
          console.error('زنجیرهٔ ممیزی شکسته است.');
          process.exitCode = 1;
        }
      });
    });
  audit
    .command('checkpoint')
    .description(
      "sign the chain's head now, append it to the checkpoints file and send it to the regulator / امضای سر زنجیره",
    )
    .action(async () => {
      const config = loadConfig();
      await withDatabase(async (database) => {
        const { checkpoint, outboxId } = await writeCheckpoint(database.db, config.audit, systemClock.now());
        console.log(JSON.stringify(checkpoint));
        console.error(
          `checkpoint of seq ${checkpoint.seq} appended to ${config.audit.checkpointsFile}${outboxId != null ? `; message ${outboxId} queued for ${config.audit.notify!.recipient} (a running worker delivers it)` : ''}`,
        );
      });
    });
}
