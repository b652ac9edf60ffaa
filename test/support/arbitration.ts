/**
 * Bringing an arbitration case to its running term the way its people do, for the arbitration
 * area's integration tests: Amir starts it against Nazanin, both consent with the one-time codes
 * sent to them, the parties name arbitrator.tehran (from the registry) and as many arbitrators from
 * outside the registry as the agreement asks for, and each accepts — arbitrator.tehran for
 * themself, the seat office's operator recording the written answers of the others.
 */
import { expect } from 'vitest';
import type { Client, TestServer } from './test-server';

const AMIR_MOBILE = '09120000001';
export const NAZANIN = { nationalId: '1290000018', mobile: '09130000002' };

/** Arbitrators outside the registry, named after arbitrator.tehran when the agreement asks for more than one. */
const OUTSIDE_ARBITRATORS = [
  { nationalId: '0084575948', name: 'مهدی دادور' },
  { nationalId: '0013542419', name: 'سارا میانجی' },
];

/** The clients a case needs on its way to the running term, as signed in when it is asked for. */
export interface CaseParticipants {
  amir: Client;
  nazanin: Client;
  arbitrator: Client;
  operator: Client;
  arbitratorUserId: number;
}

/** The people of the arbitration tests as signed in now, with Saeed: a citizen on none of their cases. */
export interface SignedInPeople extends CaseParticipants {
  saeed: Client;
}

/**
 * Signs in everyone a case needs (and Saeed), and reads arbitrator.tehran's user id — the
 * registry's arbitrator the parties name. Also for a test whose clock jumped: sessions do not
 * outlive the jump.
 */
export async function signInPeople(
  t: Pick<TestServer, 'query' | 'signInCitizen' | 'signInStaff'>,
): Promise<SignedInPeople> {
  const [{ id: arbitratorUserId }] = await t.query<{ id: number }>(
    "select id::int as id from users where username = 'arbitrator.tehran'",
  );
  return {
    amir: await t.signInCitizen(AMIR_MOBILE),
    nazanin: await t.signInCitizen(NAZANIN.mobile),
    saeed: await t.signInCitizen('09170000003'),
    arbitrator: await t.signInStaff('arbitrator.tehran'),
    operator: await t.signInStaff('operator.11001'),
    arbitratorUserId,
  };
}

/** The consent code last sent to a party of a case, read from the SMS in the outbox. */
export async function consentCode(t: Pick<TestServer, 'query'>, mobile: string, caseId: number): Promise<string> {
  const [row] = await t.query<{ body: string }>(
    "select body from notifier_outbox where recipient = $1 and template = 'otp.arbitration-consent' and body like $2 order by id desc limit 1",
    [mobile, `%شمارهٔ ${caseId} %`],
  );
  const code = /\((\d{6})\)/.exec(row?.body ?? '')?.[1];
  if (!code) throw new Error(`no consent code for case ${caseId} sent to ${mobile}`);
  return code;
}

/** Amir starts a case on `agreement`; it is drafted, waiting for the parties' consent. */
export async function startedCase<C = { id: number }>(amir: Client, agreement: Record<string, unknown>): Promise<C> {
  const res = await amir.post('/api/v1/arbitrations', agreement);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as C;
}

/** A started case both parties have consented to; its body as started. */
export async function consentedCase<C extends { id: number }>(
  t: Pick<TestServer, 'query'>,
  people: Pick<CaseParticipants, 'amir' | 'nazanin'>,
  agreement: Record<string, unknown>,
): Promise<C> {
  const kase = await startedCase<C>(people.amir, agreement);
  for (const [client, mobile] of [
    [people.amir, AMIR_MOBILE],
    [people.nazanin, NAZANIN.mobile],
  ] as const) {
    const res = await client.post(`/api/v1/arbitrations/${kase.id}/consent`, {
      code: await consentCode(t, mobile, kase.id),
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  return kase;
}

/**
 * A case whose term runs: consented, its `arbitratorCount` arbitrators named and all accepted.
 * `beforeTerm` sees the case as started and after each answer but the last, for a test that
 * checks what must not happen before the term starts.
 */
export async function runningCase<C>(
  t: Pick<TestServer, 'query'>,
  people: CaseParticipants,
  agreement: Record<string, unknown> & { arbitratorCount: number },
  beforeTerm: (kase: unknown) => void = () => {},
): Promise<C> {
  const started = await consentedCase(t, people, agreement);
  beforeTerm(started);
  const id = started.id;
  const named = await people.amir.post(`/api/v1/arbitrations/${id}/arbitrators`, {
    arbitrators: [{ userId: people.arbitratorUserId }, ...OUTSIDE_ARBITRATORS.slice(0, agreement.arbitratorCount - 1)],
  });
  expect(named.statusCode, named.body).toBe(200);
  const [registered, ...outside] = named.json().arbitrators as { id: number }[];
  const answer = (client: Client, arbitratorId: number) =>
    client.post(`/api/v1/arbitrations/${id}/arbitrators/${arbitratorId}/answer`, { accept: true });
  let last = await answer(people.arbitrator, registered.id);
  for (const other of outside) {
    expect(last.statusCode, last.body).toBe(200);
    beforeTerm(last.json());
    last = await answer(people.operator, other.id);
  }
  expect(last.statusCode, last.body).toBe(200);
  expect(last.json().state).toBe('term_running');
  return last.json() as C;
}
