/**
 * Anchoring the audit chain outside the database (decision 0033): the signing key lives in a file
 * (never in the database), each checkpoint is appended to a JSON-lines file, sent to the regulator
 * through the notifier, and handed to whoever asked for it; `verifyAgainstCheckpoints` proves the
 * chain still holds every anchored head.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Executor } from '#server/db/transaction';
import type { Config } from '#server/platform/config';
import type { ScheduledJob } from '#server/platform/jobs/jobs';
import { enqueueMessage } from '#server/platform/notifier/notifier';
import { verifyAuditChain, type VerifyResult } from './audit-log';
import { GENESIS_HASH } from './chain';
import { checkSignature, signCheckpoint, type CheckpointHead, type SignedCheckpoint } from './checkpoint';
import { auditChainHead, auditEvents } from './tables';

export type AuditAnchorConfig = Config['audit'];

/**
 * The signing key: read from its file, or — when the file is the default one and does not exist
 * yet — generated and written with mode 0600 (its folder 0700). A key file named in
 * DAFTAR_AUDIT_SIGNING_KEY_FILE must exist: a missing one is an error, never silently replaced.
 */
export function loadSigningKey(config: Pick<AuditAnchorConfig, 'signingKeyFile' | 'signingKeyGiven'>): KeyObject {
  const file = config.signingKeyFile;
  if (!fs.existsSync(file)) {
    if (config.signingKeyGiven)
      throw new Error(`the audit signing key ${file} (DAFTAR_AUDIT_SIGNING_KEY_FILE) does not exist`);
    const { privateKey } = generateKeyPairSync('ed25519');
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      // `wx`: two processes starting at once keep the first one's key.
      fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = createPrivateKey(fs.readFileSync(file));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the audit signing key ${file} is not an Ed25519 key`);
  return key;
}

/** A public key from a PEM file holding a public or a private key. */
export function readPublicKey(file: string): KeyObject {
  const pem = fs.readFileSync(file, 'utf8');
  return pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
}

/** The chain's head as the database has it now (sequence 0 and the genesis hash before the first event). */
async function chainHead(db: Executor): Promise<Omit<CheckpointHead, 'at'>> {
  const [head] = await db
    .select({ seq: auditChainHead.seq, hash: auditChainHead.hash })
    .from(auditChainHead)
    .where(eq(auditChainHead.id, 1));
  return head ?? { seq: 0, hash: GENESIS_HASH };
}

/** One line of the anchor file and of the regulator's message. */
function checkpointLine(checkpoint: SignedCheckpoint): string {
  return JSON.stringify(checkpoint);
}

/**
 * Signs the current head and publishes it: appended to the checkpoints file and, when a recipient
 * is configured, written to the notifier's outbox. Returns the checkpoint and the outbox id to hand
 * to delivery after commit.
 */
export async function writeCheckpoint(
  db: Executor,
  config: AuditAnchorConfig,
  now: Date,
): Promise<{ checkpoint: SignedCheckpoint; outboxId: number | null }> {
  const key = loadSigningKey(config);
  const head = await chainHead(db);
  const checkpoint = signCheckpoint({ ...head, at: now.toISOString() }, key);
  const line = checkpointLine(checkpoint);
  fs.mkdirSync(path.dirname(config.checkpointsFile), { recursive: true, mode: 0o700 });
  // One write with O_APPEND: lines from several processes never interleave.
  fs.appendFileSync(config.checkpointsFile, `${line}\n`, { mode: 0o644 });
  const outboxId = config.notify
    ? await enqueueMessage(
        db,
        {
          channel: config.notify.channel,
          recipient: config.notify.recipient,
          template: 'audit.checkpoint',
          body: line,
        },
        now,
      )
    : null;
  return { checkpoint, outboxId };
}

interface CheckpointFinding {
  seq: number;
  at: string;
  ok: boolean;
  /** Why it failed: a bad signature, or the chain no longer holds this head. */
  problem?: 'malformed' | 'wrong_key' | 'bad_signature' | 'missing_event' | 'hash_mismatch' | 'chain_broken';
  detail?: string;
}

export interface AnchoredVerifyResult {
  ok: boolean;
  chain: VerifyResult;
  checkpoints: CheckpointFinding[];
}

/**
 * The chain verifies, and it still contains each checkpoint's head: the event at that sequence
 * number has the signed hash (and so, the chain verifying, every event before it is the one the
 * checkpoint saw). A checkpoint whose signature fails proves nothing and fails too.
 */
export async function verifyAgainstCheckpoints(
  db: Executor,
  checkpoints: readonly SignedCheckpoint[],
  trusted?: KeyObject,
): Promise<AnchoredVerifyResult> {
  const chain = await verifyAuditChain(db);
  const findings: CheckpointFinding[] = [];
  for (const checkpoint of checkpoints) {
    const base = { seq: checkpoint.seq, at: checkpoint.at };
    const signature = checkSignature(checkpoint, trusted);
    if (!signature.ok) {
      findings.push({ ...base, ok: false, problem: signature.reason, detail: signature.detail });
      continue;
    }
    if (checkpoint.seq > 0) {
      const [event] = await db
        .select({ hash: auditEvents.hash })
        .from(auditEvents)
        .where(eq(auditEvents.seq, checkpoint.seq));
      if (!event) {
        findings.push({
          ...base,
          ok: false,
          problem: 'missing_event',
          detail: 'the chain has no event at this sequence number',
        });
        continue;
      }
      if (event.hash !== checkpoint.hash) {
        findings.push({ ...base, ok: false, problem: 'hash_mismatch', detail: 'the event here is not the one signed' });
        continue;
      }
    } else if (checkpoint.hash !== GENESIS_HASH) {
      findings.push({ ...base, ok: false, problem: 'hash_mismatch', detail: 'an empty chain has the genesis hash' });
      continue;
    }
    if (!chain.ok && chain.firstBroken && chain.firstBroken.seq <= checkpoint.seq) {
      findings.push({
        ...base,
        ok: false,
        problem: 'chain_broken',
        detail: `the chain breaks at ${chain.firstBroken.seq}, before this head`,
      });
      continue;
    }
    findings.push({ ...base, ok: true });
  }
  return { ok: chain.ok && findings.every((f) => f.ok), chain, checkpoints: findings };
}

/** The hourly checkpoint (a pg-boss schedule, where workers run): signs the head and publishes it. */
export function auditCheckpointJob(
  config: AuditAnchorConfig,
  deliver: (outboxIds: number[]) => Promise<void>,
): ScheduledJob {
  return {
    queue: 'audit.checkpoint',
    cron: '7 * * * *',
    async run(database, clock) {
      const { checkpoint, outboxId } = await writeCheckpoint(database.db, config, clock.now());
      if (outboxId != null) await deliver([outboxId]);
      return { seq: checkpoint.seq };
    },
  };
}
