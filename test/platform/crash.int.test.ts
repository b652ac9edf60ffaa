/**
 * A server killed with `kill -9` in the middle of concurrent filings, queue tickets and payments
 * (created with Idempotency-Keys, paid at the sandbox bank, their callbacks sent twice at once),
 * then started again on the same database: every write the server acknowledged is there, none was
 * made twice, no payment was credited twice, and a retry with the same key after the restart
 * answers what the first request answered. PostgreSQL only: the server runs in a process of its own.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SANDBOX_TEST_CARD } from '#server/modules/payments/sandbox-gateway';
import { describePostgres } from '../support/postgres';
import {
  type HttpClient,
  type OwnDatabase,
  ownDatabase,
  type ServerProcess,
  signInStaff,
  startServerProcess,
} from '../support/processes';

/** The kill comes once this many of each kind were acknowledged (or after LOAD_MS at most)… */
const ACKNOWLEDGED_BEFORE_KILL = 3;
const LOAD_MS = 30_000;
const WORKERS = 3;

const filingBody = (n: number) => ({
  service: 'petition',
  applicantCitizenId: 1,
  courtId: 1,
  branch: 3,
  subject: `مطالبهٔ وجه چک ${n}`,
  facts: 'خوانده وجه چک را نپرداخته است.',
  parties: [
    { kind: 'citizen', role: 'claimant', nationalId: '0499370899' },
    { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران' },
  ],
  claims: [{ description: 'مطالبهٔ وجه چک', valueRials: 500_000_000 }],
});
const paymentBody = { serviceCode: 'password-delivery', citizenId: 1 };
const hiddenFields = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
  );

describePostgres('a server killed mid-load (kill -9) and started again', () => {
  const clockOrigin = Date.now();
  let db: OwnDatabase;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    db = await ownDatabase();
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('keeps every acknowledged write once, credits no payment twice, and replays idempotent answers', async () => {
    server = await startServerProcess(db.url, { clockOrigin });
    const port = new URL(server.url).port;
    const operator = await signInStaff(server.url, 'operator.11001');
    const [{ max: paymentsBefore }] = await db.query<{ max: number }>(
      'select coalesce(max(id), 0)::int as max from payments',
    );

    const filings: number[] = [];
    const tickets: number[] = [];
    /** Every key sent, with the answer when one came. */
    const payments = new Map<string, { paymentId: number; receiptNumber: string } | null>();
    const callbacks: Record<string, string>[] = [];
    /** Answers other than the expected ones, while the server was up. */
    const unexpected: string[] = [];
    let stopped = false;
    let serial = 0;

    const payAndCallBack = async (client: HttpClient, redirectUrl: string) => {
      const bank = await client.request('POST', redirectUrl, {
        form: { ...SANDBOX_TEST_CARD, action: 'pay' },
      });
      const fields = hiddenFields(bank.body);
      if (!fields.token) return;
      callbacks.push(fields);
      // The browser's post and a double click: two callbacks at once.
      await Promise.all(
        [0, 1].map(() => client.request('POST', '/api/v1/payments/callback/sandbox', { form: fields })),
      );
    };

    const worker = async (w: number) => {
      while (!stopped) {
        const n = ++serial;
        try {
          const kind = n % 3;
          if (kind === 0) {
            const res = await operator.request('POST', '/api/v1/filings', { body: filingBody(n) });
            if (res.status === 201) filings.push(res.json().id);
            else unexpected.push(`filing ${res.status} ${res.body.slice(0, 200)}`);
          } else if (kind === 1) {
            const res = await operator.request('POST', '/api/v1/counter/tickets');
            if (res.status === 201) tickets.push(res.json().ticket.id);
            else unexpected.push(`ticket ${res.status} ${res.body.slice(0, 200)}`);
          } else {
            const key = `crash-${w}-${n}`;
            payments.set(key, null);
            const res = await operator.request('POST', '/api/v1/payments', {
              body: paymentBody,
              headers: { 'idempotency-key': key },
            });
            if (res.status === 201) {
              payments.set(key, res.json());
              await payAndCallBack(operator, res.json().redirectUrl);
            } else unexpected.push(`payment ${res.status} ${res.body.slice(0, 200)}`);
          }
        } catch {
          // The server went away under this request: it was not acknowledged.
        }
      }
    };

    const load = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    const acknowledged = () => [...payments.values()].filter((p) => p !== null).length;
    for (
      const until = Date.now() + LOAD_MS;
      Date.now() < until &&
      Math.min(filings.length, tickets.length, acknowledged(), callbacks.length) < ACKNOWLEDGED_BEFORE_KILL;
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
    // …in the middle of whatever is in flight then.
    await server.crash();
    stopped = true;
    await load;
    const acknowledgedPayments = acknowledged();
    expect(unexpected).toEqual([]);
    expect(Math.min(filings.length, tickets.length, acknowledgedPayments)).toBeGreaterThanOrEqual(
      ACKNOWLEDGED_BEFORE_KILL,
    );
    console.log(
      `[crash] killed after ${filings.length} filings, ${tickets.length} tickets and ${acknowledgedPayments} of ${payments.size} payments acknowledged, ${callbacks.length} paid at the bank`,
    );

    server = await startServerProcess(db.url, { clockOrigin, port: Number(port) });

    // Every acknowledged filing and ticket is there, once.
    const filingRows = await db.query<{ id: number }>('select id::int as id from filings where id = any($1)', [
      filings,
    ]);
    expect(filingRows.map((r) => r.id).sort()).toEqual([...new Set(filings)].sort());
    const ticketRows = await db.query<{ id: number }>('select id::int as id from queue_tickets where id = any($1)', [
      tickets,
    ]);
    expect(ticketRows.map((r) => r.id).sort()).toEqual([...new Set(tickets)].sort());
    const [dupTickets] = await db.query<{ n: number }>(
      'select count(*)::int as n from (select office_id, day, number from queue_tickets group by 1, 2, 3 having count(*) > 1) d',
    );
    expect(dupTickets.n).toBe(0);

    // A retry of every key after the restart: the acknowledged ones answer what they answered; the
    // others are done now, once.
    for (const [key, first] of payments) {
      const retry = await operator.request('POST', '/api/v1/payments', {
        body: paymentBody,
        headers: { 'idempotency-key': key },
      });
      expect(retry.status, retry.body).toBe(201);
      if (first) {
        expect(retry.json().paymentId).toBe(first.paymentId);
        expect(retry.json().receiptNumber).toBe(first.receiptNumber);
        expect(retry.headers.get('idempotent-replayed')).toBe('true');
      }
    }
    const [created] = await db.query<{ n: number }>('select count(*)::int as n from payments where id > $1', [
      paymentsBefore,
    ]);
    expect(created.n).toBe(payments.size);

    // The callbacks again, after the restart: nothing is credited a second time.
    for (const fields of callbacks)
      await operator.request('POST', '/api/v1/payments/callback/sandbox', { form: fields });
    const twice = await db.query(
      "select payment_id from payment_callbacks where verdict = 'credited' group by payment_id having count(*) > 1",
    );
    expect(twice).toEqual([]);
    const [paid] = await db.query<{ paid: number; credited: number }>(
      `select count(*) filter (where status = 'paid')::int as paid,
        (select count(distinct payment_id)::int from payment_callbacks where verdict = 'credited' and payment_id > $1) as credited
       from payments where id > $1`,
      [paymentsBefore],
    );
    expect(paid.credited).toBe(paid.paid);
  }, 240_000);
});
