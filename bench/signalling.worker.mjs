// Signalling clients in their own thread (not the server's event loop): every participant of every
// hearing opens its socket at once, then each pair of a hearing negotiates as browsers do — an
// offer answered, then ICE candidates answered one by one — every pair at the same time. A round
// trip runs from one peer's send to the other peer's answer arriving back.
//
// `mode: 'daftar'` speaks the hearing room's protocol (`{type: 'signal', to, data}` relayed by the
// server to `to`, which arrives as `{type: 'signal', from, data}`). `mode: 'echo'` talks to a bare
// echo server: each message comes back to its sender, who hands it to the addressed peer in this
// thread — the same messages, the same four legs per round trip, with nothing behind the socket.
// `spreadMs: 0, gapMs: 0` sends every pair's next message as soon as the last is answered (a burst).
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const { WebSocket } = createRequire(import.meta.url)('ws');
const { url, mode, hearings, rounds, candidates, spreadMs, gapMs } = workerData;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// An offer's size in a real browser (an SDP with audio and video, several codecs), and a candidate's.
const SDP = 'v'.repeat(3000);
const CANDIDATE = 'c'.repeat(180);

const joinMs = [];
const roundTripMs = [];
let failures = 0;
const reasons = {};
const fail = (why) => {
  failures++;
  reasons[why] = (reasons[why] ?? 0) + 1;
};

/** Each peer's socket, and the waiters for the answers it expects, by `${from}:${seq}`. */
const peers = new Map();

function deliver(to, from, data) {
  const peer = peers.get(to);
  if (!peer) return;
  if (data.kind === 'offer' || data.kind === 'candidate') {
    // The answering side: an answer (to an offer) or its own candidate (to one received).
    const reply = {
      kind: data.kind === 'offer' ? 'answer' : 'candidate-back',
      seq: data.seq,
      body: data.kind === 'offer' ? SDP : CANDIDATE,
    };
    send(peer, from, reply);
    return;
  }
  const key = `${from}:${data.seq}`;
  const waiter = peer.waiting.get(key);
  if (waiter) {
    peer.waiting.delete(key);
    waiter();
  }
}

function send(peer, to, data) {
  peer.socket.send(JSON.stringify({ type: 'signal', to, data }));
}

function open(peer) {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = new WebSocket(url.replace('{hearing}', String(peer.hearingId)), {
      headers: peer.cookie ? { cookie: peer.cookie } : {},
      perMessageDeflate: false,
    });
    peer.socket = socket;
    peer.waiting = new Map();
    let welcomed = false;
    const welcome = () => {
      if (welcomed) return;
      welcomed = true;
      joinMs.push(performance.now() - started);
      resolve();
    };
    socket.on('message', (raw) => {
      const m = JSON.parse(String(raw));
      if (mode === 'echo') {
        if (m.type === 'hello') welcome();
        else if (m.type === 'signal') deliver(m.to, peer.peerId, m.data);
        return;
      }
      if (m.type === 'welcome') welcome();
      else if (m.type === 'signal') deliver(peer.peerId, m.from, m.data);
      else if (m.type === 'error') fail(`error ${m.code}`);
    });
    socket.on('open', () => {
      if (mode === 'echo') socket.send(JSON.stringify({ type: 'hello' }));
    });
    socket.on('error', (e) => {
      fail(`socket ${e.message}`);
      welcome();
    });
    socket.on('close', (code) => {
      if (!welcomed) fail(`closed ${code} before welcome`);
      welcome();
    });
  });
}

function roundTrip(a, b, data) {
  return new Promise((resolve) => {
    const started = performance.now();
    a.waiting.set(`${b.peerId}:${data.seq}`, () => {
      roundTripMs.push(performance.now() - started);
      resolve();
    });
    send(a, b.peerId, data);
  });
}

// A browser starts negotiating once its camera is open (within `spreadMs` of the welcome) and sends
// each ICE candidate as it is gathered (`gapMs` apart); the waits are not counted in the round trips.
async function negotiate(a, b) {
  let seq = 0;
  await sleep(Math.random() * spreadMs);
  for (let r = 0; r < rounds; r++) {
    await roundTrip(a, b, { kind: 'offer', seq: seq++, body: SDP });
    for (let c = 0; c < candidates; c++) {
      await sleep(gapMs);
      await roundTrip(a, b, { kind: 'candidate', seq: seq++, body: CANDIDATE });
    }
  }
}

const all = hearings.flatMap((h) => h.peers.map((p) => ({ ...p, hearingId: h.id })));
// The server names peers by user (`u<id>`): unique across hearings here, every participant being a different person.
for (const p of all) peers.set(p.peerId, p);

const joinStarted = performance.now();
await Promise.all(all.map(open));
const joinSeconds = (performance.now() - joinStarted) / 1000;

const exchangeStarted = performance.now();
const pairs = hearings.flatMap((h) => {
  const ps = h.peers.map((p) => peers.get(p.peerId));
  const out = [];
  for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) out.push([ps[i], ps[j]]);
  return out;
});
const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 120_000));
const finished = await Promise.race([Promise.all(pairs.map(([a, b]) => negotiate(a, b))), timeout]);
if (finished === 'timeout') fail('exchange timed out');
const exchangeSeconds = (performance.now() - exchangeStarted) / 1000;

for (const p of all) p.socket.close();
parentPort.postMessage({ joinMs, roundTripMs, failures, reasons, joinSeconds, exchangeSeconds, pairs: pairs.length });
