/**
 * The hearing rooms open in this process: who is connected to each hearing, and the messages that
 * tell them of a change (presence, the hearing's state). The signalling socket (signalling.ts)
 * fills them; a state change made over HTTP (service.ts) is told through them.
 */
import type { HearingMedia, SfuRoom } from '#core/hearing-media';
import type { HearingState, ParticipantState } from '#core/hearing-state';
import type { Actor } from '#server/platform/auth/actor';

/** What the room uses of a server-side socket (the `ws` package's WebSocket). */
/** What the actor is in a hearing. */
export type HearingSeat =
  | { kind: 'judge'; participantId: null }
  | { kind: 'clerk'; participantId: null }
  | { kind: 'participant'; participantId: number };

export interface WebSocket {
  readonly readyState: number;
  readonly OPEN: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  on(event: 'message', listener: (data: Buffer | string) => void): void;
  on(event: 'close', listener: () => void): void;
}

export interface Peer {
  hearingId: number;
  peerId: string;
  userId: number;
  name: string;
  /** `judge`, `clerk`, or the participant's role. */
  role: string;
  seat: HearingSeat;
  state: ParticipantState;
  hand: boolean;
  attendanceId: number;
  socket: WebSocket;
  actor: Actor;
  /** Through the SFU: the room this peer holds a token for (sfu.ts), or null. */
  sfu: { where: SfuRoom; token: string } | null;
}

export interface Room {
  hearingId: number;
  state: HearingState;
  peers: Map<string, Peer>;
  /** Peer to peer, or through the SFU (`#core/hearing-media`), chosen when the room opens. */
  media: HearingMedia;
  /** Through the SFU: the hearing's Janus rooms once made, and the changes to them, one after another. */
  sfu: { rooms: Partial<Record<SfuRoom, { room: number; secret: string }>>; queue: Promise<void> };
}

export const rooms = new Map<number, Room>();

export function send(socket: WebSocket, message: unknown) {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

/**
 * The `to` of a client's `signal` message — exactly {type: 'signal', to, data: {…}}, nothing else —
 * as JSON.parse gave it, or null when it is not one.
 */
export function signalTarget(message: unknown): string | null {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
  const { type, to, data } = message as Record<string, unknown>;
  if (type !== 'signal' || typeof to !== 'string' || to.length > 40) return null;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  return Object.keys(message).length === 3 ? to : null;
}

/**
 * A `signal` relayed: the sender's own text (checked by signalTarget: type, to, data and nothing
 * else) with the sender's peer id added last as `from` — {type, to, data, from}. Added last, it is
 * the one JSON.parse keeps even if a key were repeated. The offer's SDP (a few kB) is neither copied
 * into a new object nor serialised again for every relay.
 */
export function relayedSignal(raw: string, from: string): string {
  return `${raw.slice(0, raw.lastIndexOf('}'))},"from":${JSON.stringify(from)}}`;
}

/** Sends text already serialised (a relayed signal). */
export function sendText(socket: WebSocket, text: string) {
  if (socket.readyState === socket.OPEN) socket.send(text);
}

export function presence(room: Room) {
  const peers = [...room.peers.values()].map((p) => ({
    peerId: p.peerId,
    name: p.name,
    role: p.role,
    participantId: p.seat.participantId,
    state: p.state,
    hand: p.hand,
  }));
  for (const p of room.peers.values()) send(p.socket, { type: 'presence', hearingState: room.state, peers });
}

/** The judge and the clerk sit in the main room whatever happens to the participants. */
export function mediaState(p: Peer): ParticipantState {
  return p.seat.kind === 'participant' ? p.state : 'admitted';
}

/** A state change made over HTTP (start, pause, close…), told to everyone in the room. */
export function hearingStateChanged(hearingId: number, state: HearingState) {
  const room = rooms.get(hearingId);
  if (!room) return;
  room.state = state;
  for (const p of room.peers.values()) send(p.socket, { type: 'hearing', state });
  presence(room);
  if (state === 'adjourned' || state === 'closed')
    for (const p of room.peers.values()) p.socket.close(1000, 'hearing ended');
}
