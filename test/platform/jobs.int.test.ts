import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobs, QUEUES } from '#server/platform/jobs/jobs';
import { OutboxTransport, type SmsTransport } from '#server/platform/notifier/notifier';
import { cloneTemplate, type ClonedDatabase } from '../support/databases';
import { describePostgres } from '../support/postgres';
import { startTestServer, type TestServer } from '../support/test-server';

/** An SMS gateway that fails a given number of times per recipient before it delivers. */
class ScriptedGateway implements SmsTransport {
  readonly name = 'scripted';
  readonly calls: { recipient: string; body: string; at: number }[] = [];
  private readonly failures = new Map<string, number>();

  failNext(recipient: string, times: number) {
    this.failures.set(recipient, times);
  }
  callsTo(recipient: string) {
    return this.calls.filter((c) => c.recipient === recipient);
  }

  async send(message: { id: number; recipient: string; body: string }): Promise<void> {
    this.calls.push({ recipient: message.recipient, body: message.body, at: Date.now() });
    const left = this.failures.get(message.recipient) ?? 0;
    if (left > 0) {
      this.failures.set(message.recipient, left - 1);
      throw new Error('SMS gateway unavailable');
    }
  }
}

interface OutboxRow {
  id: number;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
}

const RETRY = { retryLimit: 2, retryDelay: 1, retryBackoff: true };
const gateway = new ScriptedGateway();
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ transport: gateway, jobs: { deliveryRetry: RETRY, pollingIntervalSeconds: 0.5 } });
});
afterAll(async () => {
  await t?.stop();
});

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const message = async (recipient: string) =>
  (
    await t.query<OutboxRow>(
      'select id, status, attempts, last_error, sent_at from notifier_outbox where recipient = $1 order by id desc limit 1',
      [recipient],
    )
  )[0];
const settled = (recipient: string) =>
  waitFor(`the message to ${recipient} to settle`, async () => {
    const m = await message(recipient);
    return m && m.status !== 'pending' ? m : null;
  });
const requestCode = async (mobile: string) =>
  expect((await t.anonymous().post('/api/v1/auth/citizen/otp', { mobile })).statusCode).toBe(202);

describe('outbox delivery', () => {
  it('delivers a committed message through the gateway: status sent, one attempt, sent_at set', async () => {
    await requestCode('09120000001');
    const m = await settled('09120000001');
    expect(m).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(m.sent_at).toBeInstanceOf(Date);
    expect(gateway.callsTo('09120000001')).toHaveLength(1);
    expect(gateway.callsTo('09120000001')[0].body).toContain(await t.latestOtp('09120000001'));
  });

  it('a message whose job runs again is not sent twice', async () => {
    const m = await message('09120000001');
    await t.server.ctx.jobs!.boss.send(QUEUES.deliverMessage, { id: m.id });
    await waitFor('the repeated job to finish', async () => {
      const [job] = await t.query<{ n: number }>(
        `select count(*)::int as n from pgboss.job where name = $1 and data->>'id' = $2 and state = 'completed'`,
        [QUEUES.deliverMessage, String(m.id)],
      );
      return job.n >= 2;
    });
    expect(gateway.callsTo('09120000001')).toHaveLength(1);
    expect(await message('09120000001')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a message left pending (a crash between commit and enqueue) is picked up by the sweep', async () => {
    // Ten minutes before the server's now: older than the sweep's five.
    const [{ id }] = await t.query<{ id: number }>(
      `insert into notifier_outbox (channel, recipient, body, template, created_at)
      values ('sms', '09121119999', 'left behind', 'notice.test', $1::timestamptz - interval '10 minutes') returning id`,
      [t.now()],
    );
    await t.server.ctx.jobs!.boss.send(QUEUES.sweepOutbox, {});
    expect(await settled('09121119999')).toMatchObject({ id, status: 'sent', attempts: 1 });
  });
});

describe('a message this process hands over', () => {
  it('is sent at once, not at the delivery worker’s next poll a minute later', async () => {
    const prompt = new ScriptedGateway();
    const s = await startTestServer({ transport: prompt, jobs: { pollingIntervalSeconds: 60 } });
    try {
      const asked = Date.now();
      expect((await s.anonymous().post('/api/v1/auth/citizen/otp', { mobile: '09120000001' })).statusCode).toBe(202);
      await waitFor('the code to reach the gateway', async () => prompt.callsTo('09120000001').length > 0, 15_000);
      expect(prompt.callsTo('09120000001')[0].at - asked).toBeLessThan(15_000);
    } finally {
      await s.stop();
    }
  });
});

describe.concurrent('retries with backoff', () => {
  it('a gateway that fails twice and then succeeds: retried with growing delays, ends sent after 3 attempts', async ({
    expect,
  }) => {
    gateway.failNext('09130000002', 2);
    await requestCode('09130000002');
    const m = await settled('09130000002');
    expect(m).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    const at = gateway.callsTo('09130000002').map((c) => c.at);
    expect(at).toHaveLength(3);
    // pg-boss waits retryDelay × 2^n (plus jitter) before retry n+1.
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(RETRY.retryDelay * 1000 - 50);
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(2 * RETRY.retryDelay * 1000 - 50);
  });

  it('a gateway that always fails: the message ends failed after the retry limit, with the error kept', async ({
    expect,
  }) => {
    gateway.failNext('09170000003', Number.POSITIVE_INFINITY);
    await requestCode('09170000003');
    const m = await settled('09170000003');
    expect(m).toMatchObject({
      status: 'failed',
      attempts: RETRY.retryLimit + 1,
      last_error: 'SMS gateway unavailable',
      sent_at: null,
    });
    expect(gateway.callsTo('09170000003')).toHaveLength(RETRY.retryLimit + 1);
  });
});

describePostgres('job queues started by several processes at once', () => {
  let clone: ClonedDatabase;
  beforeAll(async () => {
    clone = await cloneTemplate({ poolSize: 4 });
  });
  afterAll(async () => {
    await clone?.drop();
  });

  it('create the queues the database lacks without a deadlock between them', async () => {
    // Queues the template does not have yet, as after an upgrade that adds periodic jobs.
    const scheduled = Array.from({ length: 6 }, (_, i) => ({
      queue: `race.queue-${i}`,
      cron: '0 0 1 1 *',
      run: async () => null,
    }));
    const starting = Array.from({ length: 4 }, () =>
      createJobs(clone.database, new OutboxTransport(false), { work: false, scheduled }),
    );
    try {
      await Promise.all(starting.map((jobs) => jobs.start()));
      const queues = (await starting[0].boss.getQueues()).map((q) => q.name);
      for (const job of scheduled) expect(queues).toContain(job.queue);
    } finally {
      await Promise.all(starting.map((jobs) => jobs.stop()));
    }
  });
});
