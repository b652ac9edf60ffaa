/**
 * A hearing through the SFU: the room (rooms.ts) keeps each peer's Janus room in step with where
 * they are. Whenever presence changes — someone joins, is admitted, goes to the consultation room
 * and back, is removed or leaves — `followRooms` revokes the token of anyone no longer where it
 * lets them be (kicking their feed, so a page that does not leave by itself is taken out) and
 * hands a new token to anyone who is now in a room, by a `sfu` message on their signalling
 * socket: `{url, room, token, feed, display}`, or `{room: null}` for nobody's room (the waiting
 * room). A peer's feed id is their user id, so the same person coming back is the same feed; a
 * room someone was taken out of is then swept of any feed no token holder owns.
 *
 * The changes of one hearing run one after another; a Janus that fails is logged and told to the
 * peers concerned as `error` `sfu_unavailable`, and the hearing itself goes on. A page that cannot
 * get into its room asks again with `sfu_again` (`grantAgain`).
 */
import type { FastifyBaseLogger } from 'fastify';
import { sfuRoomOf, type SfuRoom } from '#core/hearing-media';
import type { Config } from '#server/platform/config';
import { isRoomGone, janusRooms, roomToken } from './janus';
import { mediaState, send, type Peer, type Room } from './rooms';

type JanusConfig = NonNullable<Config['janus']>;

function enqueue(room: Room, log: FastifyBaseLogger, work: () => Promise<void>) {
  room.sfu.queue = room.sfu.queue.then(work).catch((error: unknown) => {
    log.warn({ err: error, hearingId: room.hearingId }, 'hearing SFU: a change failed');
    for (const p of room.peers.values()) send(p.socket, { type: 'error', code: 'sfu_unavailable' });
  });
}

/** Brings every peer's Janus room in line with their state (see above). */
export function followRooms(config: JanusConfig, room: Room, log: FastifyBaseLogger) {
  if (room.media !== 'sfu') return;
  enqueue(room, log, async () => {
    const janus = janusRooms(config);
    const left = new Set<SfuRoom>();
    for (const p of [...room.peers.values()]) {
      const want = sfuRoomOf(mediaState(p));
      if ((p.sfu?.where ?? null) === want) continue;
      if (p.sfu) {
        left.add(p.sfu.where);
        await release(config, room, p);
      }
      if (!want) {
        send(p.socket, { type: 'sfu', room: null });
        continue;
      }
      let janusRoom = room.sfu.rooms[want];
      if (!janusRoom) {
        janusRoom = await janus.create(room.hearingId, want);
        room.sfu.rooms[want] = janusRoom;
      }
      const token = roomToken();
      try {
        await janus.allow(janusRoom, token);
      } catch (error) {
        if (!isRoomGone(error)) throw error;
        // Janus no longer knows the room (restarted, it forgot its rooms): the room is made again,
        // and whoever held a token for the old one gets into it by asking again (`grantAgain`).
        janusRoom = await janus.create(room.hearingId, want);
        room.sfu.rooms[want] = janusRoom;
        await janus.allow(janusRoom, token);
      }
      // The peer may have gone while Janus answered: its token is taken back at once.
      p.sfu = { where: want, token };
      if (room.peers.get(p.peerId) !== p) {
        await release(config, room, p);
        continue;
      }
      send(p.socket, { type: 'sfu', url: config.url, room: janusRoom.room, token, feed: p.userId, display: p.name });
    }
    for (const where of left) await sweep(config, room, where);
  });
}

/**
 * A peer whose page could not get into its Janus room with the grant it has (its own re-entries
 * failed, and it asks by itself once, or the person presses «connect again»): that token is taken
 * back and a new one granted, in the room made again if Janus forgot it.
 */
export function grantAgain(config: JanusConfig, room: Room, peer: Peer, log: FastifyBaseLogger) {
  if (room.media !== 'sfu') return;
  // A peer whose grant Janus refused (sfu_unavailable from the server) holds none: it is granted one.
  if (peer.sfu) enqueue(room, log, () => release(config, room, peer));
  followRooms(config, room, log);
}

/**
 * Kicks every feed of a room that no token holder's is: a page that joined under a feed id other
 * than the one it was given is not caught by the kick of its own id, but is by this.
 */
async function sweep(config: JanusConfig, room: Room, where: SfuRoom) {
  const janusRoom = room.sfu.rooms[where];
  if (!janusRoom) return;
  const janus = janusRooms(config);
  const holders = new Set([...room.peers.values()].filter((p) => p.sfu?.where === where).map((p) => p.userId));
  for (const feed of await janus.feeds(janusRoom)) if (!holders.has(feed)) await janus.kick(janusRoom, feed);
}

async function release(config: JanusConfig, room: Room, p: Peer) {
  const held = p.sfu;
  const janusRoom = held && room.sfu.rooms[held.where];
  p.sfu = null;
  if (held && janusRoom) await janusRooms(config).revoke(janusRoom, held.token, p.userId);
}

/**
 * A peer gone (their socket closed, or replaced by their own newer one): their token revoked and
 * feed kicked; the hearing's Janus rooms destroyed with the last peer.
 */
export function leaveRooms(config: JanusConfig, room: Room, peer: Peer, log: FastifyBaseLogger) {
  if (room.media !== 'sfu') return;
  enqueue(room, log, async () => {
    const where = peer.sfu?.where;
    await release(config, room, peer);
    if (room.peers.size > 0) {
      if (where) await sweep(config, room, where);
      return;
    }
    const janus = janusRooms(config);
    for (const janusRoom of Object.values(room.sfu.rooms)) await janus.destroy(janusRoom);
    room.sfu.rooms = {};
  });
}
