/**
 * Every address that tries to sign in leaves rows in `login_throttle` (its per-address count, its
 * lock-out count per account): the periodic purge removes those whose window is over and that are
 * not locked, and nothing it removes changes a later decision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '#server/seed/demo-data';
import type { Clock } from '#server/platform/clock/clock';
import { purgeExpiredThrottles, THROTTLE_PURGE_JOB } from '#server/platform/auth/throttle';
import { scheduledJobs, composePorts } from '#server/composition';
import { expectProblem } from '../support/problems';
import { TEST_NOW } from '../support/test-clock';
import { startTestServer, type TestServer } from '../support/test-server';

const MINUTE = 60_000;
let current = TEST_NOW.getTime();
const clock: Clock = { now: () => new Date(current) };

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ clock });
});
afterAll(async () => {
  await t?.stop();
});

const keys = async () =>
  (await t.query<{ key: string }>('select key from login_throttle order by key')).map((r) => r.key);
const guess = (username: string, from: string, password = 'Wrong-password-1') =>
  t.anonymous().request({
    method: 'POST',
    url: '/api/v1/auth/staff/login',
    body: { username, password },
    remoteAddress: from,
  });

describe('purging login_throttle', () => {
  it('is one of the periodic jobs', () => {
    expect(scheduledJobs(composePorts()).map((j) => j.queue)).toContain(THROTTLE_PURGE_JOB.queue);
  });

  it('removes the rows whose window is over and keeps the ones still counting or locked', async () => {
    await t.query('delete from login_throttle');
    // At T: one wrong password from 10.1.0.1; five from 10.1.0.2, which lock that source out.
    expectProblem(await guess('clerk.tehran', '10.1.0.1'), 401, 'invalid_credentials');
    for (let i = 0; i < 5; i++) await guess('clerk.isfahan', '10.1.0.2');
    const atStart = await keys();
    expect(atStart.filter((k) => k.includes('10.1.0.1')).length).toBeGreaterThanOrEqual(2);

    // Ten minutes on, every window is still open for the lock-out's count: nothing is removed.
    current += 10 * MINUTE;
    expect(await THROTTLE_PURGE_JOB.run(t.database, clock)).toBe(0);
    // A new source at T+10 min.
    expectProblem(await guess('clerk.tehran', '10.1.0.3'), 401, 'invalid_credentials');

    // At T+16 min: the first rows' windows are over and the lock has ended; those of T+10 stay.
    current += 6 * MINUTE;
    expect(await purgeExpiredThrottles(t.database.db, clock.now())).toBeGreaterThanOrEqual(atStart.length - 1);
    const left = await keys();
    expect(left.some((k) => k.includes('10.1.0.1') || k.includes('10.1.0.2'))).toBe(false);
    expect(left.filter((k) => k.includes('10.1.0.3')).length).toBeGreaterThanOrEqual(2);

    // What was removed changes nothing: the locked-out source signs in again, the owner too.
    expect((await guess('clerk.isfahan', '10.1.0.2', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('keeps a row that is still locked after its window is over', async () => {
    await t.query('delete from login_throttle');
    for (let i = 0; i < 5; i++) await guess('judge.tehran', '10.2.0.1');
    expectProblem(await guess('judge.tehran', '10.2.0.1', DEMO_PASSWORD), 429, 'account_locked');
    await t.query(
      "update login_throttle set locked_until = $1 where key like '%10.2.0.1%' and locked_until is not null",
      [new Date(current + 60 * MINUTE)],
    );
    current += 30 * MINUTE;
    await purgeExpiredThrottles(t.database.db, clock.now());
    expectProblem(await guess('judge.tehran', '10.2.0.1', DEMO_PASSWORD), 429, 'account_locked');
    current += 31 * MINUTE;
    await purgeExpiredThrottles(t.database.db, clock.now());
    expect((await keys()).filter((k) => k.includes('10.2.0.1'))).toEqual([]);
  });

  it('removes any number of rows, batch after batch', async () => {
    await t.query('delete from login_throttle');
    await t.query(
      "insert into login_throttle (key, failures, window_started_at) select 'rate:flood:' || g, 1, $1 from generate_series(1, 12000) g",
      [new Date(current - 20 * MINUTE)],
    );
    expect(await purgeExpiredThrottles(t.database.db, clock.now())).toBe(12000);
    expect(await t.count('login_throttle')).toBe(0);
  });
});
