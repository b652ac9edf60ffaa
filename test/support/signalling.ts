/**
 * A signalling WebSocket (a hearing room's, a consultation call's) opened by a signed-in client
 * over a real socket, its messages queued, with a wait for the next message that matches.
 */
import { createRequire } from 'node:module';
import type { Client, TestServer } from './test-server';

interface Socket {
  send(data: string): void;
  close(): void;
  on(event: 'message', listener: (data: Buffer) => void): void;
  on(event: 'open', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
}
/** The WebSocket client of the `ws` package the server's WebSocket plugin runs on. */
const { WebSocket } = createRequire(import.meta.url)('ws') as {
  WebSocket: new (url: string, options: { headers: Record<string, string> }) => Socket;
};

export type Message = Record<string, unknown> & { type: string };

const cookieOf = (c: Client) => [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

export async function openSignalling(
  t: TestServer,
  path: string,
  c: Client | null,
  headers: Record<string, string> = {},
) {
  const inbox: Message[] = [];
  const waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  const socket = new WebSocket(`${t.server.url.replace(/^http/, 'ws')}${path}`, {
    headers: { ...(c ? { cookie: cookieOf(c) } : {}), ...headers },
  });
  socket.on('message', (data) => {
    const m = JSON.parse(String(data)) as Message;
    const w = waiters.findIndex((x) => x.match(m));
    if (w >= 0) waiters.splice(w, 1)[0].resolve(m);
    else inbox.push(m);
  });
  await new Promise<void>((resolve, reject) => {
    socket.on('open', resolve);
    socket.on('error', reject);
  });
  return {
    socket,
    /** Sends a message, forgetting those received so far (a wait then sees only what follows). */
    send: (m: unknown) => {
      inbox.length = 0;
      socket.send(JSON.stringify(m));
    },
    next(match: (m: Message) => boolean): Promise<Message> {
      const i = inbox.findIndex(match);
      if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no such message')), 5_000);
        waiters.push({
          match,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
  };
}
