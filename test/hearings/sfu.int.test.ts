/**
 * A hearing through the SFU, seen from Janus's side: the server's requests to Janus's HTTP API
 * (a stand-in that records them and answers as Janus 1.1.2's videoroom does) and the `sfu`
 * messages on the signalling sockets. Only someone in a room holds a token for it: the judge at
 * once, a participant once admitted, never while waiting; a move to the consultation room takes
 * the main room's token back and kicks the feed before granting the other room, then sweeps the
 * room of feeds no token holder owns; a removal and a departure take the token back; the last one
 * out destroys the rooms. A page that cannot get into its room asks again (`sfu_again`) and gets a
 * new token, in a room made again if Janus forgot the old one. A hearing of four
 * participants stays peer to peer and never asks Janus for anything.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNationalId } from '#core/identifiers';
import { openSignalling, type Message } from '../support/signalling';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let janus: http.Server;
let judge: Client;
let party: Client;
let judgeUserId: number;
let partyUserId: number;
/** The videoroom requests Janus received, in order. */
const requests: Record<string, unknown>[] = [];
/** Who publishes in each room, as `listparticipants` answers. */
const publishing = new Map<number, { id: number }[]>();
/** Rooms this Janus no longer knows, as after a restart: a request naming one is answered 426. */
const forgotten = new Set<number>();

/** Janus 1.1.2's HTTP API, as much of it as the server uses: create, attach, and videoroom messages answered at once. */
function fakeJanus() {
  let ids = 1000;
  return http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const m = JSON.parse(body) as { janus: string; transaction: string; body?: Record<string, unknown> };
      const answer = (data: unknown) => res.end(JSON.stringify({ transaction: m.transaction, ...(data as object) }));
      if (m.janus === 'create' || m.janus === 'attach') return answer({ janus: 'success', data: { id: ++ids } });
      requests.push(m.body!);
      const r = m.body!;
      const data = forgotten.has(r.room as number)
        ? { videoroom: 'event', error_code: 426, error: `No such room (${String(r.room)})` }
        : r.request === 'create'
          ? { videoroom: 'created', room: r.room, permanent: false }
          : r.request === 'kick'
            ? { videoroom: 'event', error_code: 428, error: `No such user ${String(r.id)} in room ${String(r.room)}` }
            : r.request === 'destroy'
              ? { videoroom: 'destroyed', room: r.room }
              : r.request === 'listparticipants'
                ? { videoroom: 'participants', room: r.room, participants: publishing.get(r.room as number) ?? [] }
                : { videoroom: 'success', room: r.room };
      answer({ janus: 'success', plugindata: { plugin: 'janus.plugin.videoroom', data } });
    });
  });
}

async function insertHearing(participants: number) {
  const [kase] = await t.query<{ id: number }>(
    "insert into cases (case_number, court_id, branch, province_id, subject, opened_by) values ($1, 1, 1, 1, 'مطالبه وجه', 1) returning id::int as id",
    [`S-${participants}`],
  );
  const [h] = await t.query<{ id: number }>(
    `insert into hearings (case_id, court_id, province_id, judge_user_id, starts_at, duration_minutes, scheduled_by, state)
    values ($1, 1, 1, $2, now(), 30, 1, 'waiting') returning id::int as id`,
    [kase.id, judgeUserId],
  );
  // Citizen 1 (the party who signs in below) and as many others as asked for, made up to that many.
  const [{ n }] = await t.query<{ n: number }>('select count(*)::int as n from citizens');
  for (let i = n; i < participants; i++)
    await t.query(
      "insert into citizens (national_id, first_name, last_name, mobile, province_id) values ($1, 'شاهد', 'آزمون', $2, 1)",
      [makeNationalId(`00880000${i}`), `0918800000${i}`],
    );
  const rows = await t.query<{ id: number; citizenId: number }>(
    `insert into hearing_participants (hearing_id, role, citizen_id, name, mode)
    select $1, 'party', c.id, c.first_name, 'home' from (select * from citizens order by id limit $2) c
    returning id::int as id, citizen_id::int as "citizenId"`,
    [h.id, participants],
  );
  return { id: h.id, partyId: rows.find((r) => r.citizenId === 1)!.id };
}

const connect = (c: Client, hearingId: number) => openSignalling(t, `/api/v1/hearings/${hearingId}/signal`, c);
const grant = (m: Message) => m.type === 'sfu';
const since = (n: number) => requests.slice(n).map((r) => ({ ...r }));

beforeAll(async () => {
  janus = fakeJanus();
  await new Promise<void>((resolve) => janus.listen(0, '127.0.0.1', resolve));
  const port = (janus.address() as AddressInfo).port;
  t = await startTestServer({
    listen: true,
    env: {
      DAFTAR_JANUS_URL: 'wss://media.example.ir/janus',
      DAFTAR_JANUS_API_URL: `http://127.0.0.1:${port}/janus`,
      DAFTAR_JANUS_ADMIN_KEY: 'the-admin-key',
    },
  });
  [judge, party] = await Promise.all([t.signInStaff('judge.tehran'), t.signInCitizen('09120000001')]);
  const users = await t.query<{ id: number; username: string | null }>(
    "select id::int, username from users where username = 'judge.tehran' or (mobile = '09120000001' and kind = 'citizen')",
  );
  judgeUserId = users.find((u) => u.username === 'judge.tehran')!.id;
  partyUserId = users.find((u) => u.username !== 'judge.tehran')!.id;
});
afterAll(async () => {
  await t?.stop();
  await new Promise((resolve) => janus?.close(resolve));
});

describe('a hearing of five participants through the SFU', () => {
  it('hands out a token per person and room, only to someone in that room, and takes it back', async () => {
    const h = await insertHearing(5);
    const j = await connect(judge, h.id);
    expect(await j.next((m) => m.type === 'welcome')).toMatchObject({ kind: 'judge', media: 'sfu' });
    const judgeGrant = await j.next(grant);
    expect(judgeGrant).toMatchObject({ url: 'wss://media.example.ir/janus', feed: judgeUserId });
    const main = judgeGrant.room as number;
    expect(requests).toEqual([
      expect.objectContaining({
        request: 'create',
        room: main,
        admin_key: 'the-admin-key',
        is_private: true,
        allowed: [],
        require_pvtid: true,
      }),
      { request: 'allowed', room: main, secret: requests[0].secret, action: 'add', allowed: [judgeGrant.token] },
    ]);
    const secret = requests[0].secret;

    // In the waiting room: no token, nothing asked of Janus.
    const p = await connect(party, h.id);
    expect(await p.next((m) => m.type === 'welcome')).toMatchObject({ state: 'waiting', media: 'sfu' });
    await j.next((m) => m.type === 'presence' && (m.peers as unknown[]).length === 2);
    expect(requests).toHaveLength(2);

    // Admitted: a token of their own for the main room, under their own feed id.
    let seen = requests.length;
    j.send({ type: 'command', command: 'admit', participantId: h.partyId });
    const admitted = await p.next(grant);
    expect(admitted).toMatchObject({ room: main, feed: partyUserId });
    expect(admitted.token).not.toBe(judgeGrant.token);
    expect(since(seen)).toEqual([{ request: 'allowed', room: main, secret, action: 'add', allowed: [admitted.token] }]);

    // A page that joined the main room under a feed id it was not given (424242) publishes there
    // too, and stays once the party's own feed is kicked.
    publishing.set(main, [{ id: judgeUserId }, { id: 424242 }]);
    // To the consultation room: out of the main room (token back, feed kicked) before the other room's token.
    seen = requests.length;
    j.send({ type: 'command', command: 'to_consultation', participantId: h.partyId });
    const consulting = await p.next(grant);
    const consultation = consulting.room as number;
    expect(consultation).not.toBe(main);
    const moved = since(seen);
    expect(moved.slice(0, 2)).toEqual([
      { request: 'allowed', room: main, secret, action: 'remove', allowed: [admitted.token] },
      { request: 'kick', room: main, secret, id: partyUserId },
    ]);
    expect(moved[2]).toMatchObject({ request: 'create', room: consultation, is_private: true, allowed: [] });
    expect(moved[3]).toMatchObject({
      request: 'allowed',
      room: consultation,
      action: 'add',
      allowed: [consulting.token],
    });
    // The room they left is swept of any feed no token holder owns: the judge's stays, a stranger's goes.
    await expect.poll(() => since(seen).length).toBe(6);
    expect(since(seen).slice(4)).toEqual([
      { request: 'listparticipants', room: main, secret },
      { request: 'kick', room: main, secret, id: 424242 },
    ]);

    // Removed: the token taken back and the feed kicked; their socket closes.
    seen = requests.length;
    j.send({ type: 'command', command: 'remove', participantId: h.partyId });
    await expect.poll(() => since(seen).length).toBe(3);
    expect(since(seen)).toEqual([
      {
        request: 'allowed',
        room: consultation,
        secret: moved[2].secret,
        action: 'remove',
        allowed: [consulting.token],
      },
      { request: 'kick', room: consultation, secret: moved[2].secret, id: partyUserId },
      { request: 'listparticipants', room: consultation, secret: moved[2].secret },
    ]);

    // The last one out: the judge's token back, both rooms destroyed.
    seen = requests.length;
    j.socket.close();
    await expect.poll(() => since(seen).map((r) => r.request)).toEqual(['allowed', 'kick', 'destroy', 'destroy']);
    expect(
      since(seen)
        .filter((r) => r.request === 'destroy')
        .map((r) => r.room)
        .sort(),
    ).toEqual([main, consultation].sort());
  });
});

describe('a page that cannot get into its Janus room asks again', () => {
  it('gets a new token for the same room; after a Janus restart, for a room made again', async () => {
    const h = await insertHearing(6);
    const j = await connect(judge, h.id);
    const first = await j.next(grant);
    const main = first.room as number;
    const secret = requests.findLast((r) => r.request === 'create' && r.room === main)!.secret;

    // Its own tries with the token failed: the token is taken back, the feed kicked, a new one granted.
    let seen = requests.length;
    j.send({ type: 'sfu_again' });
    const again = await j.next(grant);
    expect(again).toMatchObject({ room: main, feed: judgeUserId });
    expect(again.token).not.toBe(first.token);
    expect(since(seen)).toEqual([
      { request: 'allowed', room: main, secret, action: 'remove', allowed: [first.token] },
      { request: 'kick', room: main, secret, id: judgeUserId },
      { request: 'allowed', room: main, secret, action: 'add', allowed: [again.token] },
    ]);

    // A participant in the waiting room asking gets nothing: no room is theirs yet.
    const p = await connect(party, h.id);
    await p.next((m) => m.type === 'welcome');
    await j.next((m) => m.type === 'presence' && (m.peers as unknown[]).length === 2);
    seen = requests.length;
    p.send({ type: 'sfu_again' });
    p.send({ type: 'hand', raised: true });
    await j.next((m) => m.type === 'presence' && (m.peers as { hand: boolean }[]).some((x) => x.hand));
    expect(since(seen)).toEqual([]);

    // Janus restarted and forgot the room: the next grant is for a room made again.
    forgotten.add(main);
    seen = requests.length;
    j.send({ type: 'sfu_again' });
    const remade = await j.next(grant);
    expect(remade.room).not.toBe(main);
    expect(since(seen).map((r) => [r.request, r.room === main ? 'old' : 'new'])).toEqual([
      ['allowed', 'old'],
      ['kick', 'old'],
      ['allowed', 'old'],
      ['create', 'new'],
      ['allowed', 'new'],
    ]);
    expect(since(seen)[4]).toMatchObject({ room: remade.room, action: 'add', allowed: [remade.token] });
    // The last one out destroys the room made again (the forgotten one too, which Janus says is gone).
    p.socket.close();
    j.socket.close();
    await expect.poll(() => requests.some((r) => r.request === 'destroy' && r.room === remade.room)).toBe(true);
  });
});

describe('a hearing of four participants', () => {
  it('stays peer to peer: nothing is asked of Janus', async () => {
    const h = await insertHearing(4);
    const seen = requests.length;
    const j = await connect(judge, h.id);
    expect(await j.next((m) => m.type === 'welcome')).toMatchObject({ media: 'mesh' });
    const p = await connect(party, h.id);
    await p.next((m) => m.type === 'welcome');
    j.send({ type: 'command', command: 'admit', participantId: h.partyId });
    await p.next((m) => m.type === 'presence' && (m.peers as { state: string }[]).every((x) => x.state === 'admitted'));
    expect(requests.length).toBe(seen);
    p.socket.close();
    j.socket.close();
  });
});
