/**
 * Paged lists the server sorts: `sort=<column>:<asc|desc>` orders the whole list before it is cut
 * into pages, so reading page after page gives every row once, in order; a column a list does not
 * sort by is a field error on `sort` (problem+json, Persian and English), never a 500. The expected
 * order is worked out here from every row of the list (fetched in one page) and the rule "the chosen
 * column, rows without a value last, then the row's id in the same direction".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let regulator: Client;
let association: Client;
let examId = 0;
beforeAll(async () => {
  t = await startTestServer();
  [regulator, association] = await Promise.all([t.signInStaff('regulator'), t.signInStaff('association')]);
  const [{ id }] = await t.query<{ id: number }>(
    'select exam_id::int as id from exam_attempts group by exam_id order by count(*) desc limit 1',
  );
  examId = id;
  // The demo has no payment yet: seven at two offices, two of the same amount (the id then decides).
  const [{ by }] = await t.query<{ by: number }>("select id::int as by from users where username = 'manager.11001'");
  const amounts = [500_000, 1_250_000, 90_000, 500_000, 3_000_000, 750_000, 12_000];
  for (const [i, amount] of amounts.entries())
    await t.query(
      `insert into payments (receipt_number, purpose, amount_rials, status, gateway, gateway_token, office_id, province_id, channel, created_by, created_at, expires_at)
      values ($1, 'service', $2, 'paid', 'sandbox', $1, $3, 1, 'office', $4, $5, $5::timestamptz + interval '1 hour')`,
      [`S${process.pid}${(7 - i) * 37}`, amount, 1 + (i % 2), by, t.now()],
    );
});
afterAll(async () => {
  await t?.stop();
});

type Item = Record<string, unknown>;
type Value = string | number | null;

/** The rows in the order the rule gives: by the value (absent last either way), then by id, both in `dir`. */
function expectedOrder(items: Item[], value: (i: Item) => Value, id: (i: Item) => number, dir: 'asc' | 'desc') {
  const sign = dir === 'asc' ? 1 : -1;
  return [...items]
    .sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x == null || y == null) return x == null ? (y == null ? sign * (id(a) - id(b)) : 1) : -1;
      if (x !== y) return sign * (x < y ? -1 : 1);
      return sign * (id(a) - id(b));
    })
    .map(id);
}

/** Every page of a sorted list, read one after the other, with the page size that makes at least three pages. */
async function readAllPages(client: Client, path: string, sort: string, total: number) {
  const pageSize = Math.max(1, Math.floor(total / 3));
  const ids: Item[] = [];
  for (let page = 1; (page - 1) * pageSize < total; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await client.get(`${path}${sep}sort=${sort}&page=${page}&pageSize=${pageSize}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: Item[]; total: number; page: number };
    expect(body.total).toBe(total);
    expect(body.page).toBe(page);
    ids.push(...body.items);
  }
  return ids;
}

interface Case {
  list: string;
  client: () => Client;
  path: () => string;
  maxPageSize: number;
  column: string;
  value: (i: Item) => Value;
  id: (i: Item) => number;
}

const cases: Case[] = [
  {
    list: 'staff accounts (/users) by national ID',
    client: () => regulator,
    path: () => '/api/v1/users',
    maxPageSize: 200,
    column: 'nationalId',
    value: (u) => u.nationalId as string | null,
    id: (u) => u.id as number,
  },
  {
    list: 'staff accounts (/users) by the day the account was made',
    client: () => regulator,
    path: () => '/api/v1/users',
    maxPageSize: 200,
    column: 'createdAt',
    value: (u) => u.createdAt as string,
    id: (u) => u.id as number,
  },
  {
    list: 'payments by amount',
    client: () => regulator,
    path: () => '/api/v1/payments',
    maxPageSize: 200,
    column: 'amount',
    value: (p) => p.amountRials as number,
    id: (p) => p.id as number,
  },
  {
    list: 'payments by receipt number',
    client: () => regulator,
    path: () => '/api/v1/payments',
    maxPageSize: 200,
    column: 'receiptNumber',
    value: (p) => p.receiptNumber as string | null,
    id: (p) => p.id as number,
  },
  {
    list: "an exam's results by the candidate's office",
    client: () => association,
    path: () => `/api/v1/training/exams/${examId}/results`,
    maxPageSize: 200,
    column: 'office',
    value: (r) => r.officeCode as string | null,
    id: (r) => r.attemptId as number,
  },
  {
    list: 'the staff registry by national ID',
    client: () => regulator,
    path: () => '/api/v1/staff',
    maxPageSize: 100,
    column: 'nationalId',
    value: (s) => s.nationalId as string | null,
    id: (s) => s.id as number,
  },
  {
    list: 'activity licences by expiry',
    client: () => association,
    path: () => '/api/v1/licences',
    maxPageSize: 200,
    column: 'expires',
    value: (l) => l.expiresOn as string,
    id: (l) => l.id as number,
  },
  {
    list: 'activity licences by number',
    client: () => association,
    path: () => '/api/v1/licences',
    maxPageSize: 200,
    column: 'number',
    value: (l) => l.number as string,
    id: (l) => l.id as number,
  },
];

describe.each(cases)('$list', (c) => {
  it.each(['asc', 'desc'] as const)('sorted %s, page after page gives every row once, in order', async (dir) => {
    const all = (await c.client().get(`${c.path()}?pageSize=${c.maxPageSize}`)).json() as {
      items: Item[];
      total: number;
    };
    // The demo data has enough rows for several pages, and this test reads them all in one.
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.items.length).toBe(all.total);
    const pages = await readAllPages(c.client(), c.path(), `${c.column}:${dir}`, all.total);
    expect(pages.map(c.id)).toEqual(expectedOrder(all.items, c.value, c.id, dir));
  });

  it('a column the list does not sort by is a field error on sort', async () => {
    const res = await c.client().get(`${c.path()}?sort=mobile:asc`);
    const body = expectProblem(res, 400, 'validation_failed');
    expect(Object.keys(fieldErrors(body))).toEqual(['sort']);
    expectProblem(await c.client().get(`${c.path()}?sort=${c.column}:sideways`), 400, 'validation_failed');
  });
});

describe('the staff registry keeps its own order without a sort', () => {
  it('by last name, then first name (as before), and the same when asked for by name', async () => {
    const plain = (await regulator.get('/api/v1/staff?pageSize=100')).json() as { items: { id: number }[] };
    const byName = (await regulator.get('/api/v1/staff?pageSize=100&sort=name:asc')).json() as {
      items: { id: number }[];
    };
    expect(byName.items.map((s) => s.id)).toEqual(plain.items.map((s) => s.id));
  });
});
