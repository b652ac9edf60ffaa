/**
 * Two API processes on one PostgreSQL database, as docs/operations.md describes running several:
 * a session made on one works on the other, an Idempotency-Key used on both at once runs once,
 * each queued job (an SMS delivery) runs once though both run workers, and the audit chain still
 * verifies after audited writes on both at the same time. PostgreSQL only.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '#server/db/client';
import { verifyAuditChain } from '#server/platform/audit/audit-log';
import { DEMO_CITIZENS } from '#server/seed/demo-data';
import { describePostgres } from '../support/postgres';
import {
  HttpClient,
  type OwnDatabase,
  ownDatabase,
  type ServerProcess,
  signInStaff,
  startServerProcess,
} from '../support/processes';

describePostgres('two server processes on one database', () => {
  const clockOrigin = Date.now();
  let db: OwnDatabase;
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;
  beforeAll(async () => {
    db = await ownDatabase();
    [a, b] = await Promise.all([
      startServerProcess(db.url, { clockOrigin }),
      startServerProcess(db.url, { clockOrigin }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  it('a session made on one is valid on the other, and a sign-out on the other ends it', async () => {
    const onA = await signInStaff(a!.url, 'manager.11001');
    const onB = onA.at(b!.url);
    const me = await onB.request('GET', '/api/v1/auth/me');
    expect(me.status, me.body).toBe(200);
    expect(JSON.stringify(me.json())).toContain('manager.11001');
    // A write on B with the CSRF token issued by A.
    const ticket = await onB.request('POST', '/api/v1/counter/tickets');
    expect(ticket.status, ticket.body).toBe(201);
    expect((await onB.request('POST', '/api/v1/auth/logout')).status).toBeLessThan(300);
    expect((await onA.request('GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('one Idempotency-Key sent to both at once charges once, and both answer the same', async () => {
    const onA = await signInStaff(a!.url, 'operator.11001');
    const onB = onA.at(b!.url);
    const [{ n: before }] = await db.query<{ n: number }>('select count(*)::int as n from payments');
    const send = (client: HttpClient, key: string) =>
      client.request('POST', '/api/v1/payments', {
        body: { serviceCode: 'password-delivery', citizenId: 1 },
        headers: { 'idempotency-key': key },
      });
    for (let round = 0; round < 5; round++) {
      const key = `two-processes-${round}`;
      const answers = await Promise.all([send(onA, key), send(onB, key), send(onA, key), send(onB, key)]);
      for (const answer of answers) expect(answer.status, answer.body).toBe(201);
      expect(new Set(answers.map((x) => x.json().paymentId)).size).toBe(1);
    }
    const [{ n: after }] = await db.query<{ n: number }>('select count(*)::int as n from payments');
    expect(after - before).toBe(5);
  });

  it('each queued job runs once, whichever process picks it up', async () => {
    // Sign-in codes asked on both: each is one outbox message and one delivery job.
    const mobiles = DEMO_CITIZENS.slice(0, 8).map((c) => c.mobile);
    const [{ max }] = await db.query<{ max: number }>('select coalesce(max(id), 0)::int as max from notifier_outbox');
    const asked = await Promise.all(
      mobiles.map((mobile, i) =>
        new HttpClient((i % 2 ? a! : b!).url).request('POST', '/api/v1/auth/citizen/otp', { body: { mobile } }),
      ),
    );
    for (const answer of asked) expect(answer.status, answer.body).toBe(202);
    let rows: { status: string; attempts: number }[] = [];
    for (let i = 0; i < 120; i++) {
      rows = await db.query('select status, attempts from notifier_outbox where id > $1', [max]);
      if (rows.length && rows.every((r) => r.status !== 'pending')) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(rows.length).toBe(mobiles.length);
    expect(rows.map((r) => `${r.status}×${r.attempts}`)).toEqual(rows.map(() => 'sent×1'));
  });

  it('the audit chain verifies after audited writes on both at once', async () => {
    const [{ n: before }] = await db.query<{ n: number }>('select count(*)::int as n from audit_events');
    const onA = await signInStaff(a!.url, 'operator.11001');
    const onB = onA.at(b!.url);
    const writes = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        (i % 2 ? onA : onB).request('POST', '/api/v1/payments', {
          body: { serviceCode: 'password-delivery', citizenId: 1 },
          headers: { 'idempotency-key': `audit-${i}` },
        }),
      ),
    );
    for (const w of writes) expect(w.status, w.body).toBe(201);
    const [{ n: after }] = await db.query<{ n: number }>('select count(*)::int as n from audit_events');
    expect(after - before).toBeGreaterThanOrEqual(24);
    const database: Database = await openDatabase({ databaseUrl: db.url, poolSize: 1 });
    try {
      const verified = await verifyAuditChain(database.db);
      expect(verified).toMatchObject({ ok: true });
      expect(verified.checked).toBe(after);
    } finally {
      await database.close();
    }
  });
});
