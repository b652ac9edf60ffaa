/**
 * The STUN and TURN servers of the call pages, on a server configured with a STUN server, a coturn
 * TURN server sharing its `static-auth-secret`, and a TURN server with fixed credentials: the
 * hearing room's and the video consultation's peer connections ask for them, and only those seated
 * in the call get them — each with TURN credentials of their own, valid for the TTL (coturn's
 * "TURN REST API": username `expiry:userId`, credential base64(HMAC-SHA1(secret, username))).
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

const SECRET = 'coturn-static-auth-secret';
let t: TestServer;
let party: Client;
let other: Client;
let judge: Client;
let isfahanClerk: Client;
let consultant: Client;
let hearingId: number;
let videoNow: number;
let held: number;

beforeAll(async () => {
  t = await startTestServer({
    env: {
      DAFTAR_ICE_SERVERS: JSON.stringify([
        { urls: 'stun:stun.daftar.example:3478' },
        { urls: ['turn:turn.daftar.example:3478?transport=udp', 'turns:turn.daftar.example:5349'] },
        { urls: 'turn:relay.example:3478', username: 'fixed', credential: 'fixed-password' },
      ]),
      DAFTAR_TURN_SECRET: SECRET,
      DAFTAR_TURN_TTL_SECONDS: '7200',
    },
  });
  [judge, isfahanClerk, consultant] = await Promise.all(
    ['judge.tehran', 'clerk.isfahan', 'consultant.11001'].map((u) => t.signInStaff(u)),
  );
  party = await t.signInCitizen('09120000001');
  other = await t.signInCitizen('09130000002');
  const [kase] = await t.query<{ id: number }>(
    `insert into cases (case_number, court_id, branch, province_id, subject, opened_by)
    values ('ICE-1', 1, 1, 1, 'مطالبهٔ وجه', 1) returning id::int as id`,
  );
  const [j] = await t.query<{ id: number }>("select id::int as id from users where username = 'judge.tehran'");
  const [h] = await t.query<{ id: number }>(
    `insert into hearings (case_id, court_id, province_id, judge_user_id, starts_at, duration_minutes, scheduled_by, state)
    values ($1, 1, 1, $2, $3, 30, 1, 'waiting') returning id::int as id`,
    [kase.id, j.id, t.now()],
  );
  hearingId = h.id;
  await t.query(
    "insert into hearing_participants (hearing_id, role, citizen_id, name, mode) values ($1, 'party', 1, 'امیر تهرانی', 'home')",
    [hearingId],
  );
  const [{ id: kaveh }] = await t.query<{ id: number }>("select id from consultants where licence_number = '11-4821'");
  const booking = async (status: string, startsAt: Date) => {
    const endsAt = new Date(startsAt.getTime() + 3_600_000);
    const [row] = await t.query<{ id: number }>(
      `insert into consultation_bookings (consultant_id, citizen_id, mode, office_id, room, province_id, field, starts_at,
         ends_at, status, channel, booked_by, consultant_fee_rials, office_fee_rials, total_rials, hold_until, created_at)
       values ($1, 1, 'video', null, null, 1, 'family', $2, $3, $4, 'online', 1, 3000000, 0, 3000000, $2, $2)
       returning id::int as id`,
      [kaveh, startsAt, endsAt, status],
    );
    return row.id;
  };
  for (const [key, where] of [
    ['party', "citizen_id = (select id from citizens where mobile = '09120000001')"],
    ['judge', "username = 'judge.tehran'"],
    ['consultant', "username = 'consultant.11001'"],
  ])
    ids[key] = (await t.query<{ id: number }>(`select id::int as id from users where ${where}`))[0].id;
  videoNow = await booking('confirmed', t.now());
  held = await booking('held', new Date(t.now().getTime() - 3 * 3_600_000));
});
afterAll(async () => {
  await t?.stop();
});

/** What coturn computes for a username: HMAC-SHA1 keyed by the shared secret, in base64. */
const coturn = (username: string) => createHmac('sha1', SECRET).update(username).digest('base64');

/** The user ids of the people signed in above. */
const ids: Record<string, number> = {};
const userIdOf = (c: Client) => ids[c === party ? 'party' : c === judge ? 'judge' : 'consultant'];

describe('the hearing room', () => {
  it('a participant gets the servers, the TURN ones with credentials of their own for two hours', async () => {
    const res = await party.get(`/api/v1/hearings/${hearingId}/ice-servers`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const expiry = Math.floor(t.now().getTime() / 1000) + 7200;
    const uid = userIdOf(party);
    expect(body.iceServers[0]).toEqual({ urls: ['stun:stun.daftar.example:3478'] });
    const turn = body.iceServers[1];
    expect(turn.urls).toEqual(['turn:turn.daftar.example:3478?transport=udp', 'turns:turn.daftar.example:5349']);
    // The server's clock runs on between the two readings: the expiry is within a few seconds of two hours on.
    const [at, who] = turn.username.split(':');
    expect(Number(at) - expiry).toBeGreaterThanOrEqual(0);
    expect(Number(at) - expiry).toBeLessThan(30);
    expect(Number(who)).toBe(uid);
    expect(turn.credential).toBe(coturn(turn.username));
    expect(body.iceServers[2]).toEqual({
      urls: ['turn:relay.example:3478'],
      username: 'fixed',
      credential: 'fixed-password',
    });
    expect(new Date(body.expiresAt).getTime()).toBe(Number(at) * 1000);
  });

  it('the presiding judge gets credentials of their own, not the party’s', async () => {
    const body = (await judge.get(`/api/v1/hearings/${hearingId}/ice-servers`)).json();
    expect(body.iceServers[1].username.split(':')[1]).toBe(String(userIdOf(judge)));
  });

  it('a citizen not called to the hearing, and another province’s clerk, are told it does not exist', async () => {
    expectProblem(await other.get(`/api/v1/hearings/${hearingId}/ice-servers`), 404, 'not_found');
    expectProblem(await isfahanClerk.get(`/api/v1/hearings/${hearingId}/ice-servers`), 404, 'not_found');
    expectProblem(await t.anonymous().get(`/api/v1/hearings/${hearingId}/ice-servers`), 401, 'unauthenticated');
  });
});

describe('the video consultation', () => {
  it('its citizen and its consultant get the servers while the call may be joined', async () => {
    for (const c of [party, consultant]) {
      const res = await c.get(`/api/v1/consultation/bookings/${videoNow}/ice-servers`);
      expect(res.statusCode, res.body).toBe(200);
      const turn = res.json().iceServers[1];
      expect(turn.username.split(':')[1]).toBe(String(userIdOf(c)));
      expect(turn.credential).toBe(coturn(turn.username));
    }
  });

  it('anyone else is told the session does not exist; a held session’s call is closed', async () => {
    expectProblem(await other.get(`/api/v1/consultation/bookings/${videoNow}/ice-servers`), 404, 'not_found');
    expectProblem(await judge.get(`/api/v1/consultation/bookings/${videoNow}/ice-servers`), 404, 'not_found');
    expectProblem(
      await party.get(`/api/v1/consultation/bookings/${held}/ice-servers`),
      409,
      'consultation_call_closed',
    );
  });
});
