/**
 * A charge and its stored idempotency answer commit together. A crash after the work and before
 * the answer is emulated by the database refusing to store the answer (a trigger), as if the
 * process had died at that line: the retry with the same key must not charge a second time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '#server/platform/clock/clock';
import { TEST_NOW } from '../support/test-clock';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let operator: Client;
let offsetMs = 0;
const movableClock: Clock = { now: () => new Date(TEST_NOW.getTime() + offsetMs) };

beforeAll(async () => {
  t = await startTestServer({ clock: movableClock });
  operator = await t.signInStaff('operator.11001');
});
afterAll(async () => {
  await t?.stop();
});

const charge = (key = 'crash-once') =>
  operator.request({
    method: 'POST',
    url: '/api/v1/payments',
    body: { serviceCode: 'password-delivery', citizenId: 1 },
    headers: { 'idempotency-key': key },
  });

async function dyingBeforeTheAnswer<T>(run: () => Promise<T>): Promise<T> {
  await t.query(
    `create function die_before_the_answer() returns trigger language plpgsql as $$ begin raise exception 'the process died here'; end $$`,
  );
  await t.query(
    'create trigger die_before_the_answer before update on idempotency_keys for each row when (new.status <> 0) execute function die_before_the_answer()',
  );
  try {
    return await run();
  } finally {
    await t.query('drop trigger die_before_the_answer on idempotency_keys');
    await t.query('drop function die_before_the_answer()');
  }
}

describe('a crash between the charge and its stored answer', () => {
  it('leaves either both or neither: the retry charges once', async () => {
    const before = await t.count('payments');
    const crashed = await dyingBeforeTheAnswer(() => charge());
    expect(crashed.statusCode).toBe(500);

    // Long enough for an abandoned claim to be taken over.
    offsetMs += 6 * 60_000;
    const retried = await charge();
    expect(retried.statusCode, retried.body).toBe(201);
    expect(await t.count('payments')).toBe(before + 1);

    const replayed = await charge();
    expect(replayed.statusCode).toBe(201);
    expect(replayed.json().id).toBe(retried.json().id);
    expect(await t.count('payments')).toBe(before + 1);
  });

  it('leaves no claim behind: the retry right after the crash charges at once, once', async () => {
    const before = await t.count('payments');
    const crashed = await dyingBeforeTheAnswer(() => charge('crash-twice'));
    expect(crashed.statusCode).toBe(500);
    expect(await t.query("select 1 from idempotency_keys where key = 'crash-twice'")).toEqual([]);
    const retried = await charge('crash-twice');
    expect(retried.statusCode, retried.body).toBe(201);
    const replayed = await charge('crash-twice');
    expect(replayed.json().paymentId).toBe(retried.json().paymentId);
    expect(await t.count('payments')).toBe(before + 1);
  });
});
