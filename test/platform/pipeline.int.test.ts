/**
 * Statements sent together (db/pipeline.ts) and the idempotent write that sends its stored answer,
 * its audit event and its commit together (runIdempotentInTransaction): answered in order, all or
 * nothing inside a transaction, the audit chain whole afterwards. On PostgreSQL in one round trip;
 * on PGlite one after the other, with the same outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelined } from '#server/db/pipeline';
import { verifyAuditChain } from '#server/platform/audit/audit-log';
import { clockStartingAt } from '#server/platform/clock/clock';
import type { AppContext } from '#server/platform/context';
import { runIdempotentInTransaction } from '#server/platform/http/idempotency';
import { cloneTemplate, type ClonedDatabase } from '../support/databases';
import { TEST_NOW } from '../support/test-clock';

let clone: ClonedDatabase;
let ctx: AppContext;

beforeAll(async () => {
  clone = await cloneTemplate({ poolSize: 3 });
  await clone.database.pool.query('create table pipeline_probe (n int primary key)');
  ctx = {
    database: clone.database,
    db: clone.database.db,
    clock: clockStartingAt(TEST_NOW),
  } as unknown as AppContext;
});
afterAll(async () => {
  await clone.drop();
});

const together = () => clone.database.kind === 'postgres';
const probes = async () =>
  (await clone.database.pool.query<{ n: number }>('select n from pipeline_probe order by n')).rows.map((r) => r.n);
const auditCount = async () =>
  Number((await clone.database.pool.query('select count(*) as n from audit_events')).rows[0].n);

describe('statements sent together', () => {
  it('answers each statement in order, and the transaction they make commits', async () => {
    const client = await clone.database.pool.connect();
    try {
      const results = await pipelined<{ n: number }>(
        client,
        [
          { text: 'begin' },
          { text: 'insert into pipeline_probe (n) values ($1) returning n', values: [1] },
          {
            name: 'pipeline-probe-insert',
            text: 'insert into pipeline_probe (n) values ($1) returning n',
            values: [2],
          },
          { text: 'commit' },
        ],
        together(),
      );
      expect(results.map((r) => r.rows[0]?.n ?? null)).toEqual([null, 1, 2, null]);
    } finally {
      client.release();
    }
    expect(await probes()).toEqual([1, 2]);
  });

  it('a failing statement fails the whole transaction, the commit behind it stores nothing, and the connection serves on', async () => {
    const client = await clone.database.pool.connect();
    try {
      await expect(
        pipelined(
          client,
          [
            { text: 'begin' },
            { text: 'insert into pipeline_probe (n) values ($1)', values: [3] },
            // The same key again: a unique violation.
            { text: 'insert into pipeline_probe (n) values ($1)', values: [3] },
            { text: 'commit' },
          ],
          together(),
        ),
      ).rejects.toThrow(/duplicate key/);
      // On PGlite the commit was never sent: the caller's rollback ends the transaction either way.
      await client.query('rollback');
      const [again] = await pipelined<{ one: number }>(client, [{ text: 'select 1 as one' }], together());
      expect(again.rows[0].one).toBe(1);
    } finally {
      client.release();
    }
    expect(await probes()).toEqual([1, 2]);
  });
});

describe('an idempotent write with its audit event', () => {
  const request = (key: string) => ({ userId: 1, key, operation: 'test.pipeline', request: { n: key } });
  const audit = (n: number) => ({
    actor: { userId: 1 },
    input: { action: 'filings.submitted' as const, entityType: 'filing' as const, entityId: n },
  });

  it('stores the work, its answer and its event together, again and again, and the chain verifies', async () => {
    const before = await auditCount();
    for (const n of [10, 11, 12]) {
      const answer = await runIdempotentInTransaction(ctx, request(`k-${n}`), async (tx) => {
        await tx.execute(`insert into pipeline_probe (n) values (${n})`);
        return { status: 200, body: { n }, audit: audit(n) };
      });
      expect(answer).toEqual({ status: 200, body: { n }, replayed: false });
    }
    expect(await probes()).toEqual([1, 2, 10, 11, 12]);
    expect(await auditCount()).toBe(before + 3);
    const stored = await clone.database.pool.query(
      "select key, status, body from idempotency_keys where operation = 'test.pipeline' order by key",
    );
    expect(stored.rows).toEqual([
      { key: 'k-10', status: 200, body: { n: 10 } },
      { key: 'k-11', status: 200, body: { n: 11 } },
      { key: 'k-12', status: 200, body: { n: 12 } },
    ]);
    expect((await verifyAuditChain(clone.database.db)).ok).toBe(true);
    // A retry replays the stored answer and does nothing again.
    const replay = await runIdempotentInTransaction(ctx, request('k-11'), async () => {
      throw new Error('the work ran twice');
    });
    expect(replay).toEqual({ status: 200, body: { n: 11 }, replayed: true });
  });

  it('when the audit chain has lost its head, the work is not stored without its event', async () => {
    const before = await auditCount();
    // As an intruder would (the append-only triggers set aside for the test): the chain's head removed.
    await clone.database.pool.query('alter table audit_chain_head disable trigger user');
    await clone.database.pool.query('delete from audit_chain_head');
    await clone.database.pool.query('alter table audit_chain_head enable trigger user');
    const attempt = runIdempotentInTransaction(ctx, request('k-20'), async (tx) => {
      await tx.execute('insert into pipeline_probe (n) values (20)');
      return { status: 200, body: { n: 20 }, audit: audit(20) };
    });
    // On PostgreSQL the append goes out with the commit and fails for want of a head (so the commit
    // behind it rolls back); on PGlite it takes the first event's path, whose insert collides with event 1.
    await expect(attempt).rejects.toThrow(together() ? /division by zero/ : /insert into "audit_events"/);
    expect(await probes()).not.toContain(20);
    expect(await auditCount()).toBe(before);
  });
});
