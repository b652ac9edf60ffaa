/**
 * The hearing room's signalling: a WebSocket at /api/v1/hearings/:id/signal on Daftar's own
 * server. The upgrade is authenticated by the session cookie (the same hook as every /api request)
 * and authorised per hearing: only its presiding judge, its court's clerk and its listed
 * participants get a socket; anyone else is refused before the upgrade (404, the hearing's
 * existence not revealed), and so is a page of another origin.
 *
 * Messages are JSON. The server sends `welcome` (who you are, the hearing's state), `presence`
 * (everyone connected, their state and raised hand) whenever it changes, `hearing` when its state
 * changes, `signal` {to, data, from} (an offer, answer or ICE candidate from one peer, relayed to
 * one peer only when both are in the same room), `muted` and `error`. The client sends `signal` {to, data},
 * `hand` {raised}, and — the judge or the clerk — `command` {command, participantId}: admit,
 * to_consultation, from_consultation, remove (persisted and audited) or mute (relayed).
 *
 * Media go peer to peer (a mesh): of two peers in the same room, the one with the smaller peer id
 * makes the offer. A hearing with more participants than a mesh carries goes through the Janus
 * SFU when one is configured (`#core/hearing-media`; `welcome` says which): the server then hands
 * each peer a token for the Janus room they may be in (`sfu` messages, sfu.ts) whenever that
 * changes; a page that cannot get into its room with the token it has sends `sfu_again` for a new
 * one. A participant who drops keeps their place for the grace period
 * (`#core/hearing-state`). Rooms live in this process's memory: one server process per deployment
 * of the embedded default.
 */
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { hearingMedia } from '#core/hearing-media';
import { z } from 'zod';
import {
  PARTICIPANT_COMMANDS,
  applyParticipantCommand,
  joinState,
  leaveState,
  sameRoom,
  type ParticipantState,
} from '#core/hearing-state';
import type { Actor } from '#server/platform/auth/actor';
import { recordAudit } from '#server/platform/audit/audit-log';
import type { AppContext } from '#server/platform/context';
import { AppError } from '#server/platform/errors/app-error';
import type { Api } from '#server/platform/http/api';
import {
  mediaState,
  presence,
  relayedSignal,
  rooms,
  send,
  sendText,
  signalTarget,
  type Peer,
  type Room,
  type WebSocket,
} from './rooms';
import { hearingParams } from './schemas';
import { conducts, hearingFor } from './service';
import { followRooms, grantAgain, leaveRooms } from './sfu';
import * as store from './store';

/** The messages other than `signal` (signalTarget checks those, the bulk of the traffic). */
const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hand'), raised: z.boolean() }),
  z.object({ type: z.literal('sfu_again') }),
  z.object({
    type: z.literal('command'),
    command: z.enum([...PARTICIPANT_COMMANDS, 'mute']),
    participantId: z.number().int().positive(),
  }),
]);

/** Whether a WebSocket upgrade comes from a page of this server (no Origin: not a browser page). */
export function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Refuses a WebSocket upgrade to anyone not seated in the hearing (a judge of the court who does
 * not preside included; 404, the hearing's existence not revealed) and to a page of another origin.
 * Shared by the hearing room's socket and the self-test's echo (signal-check.ts).
 */
export async function seatedUpgrade(ctx: AppContext, request: FastifyRequest) {
  if (!request.actor) throw new AppError('unauthenticated');
  if (!sameOrigin(request.headers.origin, request.headers.host)) throw new AppError('forbidden');
  const parsed = hearingParams.safeParse(request.params);
  if (!parsed.success) throw new AppError('not_found');
  const { found, seat } = await hearingFor(ctx.db, request.actor, parsed.data.id);
  if (seat.kind !== 'participant' && !conducts(request.actor, found.hearing)) throw new AppError('not_found');
}

export function registerSignalling(app: Api, ctx: AppContext) {
  app.register(async (scope) => {
    // A socket's last writes (leaving the room, a message being handled) may still be running when
    // the server closes: they are awaited before the database goes, and a failure is logged, never
    // left as an unhandled rejection.
    const pending = new Set<Promise<unknown>>();
    const track = (work: Promise<unknown>) => {
      const settled = work
        .catch((error: unknown) => scope.log.warn({ err: error }, 'hearing signalling: a write failed'))
        .finally(() => pending.delete(settled));
      pending.add(settled);
    };
    scope.addHook('onClose', async () => {
      await Promise.allSettled([...pending]);
    });
    scope.get(
      '/v1/hearings/:id/signal',
      {
        websocket: true,
        schema: { hide: true },
        preValidation: (request) => seatedUpgrade(ctx, request),
      },
      async (ws, request) => {
        const socket = ws as WebSocket;
        const actor = request.actor!;
        const hearingId = Number((request.params as { id: string }).id);
        const messages: string[] = [];
        let ready = false;
        let peer: Peer | null = null;
        // A signal is relayed at once; only a command (a transaction) leaves work to track.
        const handle = (raw: string) => {
          const work = peer ? onMessage(ctx, peer, raw, scope.log) : undefined;
          if (work) track(work);
        };
        socket.on('message', (raw) => {
          if (!ready) messages.push(String(raw));
          else handle(String(raw));
        });
        socket.on('close', () => {
          if (peer) track(leave(ctx, peer, scope.log));
        });
        try {
          peer = await join(ctx, actor, hearingId, socket, scope.log);
        } catch (error) {
          send(socket, { type: 'error', code: error instanceof AppError ? error.code : 'internal' });
          socket.close(4403, 'refused');
          return;
        }
        ready = true;
        for (const m of messages) await onMessage(ctx, peer, m, scope.log);
      },
    );
  });
}

async function join(
  ctx: AppContext,
  actor: Actor,
  hearingId: number,
  socket: WebSocket,
  log: FastifyBaseLogger,
): Promise<Peer> {
  const now = ctx.clock.now();
  const joined = await ctx.db.transaction(async (tx) => {
    const { found, participants, seat } = await hearingFor(tx, actor, hearingId, true);
    const h = found.hearing;
    let state: ParticipantState = 'admitted';
    let name: string;
    let role: string;
    if (seat.kind === 'participant') {
      const p = participants.find((x) => x.id === seat.participantId)!;
      const next = joinState({ state: p.state, before: p.stateBefore, leftAt: p.leftAt }, h.state, now);
      if (!next) throw new AppError(p.state === 'removed' ? 'forbidden' : 'hearing_transition_not_allowed');
      await store.updateParticipant(tx, p.id, { state: next, stateBefore: null, leftAt: null });
      state = next;
      name = p.name;
      role = p.role;
    } else {
      if (h.state === 'adjourned' || h.state === 'closed') throw new AppError('hearing_ended');
      name = await store.userName(tx, actor.userId);
      role = seat.kind;
    }
    const attendanceId = await store.recordJoin(tx, {
      hearingId,
      userId: actor.userId,
      participantId: seat.participantId,
      joinedAt: now,
    });
    return { hearingState: h.state, seat, state, name, role, attendanceId, participants: participants.length };
  });
  const room: Room = rooms.get(hearingId) ?? {
    hearingId,
    state: joined.hearingState,
    peers: new Map<string, Peer>(),
    media: hearingMedia(joined.participants, ctx.config.janus !== null),
    sfu: { rooms: {}, queue: Promise.resolve() },
  };
  room.state = joined.hearingState;
  rooms.set(hearingId, room);
  const peerId = `u${actor.userId}`;
  // The same person on a second socket (a reload, another tab) replaces the first.
  const earlier = room.peers.get(peerId);
  if (earlier) {
    room.peers.delete(peerId);
    earlier.socket.close(4000, 'replaced');
    if (ctx.config.janus) leaveRooms(ctx.config.janus, room, earlier, log);
  }
  const peer: Peer = {
    hearingId,
    peerId,
    userId: actor.userId,
    name: joined.name,
    role: joined.role,
    seat: joined.seat,
    state: joined.state,
    hand: false,
    attendanceId: joined.attendanceId,
    socket,
    actor,
    sfu: null,
  };
  room.peers.set(peerId, peer);
  send(socket, {
    type: 'welcome',
    peerId,
    kind: joined.seat.kind,
    participantId: joined.seat.participantId,
    state: joined.state,
    hearingState: room.state,
    media: room.media,
  });
  presence(room);
  if (ctx.config.janus) followRooms(ctx.config.janus, room, log);
  return peer;
}

async function leave(ctx: AppContext, peer: Peer, log: FastifyBaseLogger) {
  const room = rooms.get(peer.hearingId);
  const now = ctx.clock.now();
  const current = room?.peers.get(peer.peerId) === peer;
  if (room && current) {
    room.peers.delete(peer.peerId);
    if (ctx.config.janus) leaveRooms(ctx.config.janus, room, peer, log);
  }
  await ctx.db.transaction(async (tx) => {
    await store.recordLeave(tx, peer.attendanceId, now);
    // A participant replaced by their own newer socket has not left.
    if (peer.seat.kind !== 'participant' || !current) return;
    const p = (await store.participantsOf(tx, peer.hearingId)).find((x) => x.id === peer.seat.participantId);
    if (!p) return;
    const left = leaveState(p.state);
    await store.updateParticipant(tx, p.id, {
      state: left.state,
      stateBefore: left.before,
      leftAt: left.state === 'left' ? now : p.leftAt,
    });
  });
  if (room && current) {
    if (room.peers.size === 0) rooms.delete(room.hearingId);
    else presence(room);
  }
}

/**
 * One message of a peer. A `signal` — nearly all the traffic — is checked by hand and relayed as
 * its own text (relayedSignal): no schema parse, no second serialisation, no database and no
 * access check beyond the room's, whose seats were checked when the socket joined and change only
 * through `command`. Returns the work a command leaves running, if any.
 */
function onMessage(ctx: AppContext, peer: Peer, raw: string, log: FastifyBaseLogger): Promise<void> | undefined {
  const room = rooms.get(peer.hearingId);
  if (!room || room.peers.get(peer.peerId) !== peer) return;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    send(peer.socket, { type: 'error', code: 'bad_request' });
    return;
  }
  const to = signalTarget(json);
  if (to !== null) {
    const target = room.peers.get(to);
    // Media flow only between two peers in the same room (the main room, or the consultation room).
    if (!target || target === peer || !sameRoom(mediaState(peer), mediaState(target))) {
      send(peer.socket, { type: 'error', code: 'not_in_room', to });
      return;
    }
    sendText(target.socket, relayedSignal(raw, peer.peerId));
    return;
  }
  const parsed = clientMessage.safeParse(json);
  if (!parsed.success) {
    send(peer.socket, { type: 'error', code: 'bad_request' });
    return;
  }
  switch (parsed.data.type) {
    case 'hand': {
      if (peer.seat.kind !== 'participant') return;
      peer.hand = parsed.data.raised;
      presence(room);
      return;
    }
    case 'sfu_again': {
      if (ctx.config.janus) grantAgain(ctx.config.janus, room, peer, log);
      return;
    }
    case 'command': {
      if (peer.seat.kind === 'participant') {
        send(peer.socket, { type: 'error', code: 'forbidden' });
        return;
      }
      return command(ctx, room, peer, parsed.data.command, parsed.data.participantId, log);
    }
  }
}

async function command(
  ctx: AppContext,
  room: Room,
  by: Peer,
  what: (typeof PARTICIPANT_COMMANDS)[number] | 'mute',
  participantId: number,
  log: FastifyBaseLogger,
) {
  const target = [...room.peers.values()].find((p) => p.seat.participantId === participantId);
  if (what === 'mute') {
    if (target) send(target.socket, { type: 'muted', by: by.peerId });
    return;
  }
  const now = ctx.clock.now();
  try {
    await ctx.db.transaction(async (tx) => {
      const { found, participants } = await hearingFor(tx, by.actor, room.hearingId, true);
      if (!conducts(by.actor, found.hearing)) throw new AppError('forbidden');
      const p = participants.find((x) => x.id === participantId);
      if (!p) throw new AppError('not_found');
      const next = applyParticipantCommand(p.state, what);
      if (!next) throw new AppError('hearing_transition_not_allowed');
      await store.updateParticipant(tx, p.id, { state: next });
      // An interpreter moves with the participant they interpret for.
      for (const i of participants.filter((x) => x.interpretsFor === p.id && what !== 'remove' && x.state !== 'left')) {
        const moved = applyParticipantCommand(i.state, what);
        if (moved) await store.updateParticipant(tx, i.id, { state: moved });
      }
      await recordAudit(tx, by.actor, {
        action: 'hearings.participant',
        entityType: 'hearing',
        entityId: room.hearingId,
        provinceId: found.hearing.provinceId,
        data: {
          participantId: p.id,
          citizenId: p.citizenId,
          command: what,
          from: p.state,
          to: next,
          at: now.toISOString(),
        },
      });
    });
  } catch (error) {
    send(by.socket, { type: 'error', code: error instanceof AppError ? error.code : 'internal', participantId });
    return;
  }
  // The room follows the stored states.
  const fresh = await store.participantsOf(ctx.db, room.hearingId);
  for (const p of room.peers.values()) {
    const row = p.seat.kind === 'participant' ? fresh.find((x) => x.id === p.seat.participantId) : undefined;
    if (row) p.state = row.state;
  }
  presence(room);
  if (ctx.config.janus) followRooms(ctx.config.janus, room, log);
  if (target && target.state === 'removed') target.socket.close(4001, 'removed');
}
