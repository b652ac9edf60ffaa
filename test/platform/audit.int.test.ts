import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { recordAudit, verifyAuditChain } from '#server/platform/audit/audit-log';
import { eventHash } from '#server/platform/audit/chain';
import { staffBody } from '../support/fixtures';
import { expectProblem } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';
import type { AuditAction, AuditEntityType } from '#server/platform/audit/actions';

/** An event of the chain's own tests: a code no product path writes, so it has no label. */
const TEST_EVENT = (action: string) => ({ action: action as AuditAction, entityType: 'test' as AuditEntityType });

let t: TestServer;
let regulator: Client;

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

beforeAll(async () => {
  t = await startTestServer();
  regulator = await t.signInStaff('regulator');
});
afterAll(async () => {
  await t?.stop();
});

const verifyApi = async () => {
  const res = await regulator.post('/api/v1/audit/verify');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { ok: boolean; checked: number; firstBroken?: { seq: number; reason: string } };
};
/** Both verifiers (the API and the function the CLI uses) agree, and this is what they say. */
async function verify() {
  const viaApi = await verifyApi();
  expect(await verifyAuditChain(t.database.db, 2)).toEqual(viaApi);
  return viaApi;
}
const row = async (seq: number) => (await t.query<AuditRow>('select * from audit_events where seq = $1', [seq]))[0];
const reinsert = (r: AuditRow) =>
  t.query(
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

/** Tampering the way an intruder with superuser rights would: switch the append-only triggers off first. */
async function asIntruder(tamper: () => Promise<unknown>, restore: () => Promise<unknown>, check: () => Promise<void>) {
  await t.query('alter table audit_events disable trigger user');
  await t.query('alter table audit_chain_head disable trigger user');
  try {
    await tamper();
    await check();
  } finally {
    await restore();
    await t.query('alter table audit_events enable trigger user');
    await t.query('alter table audit_chain_head enable trigger user');
  }
  expect(await verify()).toEqual({ ok: true, checked: 5 });
}

describe('recording', () => {
  it('creating a user writes one audit event with who, what and where, chained to the previous one', async () => {
    const before = await t.count('audit_events');
    for (const name of ['audit.one', 'audit.two', 'audit.three']) {
      const res = await regulator.post('/api/v1/users', staffBody(name, { role: 'operator', officeId: 4 }));
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(before).toBe(2); // the demo dataset's own event, and the regulator's sign-in
    const rows = await t.query<AuditRow>('select * from audit_events order by seq');
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[1]).toMatchObject({ action: 'auth.sign-in', entity_type: 'user' });
    const [{ id: regulatorId }] = await t.query<{ id: number }>("select id from users where username = 'regulator'");
    expect(rows[4]).toMatchObject({
      action: 'users.create',
      entity_type: 'user',
      actor_user_id: regulatorId,
      province_id: 3,
      office_id: 4,
    });
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    const [head] = await t.query<{ seq: number; hash: string }>('select seq, hash from audit_chain_head');
    expect(head).toEqual({ seq: 5, hash: rows[4].hash });
  });

  it('the event is written in the same transaction as the change: when the audit write fails, no user is created', async () => {
    await t.query(
      `create function fail_audit() returns trigger language plpgsql as $$ begin raise exception 'audit store unavailable'; end $$`,
    );
    await t.query('create trigger fail_audit before insert on audit_events for each row execute function fail_audit()');
    try {
      const before = [await t.count('users'), await t.count('role_grants')];
      expectProblem(
        await regulator.post('/api/v1/users', staffBody('audit.lost', { role: 'operator', officeId: 4 })),
        500,
        'internal',
      );
      expect([await t.count('users'), await t.count('role_grants')]).toEqual(before);
      expect(await t.query("select 1 from users where username = 'audit.lost'")).toEqual([]);
    } finally {
      await t.query('drop trigger fail_audit on audit_events');
      await t.query('drop function fail_audit()');
    }
  });

  it("the regulator reads the log newest first, with the actor's name", async () => {
    const res = await regulator.get('/api/v1/audit/events?pageSize=2');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(5);
    expect(body.items.map((e: { seq: number }) => e.seq)).toEqual([5, 4]);
    expect(body.items[0]).toMatchObject({
      action: 'users.create',
      entityType: 'user',
      actor: { displayName: 'مهدی رضایی' },
    });
  });

  it('an intact chain verifies', async () => {
    expect(await verify()).toEqual({ ok: true, checked: 5 });
  });
});

describe('the log is append-only in the database', () => {
  it('an ordinary UPDATE of an audit event is refused', async () => {
    await expect(t.query(`update audit_events set data = '{"forged": true}' where seq = 3`)).rejects.toThrow(
      /append-only/,
    );
    expect((await row(3)).data).not.toEqual({ forged: true });
  });

  it('DELETE and TRUNCATE of audit events are refused', async () => {
    await expect(t.query('delete from audit_events where seq = 4')).rejects.toThrow(/append-only/);
    await expect(t.query('truncate audit_events')).rejects.toThrow(/append-only/);
    expect(await t.count('audit_events')).toBe(5);
  });

  it('the chain head cannot be moved back or removed', async () => {
    await expect(t.query('update audit_chain_head set seq = 3 where id = 1')).rejects.toThrow(/forward/);
    await expect(t.query('delete from audit_chain_head')).rejects.toThrow(/append-only/);
    expect(await verify()).toEqual({ ok: true, checked: 5 });
  });
});

describe('tampering is detected at the first broken link', () => {
  it("changing a middle event's data: hash_mismatch at that event", async () => {
    const original = await row(3);
    await asIntruder(
      () => t.query(`update audit_events set data = jsonb_set(data, '{role}', '"regulator_admin"') where seq = 3`),
      () => t.query('update audit_events set data = $1::jsonb where seq = 3', [JSON.stringify(original.data)]),
      async () =>
        expect(await verify()).toEqual({ ok: false, checked: 2, firstBroken: { seq: 3, reason: 'hash_mismatch' } }),
    );
  });

  it("changing an event and recomputing its hash: the next event's link breaks (prev_hash_mismatch)", async () => {
    const original = await row(3);
    const forgedData = { ...(original.data as object), role: 'regulator_admin' };
    const forgedHash = eventHash(original.prev_hash, {
      seq: 3,
      at: new Date(original.at).toISOString(),
      actorUserId: original.actor_user_id,
      action: original.action,
      entityType: original.entity_type,
      entityId: original.entity_id,
      provinceId: original.province_id,
      officeId: original.office_id,
      data: forgedData,
    });
    await asIntruder(
      () =>
        t.query('update audit_events set data = $1::jsonb, hash = $2 where seq = 3', [
          JSON.stringify(forgedData),
          forgedHash,
        ]),
      () =>
        t.query('update audit_events set data = $1::jsonb, hash = $2 where seq = 3', [
          JSON.stringify(original.data),
          original.hash,
        ]),
      async () =>
        expect(await verify()).toEqual({
          ok: false,
          checked: 3,
          firstBroken: { seq: 4, reason: 'prev_hash_mismatch' },
        }),
    );
  });

  it('deleting a middle event: missing_event at its seq', async () => {
    const original = await row(2);
    await asIntruder(
      () => t.query('delete from audit_events where seq = 2'),
      () => reinsert(original),
      async () =>
        expect(await verify()).toEqual({ ok: false, checked: 1, firstBroken: { seq: 2, reason: 'missing_event' } }),
    );
  });

  it('deleting the newest event: the chain head still expects it (missing_event)', async () => {
    const original = await row(5);
    await asIntruder(
      () => t.query('delete from audit_events where seq = 5'),
      () => reinsert(original),
      async () =>
        expect(await verify()).toEqual({ ok: false, checked: 4, firstBroken: { seq: 5, reason: 'missing_event' } }),
    );
  });

  it('changing the chain head: head_mismatch', async () => {
    const [head] = await t.query<{ hash: string }>('select hash from audit_chain_head where id = 1');
    await asIntruder(
      () => t.query("update audit_chain_head set hash = repeat('f', 64) where id = 1"),
      () => t.query('update audit_chain_head set hash = $1 where id = 1', [head.hash]),
      async () =>
        expect(await verify()).toEqual({ ok: false, checked: 5, firstBroken: { seq: 6, reason: 'head_mismatch' } }),
    );
  });
});

describe('appends at the same time', () => {
  it('transactions appending together are chained one after another, none lost or doubled', async () => {
    const before = await t.count('audit_events');
    // Each transaction holds the head for a moment after appending, so the others queue behind it.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.database.db.transaction(async (tx) => {
          await recordAudit(tx, null, { ...TEST_EVENT('test.concurrent'), entityId: i });
          await tx.execute(sql`select pg_sleep(0.005)`);
        }),
      ),
    );
    const rows = await t.query<{ seq: number; entity_id: string }>(
      "select seq, entity_id from audit_events where action = 'test.concurrent' order by seq",
    );
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 12 }, (_, i) => before + 1 + i));
    expect(new Set(rows.map((r) => r.entity_id)).size).toBe(12);
    expect(await verify()).toEqual({ ok: true, checked: before + 12 });
  });
});
