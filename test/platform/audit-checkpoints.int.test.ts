/**
 * The audit chain anchored outside the database (issue #14, finding 4): a signed checkpoint of the
 * head, kept in a file and sent to the regulator, exposes what the database's owner can do and the
 * chain alone cannot: re-hash the newest events, cut them off and move the head back, or empty the
 * log — each of which still passes the plain chain verification.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerifyCheckpoints, trustedKey } from '../../src/cli/commands/audit';
import { verifyAgainstCheckpoints } from '#server/platform/audit/anchor';
import { verifyAuditChain } from '#server/platform/audit/audit-log';
import { eventHash } from '#server/platform/audit/chain';
import { parseCheckpoints, signCheckpoint, type SignedCheckpoint } from '#server/platform/audit/checkpoint';
import { staffBody } from '../support/fixtures';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let regulator: Client;
let work: string;

interface AuditRow {
  seq: number;
  at: Date;
  actor_user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  province_id: number | null;
  office_id: number | null;
  data: unknown;
  prev_hash: string;
  hash: string;
}

const REGULATOR_INBOX = 'audit@regulator.example';

beforeAll(async () => {
  // No workers: the messages to the regulator stay in the outbox, where the test reads them, and no
  // delivery is still running when the server stops.
  t = await startTestServer({ env: { DAFTAR_AUDIT_NOTIFY: `email:${REGULATOR_INBOX}`, DAFTAR_RUN_JOBS: '0' } });
  regulator = await t.signInStaff('regulator');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-checkpoints-'));
  for (const name of ['anchor.one', 'anchor.two', 'anchor.three', 'anchor.four']) {
    const res = await regulator.post('/api/v1/users', staffBody(name, { role: 'operator', officeId: 4 }));
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => {
  await t?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const auditConfig = () => t.server.ctx.config.audit;
const rows = () => t.query<AuditRow>('select * from audit_events order by seq');
const trusted = () => trustedKey(auditConfig());

async function checkpointNow(): Promise<SignedCheckpoint> {
  const res = await regulator.post('/api/v1/audit/checkpoints');
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as SignedCheckpoint;
}

function saveCheckpoints(name: string, checkpoints: SignedCheckpoint[]): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, checkpoints.map((c) => `${JSON.stringify(c)}\n`).join(''));
  return file;
}

async function reinsert(r: AuditRow) {
  await t.query(
    `insert into audit_events (seq, at, actor_user_id, action, entity_type, entity_id, province_id, office_id, data, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11)`,
    [
      r.seq,
      r.at,
      r.actor_user_id,
      r.action,
      r.entity_type,
      r.entity_id,
      r.province_id,
      r.office_id,
      JSON.stringify(r.data),
      r.prev_hash,
      r.hash,
    ],
  );
}

/**
 * Tampering as the tables' owner would (triggers off, the head moved to match), then putting the
 * log back exactly as it was.
 */
async function asOwner(tamper: (original: AuditRow[]) => Promise<unknown>, check: () => Promise<void>) {
  const original = await rows();
  const [head] = await t.query<{ seq: number; hash: string }>('select seq, hash from audit_chain_head');
  await t.query('alter table audit_events disable trigger user');
  await t.query('alter table audit_chain_head disable trigger user');
  try {
    await tamper(original);
    await check();
  } finally {
    await t.query('delete from audit_events');
    for (const r of original) await reinsert(r);
    await t.query(
      'insert into audit_chain_head (id, seq, hash) values (1, $1, $2) on conflict (id) do update set seq = $1, hash = $2',
      [head.seq, head.hash],
    );
    await t.query('alter table audit_events enable trigger user');
    await t.query('alter table audit_chain_head enable trigger user');
  }
  expect(await verifyAuditChain(t.database.db)).toEqual({ ok: true, checked: original.length });
}

/** Recomputes the hashes of every event from `fromSeq` on, as an owner covering their tracks would. */
async function rehashFrom(fromSeq: number, changed: (r: AuditRow) => AuditRow) {
  const all = await rows();
  let prevHash = all.find((r) => r.seq === fromSeq - 1)?.hash ?? '0'.repeat(64);
  for (const original of all.filter((r) => r.seq >= fromSeq)) {
    const r = changed(original);
    const hash = eventHash(prevHash, {
      seq: r.seq,
      at: new Date(r.at).toISOString(),
      actorUserId: r.actor_user_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      provinceId: r.province_id,
      officeId: r.office_id,
      data: r.data,
    });
    await t.query('update audit_events set data = $1::jsonb, prev_hash = $2, hash = $3 where seq = $4', [
      JSON.stringify(r.data),
      prevHash,
      hash,
      r.seq,
    ]);
    prevHash = hash;
  }
  const last = all[all.length - 1];
  await t.query('update audit_chain_head set seq = $1, hash = $2 where id = 1', [last.seq, prevHash]);
}

describe('a signed checkpoint of the head', () => {
  it('the regulator signs the head on demand: downloaded, appended to the checkpoints file and sent to the regulator', async () => {
    const [head] = await t.query<{ seq: number; hash: string }>('select seq, hash from audit_chain_head');
    const res = await regulator.post('/api/v1/audit/checkpoints');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="audit-checkpoint-${head.seq}.json"`);
    const checkpoint = res.json() as SignedCheckpoint;
    expect(checkpoint).toMatchObject({ v: 1, seq: head.seq, hash: head.hash });
    expect(Math.abs(Date.parse(checkpoint.at) - t.now().getTime())).toBeLessThan(60_000);

    const lines = fs.readFileSync(auditConfig().checkpointsFile, 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toContainEqual(checkpoint);
    const sent = await t.query<{ channel: string; body: string }>(
      "select channel, body from notifier_outbox where template = 'audit.checkpoint' and recipient = $1",
      [REGULATOR_INBOX],
    );
    expect(sent.map((m) => m.channel)).toContain('email');
    expect(sent.map((m) => JSON.parse(m.body))).toContainEqual(checkpoint);
  });

  it('the key is a file beside the data, readable by its owner only, and never in the database', async () => {
    const { signingKeyFile } = auditConfig();
    expect(fs.statSync(signingKeyFile).mode & 0o777).toBe(0o600);
    const pem = fs.readFileSync(signingKeyFile, 'utf8');
    expect(pem).toContain('BEGIN PRIVATE KEY');
    const body = pem.split('\n')[1];
    const found = await t.query(
      `select 1 from audit_events where data::text like $1 union all select 1 from notifier_outbox where body like $1`,
      [`%${body.slice(0, 24)}%`],
    );
    expect(found).toEqual([]);
  });

  it('checkpoints made at the same moment as the hourly job stay one line each', async () => {
    await Promise.all([checkpointNow(), checkpointNow(), checkpointNow()]);
    const text = fs.readFileSync(auditConfig().checkpointsFile, 'utf8');
    expect(parseCheckpoints(text).length).toBe(text.trim().split('\n').length);
  });
});

describe('verifying the chain against checkpoints', () => {
  it('an untouched chain holds every checkpoint, also after more events were appended', async () => {
    const first = await checkpointNow();
    const res = await regulator.post('/api/v1/users', staffBody('anchor.five', { role: 'operator', officeId: 4 }));
    expect(res.statusCode, res.body).toBe(201);
    const second = await checkpointNow();
    expect(second.seq).toBe(first.seq + 1);
    const file = saveCheckpoints('untouched.jsonl', [first, second]);
    const { ok, lines } = await auditVerifyCheckpoints(t.database, file, trusted());
    expect(ok, lines.join('\n')).toBe(true);
    expect(lines.at(-1)).toBe('all 2 checkpoint(s) hold');
    // The server's own checkpoints file checks too.
    expect((await auditVerifyCheckpoints(t.database, auditConfig().checkpointsFile, trusted())).ok).toBe(true);
  });

  it('the owner re-hashes the newest events: the chain alone verifies, the checkpoint does not', async () => {
    const checkpoint = await checkpointNow();
    const file = saveCheckpoints('rehash.jsonl', [checkpoint]);
    await asOwner(
      () =>
        rehashFrom(checkpoint.seq - 1, (r) =>
          r.seq === checkpoint.seq - 1 ? { ...r, data: { ...(r.data as object), role: 'regulator_admin' } } : r,
        ),
      async () => {
        expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
        const { ok, lines } = await auditVerifyCheckpoints(t.database, file, trusted());
        expect(ok).toBe(false);
        expect(lines.join('\n')).toContain(`FAILED  seq ${checkpoint.seq}`);
        expect(lines.join('\n')).toContain('hash_mismatch');
      },
    );
  });

  it('the owner deletes the newest events and moves the head back: the checkpoint’s event is missing', async () => {
    const checkpoint = await checkpointNow();
    const file = saveCheckpoints('cut.jsonl', [checkpoint]);
    await asOwner(
      async (original) => {
        const keep = original.filter((r) => r.seq <= checkpoint.seq - 2);
        await t.query('delete from audit_events where seq > $1', [checkpoint.seq - 2]);
        const last = keep[keep.length - 1];
        await t.query('update audit_chain_head set seq = $1, hash = $2 where id = 1', [last.seq, last.hash]);
      },
      async () => {
        expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
        const result = await verifyAgainstCheckpoints(t.database.db, [checkpoint], trusted().key);
        expect(result.ok).toBe(false);
        expect(result.checkpoints).toEqual([
          expect.objectContaining({ seq: checkpoint.seq, ok: false, problem: 'missing_event' }),
        ]);
        expect((await auditVerifyCheckpoints(t.database, file, trusted())).ok).toBe(false);
      },
    );
  });

  it('the owner empties the log: every checkpoint fails', async () => {
    const checkpoint = await checkpointNow();
    const file = saveCheckpoints('truncated.jsonl', [checkpoint]);
    await asOwner(
      async () => {
        await t.query('truncate audit_events');
        await t.query('delete from audit_chain_head');
      },
      async () => {
        expect(await verifyAuditChain(t.database.db)).toEqual({ ok: true, checked: 0 });
        const { ok, lines } = await auditVerifyCheckpoints(t.database, file, trusted());
        expect(ok).toBe(false);
        expect(lines.join('\n')).toContain('missing_event');
      },
    );
  });

  it('a checkpoint whose hash was changed to fit a rewritten chain fails its signature', async () => {
    const checkpoint = await checkpointNow();
    const forged = { ...checkpoint, hash: 'f'.repeat(64) };
    const result = await verifyAgainstCheckpoints(t.database.db, [forged], trusted().key);
    expect(result.checkpoints).toEqual([expect.objectContaining({ ok: false, problem: 'bad_signature' })]);
  });

  it('a checkpoint signed with another key fails against the server’s key', async () => {
    const [head] = await t.query<{ seq: number; hash: string }>('select seq, hash from audit_chain_head');
    const intruder = generateKeyPairSync('ed25519');
    const forged = signCheckpoint({ ...head, at: t.now().toISOString() }, intruder.privateKey);
    const file = saveCheckpoints('foreign.jsonl', [forged]);
    const { ok, lines } = await auditVerifyCheckpoints(t.database, file, trusted());
    expect(ok).toBe(false);
    expect(lines.join('\n')).toContain('wrong_key');
  });
});
