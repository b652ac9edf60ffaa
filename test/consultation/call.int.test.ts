/**
 * A video consultation's call, the citizen's and the consultant's no-shows, the registry's field
 * errors and the ratings the quality area reads — through the API on the test world's Tuesday
 * 15 Ordibehesht 1405, 10:00 in Tehran (06:30 UTC).
 *
 * The call's socket relays WebRTC signals between the session's two people only: anyone else is
 * refused before the upgrade, and so is a session whose time (from ten minutes before its start to
 * its end, on the server's clock) has not come.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, fieldErrors } from '../support/problems';
import { startTestServer, type Client, type TestServer } from '../support/test-server';
import { openSignalling, type Message } from '../support/signalling';

let t: TestServer;
let citizen1: Client;
let citizen2: Client;
let consultant: Client;
let tehranAssociation: Client;
let kaveh: number;
let citizenId: number;
/** A confirmed video session running now (10:00–11:00), one tomorrow, and one held at office 1 this morning. */
let now: number;
let tomorrow: number;
let heldAtOffice: number;

async function insertBooking(over: {
  mode: string;
  officeId: number | null;
  startsAt: string;
  endsAt: string;
  status: string;
}) {
  const [row] = await t.query<{ id: number }>(
    `insert into consultation_bookings (consultant_id, citizen_id, mode, office_id, room, province_id, field, starts_at,
       ends_at, status, channel, booked_by, consultant_fee_rials, office_fee_rials, total_rials, hold_until, created_at)
     values ($1, $2, $3, $4, $5, 1, 'family', $6, $7, $8, 'online', 1, 3000000, 0, 3000000, $6, $6) returning id::int as id`,
    [kaveh, citizenId, over.mode, over.officeId, over.officeId ? 2 : null, over.startsAt, over.endsAt, over.status],
  );
  return row.id;
}

beforeAll(async () => {
  t = await startTestServer({ listen: true });
  [consultant, tehranAssociation] = await Promise.all(
    ['consultant.11001', 'association.tehran'].map((u) => t.signInStaff(u)),
  );
  citizen1 = await t.signInCitizen('09120000001');
  citizen2 = await t.signInCitizen('09130000002');
  [{ id: kaveh }] = await t.query<{ id: number }>("select id from consultants where licence_number = '11-4821'");
  [{ id: citizenId }] = await t.query<{ id: number }>(
    "select id::int as id from citizens where mobile = '09120000001'",
  );
  now = await insertBooking({
    mode: 'video',
    officeId: null,
    startsAt: '2026-05-05T06:30:00Z',
    endsAt: '2026-05-05T07:30:00Z',
    status: 'confirmed',
  });
  tomorrow = await insertBooking({
    mode: 'video',
    officeId: null,
    startsAt: '2026-05-06T12:30:00Z',
    endsAt: '2026-05-06T13:30:00Z',
    status: 'confirmed',
  });
  heldAtOffice = await insertBooking({
    mode: 'office',
    officeId: 1,
    startsAt: '2026-05-05T04:00:00Z',
    endsAt: '2026-05-05T05:00:00Z',
    status: 'held',
  });
});
afterAll(async () => {
  await t?.stop();
});

const connect = (c: Client | null, bookingId: number, headers: Record<string, string> = {}) =>
  openSignalling(t, `/api/v1/consultation/bookings/${bookingId}/signal`, c, headers);

describe('the video call', () => {
  it("is offered on the server's clock: open for the session running now, not for tomorrow's", async () => {
    const mine = (await citizen1.get('/api/v1/consultation/bookings/mine')).json().items as {
      id: number;
      callOpen: boolean;
    }[];
    expect(mine.find((b) => b.id === now)?.callOpen).toBe(true);
    expect(mine.find((b) => b.id === tomorrow)?.callOpen).toBe(false);
    expect(mine.find((b) => b.id === heldAtOffice)?.callOpen).toBe(false);
  });

  it('refuses anyone but the citizen and the consultant, and a session whose time has not come, before the upgrade', async () => {
    await expect(connect(citizen2, now)).rejects.toThrow('Unexpected server response: 404');
    await expect(connect(tehranAssociation, now)).rejects.toThrow('Unexpected server response: 404');
    await expect(connect(null, now)).rejects.toThrow('Unexpected server response: 401');
    await expect(connect(citizen1, 999_999)).rejects.toThrow('Unexpected server response: 404');
    await expect(connect(citizen1, now, { origin: 'https://elsewhere.example' })).rejects.toThrow(
      'Unexpected server response: 403',
    );
    await expect(connect(citizen1, tomorrow)).rejects.toThrow('Unexpected server response: 409');
    await expect(connect(consultant, heldAtOffice)).rejects.toThrow('Unexpected server response: 409');
  });

  it('relays an offer and an answer between the two people of the session', async () => {
    const c = await connect(citizen1, now);
    const me = (await c.next((m) => m.type === 'welcome')) as Message & { peerId: string };
    expect(me.role).toBe('citizen');
    const k = await connect(consultant, now);
    const them = (await k.next((m) => m.type === 'welcome')) as Message & { peerId: string };
    expect(them.role).toBe('consultant');
    const both = await c.next((m) => m.type === 'presence' && (m.peers as unknown[]).length === 2);
    expect((both.peers as { role: string; name: string }[]).map((p) => [p.role, p.name])).toEqual([
      ['citizen', 'امیر تهرانی'],
      ['consultant', 'کاوه شریفی'],
    ]);
    c.send({ type: 'signal', to: them.peerId, data: { description: { type: 'offer', sdp: 'v=0' } } });
    expect(await k.next((m) => m.type === 'signal')).toMatchObject({
      from: me.peerId,
      data: { description: { type: 'offer' } },
    });
    k.send({ type: 'signal', to: me.peerId, data: { description: { type: 'answer', sdp: 'v=0' } } });
    expect(await c.next((m) => m.type === 'signal')).toMatchObject({ from: them.peerId });
    // Nobody else to signal to.
    c.send({ type: 'signal', to: 'b999', data: {} });
    expect(await c.next((m) => m.type === 'error')).toMatchObject({ code: 'not_in_room' });
    k.socket.close();
    await c.next((m) => m.type === 'presence' && (m.peers as unknown[]).length === 1);
    c.socket.close();
  });
});

describe('no-shows on both sides', () => {
  it('the citizen records that the consultant did not come, once the session has started, and only that', async () => {
    expectProblem(
      await citizen1.post(`/api/v1/consultation/bookings/${now}/attendance`, { outcome: 'held' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await citizen1.post(`/api/v1/consultation/bookings/${tomorrow}/attendance`, { outcome: 'consultant-no-show' }),
      409,
      'consultation_status_conflict',
    );
    expectProblem(
      await citizen2.post(`/api/v1/consultation/bookings/${now}/attendance`, { outcome: 'consultant-no-show' }),
      404,
      'not_found',
    );
    const res = await citizen1.post(`/api/v1/consultation/bookings/${now}/attendance`, {
      outcome: 'consultant-no-show',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'consultant-no-show', callOpen: false });
    const [audit] = await t.query<{ data: { outcome: string } }>(
      "select data from audit_events where action = 'consultation.booking.attendance' and entity_id = $1",
      [String(now)],
    );
    expect(audit.data.outcome).toBe('consultant-no-show');
  });
});

describe("the consultant's day and the registry form", () => {
  it("names the day it shows: today by the server's clock, or the day asked for", async () => {
    const today = (await consultant.get('/api/v1/consultation/sessions')).json();
    expect([today.date, today.dateIso]).toEqual(['1405-02-15', '2026-05-05']);
    const next = (
      await consultant.get(`/api/v1/consultation/sessions?date=${encodeURIComponent('۱۴۰۵/۰۲/۱۶')}`)
    ).json();
    expect(next.date).toBe('1405-02-16');
    expect(next.items.map((b: { id: number }) => b.id)).toContain(tomorrow);
  });

  it('a licence number already in the registry is an error on its field; a change without a username keeps the account', async () => {
    const kavehRecord = (await tehranAssociation.get('/api/v1/consultation/registry'))
      .json()
      .items.find((c: { id: number }) => c.id === kaveh);
    expect(kavehRecord.username).toBe('consultant.11001');
    const body = {
      kind: kavehRecord.kind,
      firstName: kavehRecord.firstName,
      lastName: kavehRecord.lastName,
      licenceNumber: kavehRecord.licenceNumber,
      licenceExpiresOn: kavehRecord.licenceExpiresOn,
      provinceId: 1,
      fields: kavehRecord.fields,
      languages: kavehRecord.languages,
      feeRials: kavehRecord.feeRials,
      sessionMinutes: kavehRecord.sessionMinutes,
      cutoffHours: kavehRecord.cutoffHours,
    };
    const p = expectProblem(
      await tehranAssociation.post('/api/v1/consultation/registry', body),
      409,
      'consultant_licence_taken',
    );
    expect(fieldErrors(p).licenceNumber.code).toBe('duplicate_entry');
    const changed = await tehranAssociation.request({
      method: 'PUT',
      url: `/api/v1/consultation/registry/${kaveh}`,
      body: { ...body, cutoffHours: 12 },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ cutoffHours: 12, username: 'consultant.11001' });
  });
});

describe('ratings for the quality area', () => {
  it("the office's month facts carry the citizens' ratings of consultations held there", async () => {
    const rated = await citizen1.post(`/api/v1/consultation/bookings/${heldAtOffice}/rating`, {
      stars: 2,
      text: 'دیر شروع شد',
    });
    expect(rated.statusCode, rated.body).toBe(200);
    const facts = await tehranAssociation.get('/api/v1/quality/offices/1/facts?month=1405-02');
    expect(facts.statusCode, facts.body).toBe(200);
    const c = facts.json().consultations;
    expect(c.rated).toBeGreaterThanOrEqual(1);
    expect(c.byStars[1]).toBeGreaterThanOrEqual(1);
    expect(c.comments[0]).toMatchObject({ stars: 2, text: 'دیر شروع شد', consultant: 'کاوه شریفی' });
    // A month without ratings says so.
    const before = (await tehranAssociation.get('/api/v1/quality/offices/1/facts?month=1404-11')).json();
    expect(before.consultations).toEqual({ rated: 0, averageStars: null, byStars: [0, 0, 0, 0, 0], comments: [] });
  });
});
