/**
 * A video consultation's call: a WebSocket at /api/v1/consultation/bookings/:id/signal that relays
 * WebRTC offers, answers and ICE candidates between the session's two people — its citizen and its
 * consultant — with the hearings area's room pieces (the socket shape, `send`, the same-origin
 * check) and the same messages its room page speaks: `welcome` {peerId}, `presence` {peers}, and
 * `signal` {from, data}; the client sends `signal` {to, data}. Media go peer to peer; of the two,
 * the smaller peer id offers.
 *
 * The upgrade is authenticated by the session cookie and refused (404, the booking's existence not
 * revealed) to anyone but those two, for a booking that is not a confirmed video session, or
 * outside its time on the server's clock: from ten minutes before the start to the end.
 * Calls live in this process's memory, like the hearing rooms.
 */
import { z } from 'zod';
import { send, type WebSocket } from '#server/modules/hearings/rooms';
import { sameOrigin } from '#server/modules/hearings/signalling';
import type { Actor } from '#server/platform/auth/actor';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import type { Api } from '#server/platform/http/api';
import { idParams } from '#server/platform/http/fields';
import { iceServersFor } from '#server/platform/ice-servers';
import * as store from './store';

/** A call may be joined this long before the session starts. */
const CALL_OPENS_MINUTES_BEFORE = 10;

interface CallPeer {
  peerId: string;
  role: 'citizen' | 'consultant';
  name: string;
  socket: WebSocket;
}

const calls = new Map<number, Map<string, CallPeer>>();

const clientMessage = z.object({
  type: z.literal('signal'),
  to: z.string().max(40),
  data: z.record(z.string(), z.unknown()),
});

/** Whether a booking's call may be joined now: a confirmed video session, from ten minutes before its start to its end. */
export function callOpen(b: store.BookingRow, now: Date) {
  const at = now.getTime();
  return (
    b.mode === 'video' &&
    b.status === 'confirmed' &&
    at >= b.startsAt.getTime() - CALL_OPENS_MINUTES_BEFORE * 60_000 &&
    at <= b.endsAt.getTime()
  );
}

/** Who the actor is in this booking's call, or a refusal: a confirmed video session of theirs, now. */
async function callSeat(ctx: AppContext, actor: Actor, bookingId: number) {
  const b = await store.findBooking(ctx.db, bookingId);
  if (!b) throw new AppError('not_found');
  let role: CallPeer['role'] | null = null;
  if (actor.kind === 'citizen' && actor.citizenId === b.citizenId) role = 'citizen';
  else if (actor.kind === 'staff') {
    const c = await store.consultantOfUser(ctx.db, actor.userId);
    if (c && c.id === b.consultantId) role = 'consultant';
  }
  if (!role) throw new AppError('not_found');
  if (!callOpen(b, ctx.clock.now())) throw new AppError('consultation_call_closed');
  return { booking: b, role };
}

/** The STUN and TURN servers for the call's peer connection, to its two people while it may be joined. */
export async function callIceServers(ctx: AppContext, actor: Actor, bookingId: number) {
  await callSeat(ctx, actor, bookingId);
  return iceServersFor(ctx.config.ice, actor.userId, ctx.clock.now());
}

function presence(call: Map<string, CallPeer>) {
  const peers = [...call.values()].map((p) => ({ peerId: p.peerId, role: p.role, name: p.name }));
  for (const p of call.values()) send(p.socket, { type: 'presence', peers });
}

export function registerCall(app: Api, ctx: AppContext) {
  app.register(async (scope) => {
    scope.get(
      '/v1/consultation/bookings/:id/signal',
      {
        websocket: true,
        schema: { hide: true },
        preValidation: async (request) => {
          if (!request.actor) throw new AppError('unauthenticated');
          if (!sameOrigin(request.headers.origin, request.headers.host)) throw new AppError('forbidden');
          const parsed = idParams.safeParse(request.params);
          if (!parsed.success) throw new AppError('not_found');
          await callSeat(ctx, request.actor, parsed.data.id);
        },
      },
      async (ws, request) => {
        const socket = ws as WebSocket;
        const actor = request.actor!;
        const bookingId = Number((request.params as { id: string }).id);
        const early: string[] = [];
        let peer: CallPeer | null = null;
        const onMessage = (raw: string) => {
          const call = calls.get(bookingId);
          if (!peer || call?.get(peer.peerId) !== peer) return;
          const parsed = clientMessage.safeParse(
            (() => {
              try {
                return JSON.parse(raw);
              } catch {
                return null;
              }
            })(),
          );
          if (!parsed.success) return send(socket, { type: 'error', code: 'bad_request' });
          const target = call.get(parsed.data.to);
          if (!target || target === peer) return send(socket, { type: 'error', code: 'not_in_room' });
          send(target.socket, { type: 'signal', from: peer.peerId, data: parsed.data.data });
        };
        socket.on('message', (raw) => (peer ? onMessage(String(raw)) : early.push(String(raw))));
        socket.on('close', () => {
          const call = calls.get(bookingId);
          if (!peer || call?.get(peer.peerId) !== peer) return;
          call.delete(peer.peerId);
          if (call.size === 0) calls.delete(bookingId);
          else presence(call);
        });
        const { booking, role } = await callSeat(ctx, actor, bookingId).catch((error: unknown) => {
          send(socket, { type: 'error', code: error instanceof AppError ? error.code : 'internal' });
          socket.close(4403, 'refused');
          return { booking: null, role: null };
        });
        if (!booking || !role) return;
        const names = await store.bookingParties(ctx.db, [booking]);
        const person =
          role === 'citizen' ? names.citizens.get(booking.citizenId) : names.consultants.get(booking.consultantId);
        const call = calls.get(bookingId) ?? new Map<string, CallPeer>();
        calls.set(bookingId, call);
        const peerId = `${role === 'citizen' ? 'a' : 'b'}${actor.userId}`;
        // The same person on a second socket (a reload, another tab) replaces the first.
        const earlier = call.get(peerId);
        if (earlier) {
          call.delete(peerId);
          earlier.socket.close(4000, 'replaced');
        }
        peer = { peerId, role, name: person ? `${person.firstName} ${person.lastName}` : '', socket };
        call.set(peerId, peer);
        send(socket, { type: 'welcome', peerId, role });
        presence(call);
        for (const m of early) onMessage(m);
      },
    );
  });
}
