// Open-loop HTTP load in its own thread (not the server's event loop): GET requests started at an even
// rate over up to `connections` keep-alive connections, each signed in as the next of many sessions.
// Latency runs from the moment a request was due, so time spent waiting for a free connection counts.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

// `paths`, when given, are taken in turn after `url` (one request of each kind of a mix after another).
const { url, tokens, rate, seconds, connections, paths } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies = [];
let failures = 0;
let pending = 0;
let sent = 0;
const start = performance.now();
const end = start + seconds * 1000;

function fire(i, due) {
  pending++;
  const req = http.get(
    paths ? url + paths[i % paths.length] : url,
    { agent, headers: { cookie: `daftar_session=${tokens[i % tokens.length]}` } },
    (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== 200) failures++;
        latencies.push(performance.now() - due);
        if (--pending === 0 && performance.now() >= end) done();
      });
    },
  );
  req.on('error', () => {
    failures++;
    if (--pending === 0 && performance.now() >= end) done();
  });
}

function done() {
  agent.destroy();
  parentPort.postMessage({ latencies, failures, sent, seconds });
}

function tick() {
  const now = performance.now();
  const until = Math.min(now, end);
  while (start + (sent * 1000) / rate <= until) {
    fire(sent, start + (sent * 1000) / rate);
    sent++;
  }
  if (now < end) setTimeout(tick, 1);
  else if (pending === 0) done();
}
tick();
