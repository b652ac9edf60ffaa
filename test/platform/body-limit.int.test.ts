/**
 * A JSON body over the limit is answered 413 problem+json over a real socket, whether its size is
 * announced (Content-Length) or not (chunked), sent at once or slowly — and the connection is not
 * reset under the client while it is still sending, which would lose the answer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

const LIMIT = 1_048_576;
const URL_PATH = '/api/v1/auth/staff/login';

let t: TestServer;
let port: number;
beforeAll(async () => {
  t = await startTestServer({ listen: true });
  port = (t.server.app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await t?.stop();
});

interface Answer {
  status: number;
  type: string;
  body: string;
}

/**
 * Sends `size` bytes of a JSON body in pieces of `piece` bytes (with `pauseMs` between them), and
 * resolves with the answer, or rejects with the socket's error (ECONNRESET, EPIPE…).
 */
function send(options: { size: number; chunked: boolean; piece?: number; pauseMs?: number }): Promise<Answer> {
  const piece = options.piece ?? 64 * 1024;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (!options.chunked) headers['content-length'] = options.size;
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: URL_PATH, headers, agent: false });
    let answered: Answer | null = null;
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        answered = {
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type']),
          body: Buffer.concat(chunks).toString(),
        };
        resolve(answered);
      });
      res.on('error', reject);
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const body = Buffer.alloc(piece, 'a');
    body.write('{"username":"');
    let sent = 0;
    const next = () => {
      if (answered || req.destroyed) return;
      if (sent >= options.size) {
        req.end();
        return;
      }
      const n = Math.min(piece, options.size - sent);
      const chunk = sent === 0 ? body.subarray(0, n) : Buffer.alloc(n, 'a');
      sent += n;
      const goOn = () => (options.pauseMs ? setTimeout(next, options.pauseMs) : setImmediate(next));
      if (req.write(chunk)) goOn();
      else req.once('drain', goOn);
    };
    next();
  });
}

function expect413(answer: Answer) {
  expect(answer.status, answer.body.slice(0, 200)).toBe(413);
  expect(answer.type).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(answer.body)).toMatchObject({ status: 413, code: 'payload_too_large' });
}

describe('a JSON body over the limit, over a real socket', () => {
  it('announced by Content-Length and sent at once is a 413 problem, the connection not reset', async () => {
    for (let i = 0; i < 5; i++) expect413(await send({ size: LIMIT * 3, chunked: false }));
  });

  it('announced by Content-Length and sent slowly is a 413 problem', async () => {
    expect413(await send({ size: LIMIT * 2, chunked: false, pauseMs: 2 }));
  });

  it('chunked, without a length, is a 413 problem once it passes the limit', async () => {
    for (let i = 0; i < 5; i++) expect413(await send({ size: LIMIT * 3, chunked: true }));
  });

  it('just over the limit is a 413 problem, and a body at the limit is read', async () => {
    expect413(await send({ size: LIMIT + 1, chunked: false }));
    expect413(await send({ size: LIMIT + 1, chunked: true }));
    // At the limit the body is read: it is not JSON, so a 400 and not a 413.
    const atLimit = await send({ size: LIMIT, chunked: false });
    expect(atLimit.status).toBe(400);
  });

  it('many at once, announced or not, are all answered 413 and none is reset', async () => {
    for (let round = 0; round < 2; round++) {
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => send({ size: LIMIT * 4, chunked: i % 2 === 0 })),
      );
      for (const answer of answers) expect413(answer);
    }
  });
});
