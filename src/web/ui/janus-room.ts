/**
 * Video through a Janus videoroom (the SFU of hearings too large for a mesh): a small typed client
 * of Janus's WebSocket API (`janus-protocol`), doing what Janus's own janus.js and its videoroom
 * demo do. The page joins the room the server gave it a token for as a publisher with the feed id
 * the server chose, sends its camera and microphone on one RTCPeerConnection, and receives each
 * other publisher on one more (a subscriber handle each), so the page sees one connection per
 * remote person as in the mesh (ui/peer-mesh.ts), keyed by the same peer id (`u` + feed).
 *
 * Requests carry a transaction; Janus answers `success`/`error` at once, or `ack` then an `event`
 * with the plugin's answer. Events without a transaction (publishers arriving and leaving, a
 * handle hung up) are told by the handle they concern.
 */
import type { PeerMeshEvents } from './peer-mesh.ts';

/** What the server's `sfu` message gives the page: where to go and the token that opens it. */
export interface SfuGrant {
  url: string;
  room: number;
  token: string;
  feed: number;
  display: string;
}

interface JanusMessage {
  janus: string;
  transaction?: string;
  sender?: number;
  session_id?: number;
  data?: { id: number };
  error?: { code: number; reason: string };
  plugindata?: { data: VideoroomData };
  jsep?: RTCSessionDescriptionInit;
}

interface VideoroomData {
  videoroom?: string;
  error_code?: number;
  error?: string;
  private_id?: number;
  publishers?: { id: number; display?: string }[];
  leaving?: number | string;
  unpublished?: number | string;
  kicked?: number;
}

/**
 * Janus forgets a session that says nothing for a minute (its default `session_timeout`; a server
 * may set less): a keepalive every 15 s leaves room for a busy page's late timers and a lost one.
 */
const KEEPALIVE_MS = 15_000;
/**
 * A subscription lost while its publisher is still in the room (its connection failed on a busy
 * machine or a network blip, Janus hung it up) is made again after this pause, a few times running.
 */
const RESUBSCRIBE_MS = 1_000;
const RESUBSCRIBE_TRIES = 5;
/**
 * A subscription whose connection is up but whose picture stopped or never came (no new frame for
 * this long — lost packets and a keyframe never sent, on a starved machine) is made again like a
 * lost one. Checked every STALL_CHECK_MS. (A publisher without a camera is tried RESUBSCRIBE_TRIES
 * times, then left as it is.)
 */
const STALL_MS = 12_000;
const STALL_CHECK_MS = 3_000;
/** Janus's error for a session it does not know (any more). */
const SESSION_NOT_FOUND = 458;

export function janusRoom(
  grant: SfuGrant,
  local: MediaStream | null,
  events: PeerMeshEvents & { failed(): void; entered(): void },
  iceServers: RTCIceServer[],
) {
  /** The remote people's connections, by peer id. */
  const peers = new Map<string, RTCPeerConnection>();
  const subscribers = new Map<number, { handle: number; pc: RTCPeerConnection }>();
  const onHandle = new Map<number, (m: JanusMessage) => void>();
  const waiting = new Map<string, { resolve(m: JanusMessage): void; reject(e: Error): void }>();
  let uplink: RTCPeerConnection | null = null;
  let session = 0;
  let privateId: number | undefined;
  let transactions = 0;
  let closed = false;
  /** Told once: the room cannot go on (its session or connection lost, or it could not be entered). */
  let failed = false;
  const fail = () => {
    if (closed || failed) return;
    failed = true;
    events.failed();
  };
  const ws = new WebSocket(grant.url, 'janus-protocol');

  const call = (request: Record<string, unknown>): Promise<JanusMessage> => {
    const transaction = `w${++transactions}`;
    return new Promise((resolve, reject) => {
      waiting.set(transaction, { resolve, reject });
      ws.send(JSON.stringify({ ...request, transaction, ...(session ? { session_id: session } : {}) }));
    });
  };
  /** A videoroom request on a handle: the plugin's answer (and Janus's SDP), or an error. */
  const message = async (handle: number, body: Record<string, unknown>, jsep?: RTCSessionDescriptionInit) => {
    const answer = await call({ janus: 'message', handle_id: handle, body, ...(jsep ? { jsep } : {}) });
    const data = answer.plugindata?.data;
    if (answer.janus === 'error' || !data || data.error_code)
      throw new Error(`janus ${String(body.request)}: ${data?.error ?? answer.error?.reason ?? 'no answer'}`);
    return { data, jsep: answer.jsep };
  };
  const attach = async () => {
    const answer = await call({ janus: 'attach', plugin: 'janus.plugin.videoroom' });
    if (!answer.data) throw new Error(`janus attach: ${answer.error?.reason ?? 'refused'}`);
    return answer.data.id;
  };
  const trickle = (handle: number, pc: RTCPeerConnection) => {
    pc.onicecandidate = (e) => {
      if (closed) return;
      ws.send(
        JSON.stringify({
          janus: 'trickle',
          session_id: session,
          handle_id: handle,
          transaction: `w${++transactions}`,
          candidate: e.candidate ? e.candidate.toJSON() : { completed: true },
        }),
      );
    };
  };

  /**
   * The feeds Janus says are publishing (its `publishers` lists, less those it said left): a lost
   * subscription to one of them is made again, one to a publisher gone is not.
   */
  const publishing = new Set<number>();
  /** Subscriptions made again in a row, by feed: reset once its frames arrive again. */
  const retries = new Map<number, number>();
  const resubscribe = (feed: number, why: string) => {
    const tries = (retries.get(feed) ?? 0) + 1;
    if (closed || failed || !publishing.has(feed) || tries > RESUBSCRIBE_TRIES) return;
    console.warn(`janus: the stream of feed ${feed} was lost (${why}); subscribing again`);
    retries.set(feed, tries);
    setTimeout(() => {
      if (!closed && publishing.has(feed)) void subscribe(feed).catch((error: unknown) => lost(feed, String(error)));
    }, RESUBSCRIBE_MS);
  };
  /** A subscription that failed or was hung up: dropped, and made again while its publisher is in the room. */
  const lost = (feed: number, why: string) => {
    unsubscribe(feed);
    resubscribe(feed, why);
  };

  const unsubscribe = (feed: number) => {
    const sub = subscribers.get(feed);
    if (!sub) return;
    subscribers.delete(feed);
    onHandle.delete(sub.handle);
    sub.pc.close();
    peers.delete(`u${feed}`);
    events.dropped(`u${feed}`);
    if (!closed) void call({ janus: 'detach', handle_id: sub.handle }).catch(() => undefined);
  };

  /** Feeds being subscribed to (a publisher may be told of twice while its handle is attached). */
  const subscribing = new Set<number>();
  const subscribe = async (feed: number) => {
    if (subscribers.has(feed) || subscribing.has(feed) || feed === grant.feed || closed) return;
    subscribing.add(feed);
    const peerId = `u${feed}`;
    const pc = new RTCPeerConnection({ iceServers });
    const handle = await attach().finally(() => subscribing.delete(feed));
    if (closed) return pc.close();
    subscribers.set(feed, { handle, pc });
    peers.set(peerId, pc);
    onHandle.set(handle, (m) => {
      if (m.janus === 'hangup') lost(feed, 'hung up');
    });
    const stream = new MediaStream();
    pc.ontrack = (e) => {
      stream.addTrack(e.track);
      events.stream(peerId, stream);
    };
    pc.onconnectionstatechange = () => {
      events.state(peerId, pc.connectionState);
      // No frozen picture: a publisher gone without a word is dropped (Janus tells of its leaving
      // soon after), one still publishing is subscribed to again.
      if (pc.connectionState === 'failed') lost(feed, 'connection failed');
    };
    trickle(handle, pc);
    const joined = await message(handle, {
      request: 'join',
      ptype: 'subscriber',
      room: grant.room,
      streams: [{ feed }],
      private_id: privateId,
      token: grant.token,
    });
    if (!joined.jsep) throw new Error('janus subscriber: no offer');
    await pc.setRemoteDescription(joined.jsep);
    await pc.setLocalDescription(await pc.createAnswer());
    await message(handle, { request: 'start', room: grant.room }, pc.localDescription!.toJSON());
  };

  /** Each subscription's decoded frames when last seen to change, and when. */
  const lastFrames = new WeakMap<RTCPeerConnection, { frames: number; at: number }>();
  const watchFrames = setInterval(() => {
    if (closed) return;
    for (const [feed, { pc }] of subscribers) {
      if (pc.connectionState !== 'connected') continue;
      void pc.getStats().then(
        (stats) => {
          let frames = 0;
          stats.forEach((s) => {
            if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded ?? 0;
          });
          const now = Date.now();
          const seen = lastFrames.get(pc);
          if (!seen || frames !== seen.frames) {
            lastFrames.set(pc, { frames, at: now });
            if (seen && frames > seen.frames) retries.delete(feed);
          } else if (now - seen.at >= STALL_MS && subscribers.get(feed)?.pc === pc) {
            lastFrames.delete(pc);
            lost(feed, `no new picture for ${Math.round((now - seen.at) / 1000)} s`);
          }
        },
        () => undefined,
      );
    }
  }, STALL_CHECK_MS);

  /** The publishers a videoroom event tells of: new ones subscribed to, gone ones dropped. */
  const follow = (data: VideoroomData) => {
    for (const p of data.publishers ?? []) {
      publishing.add(p.id);
      void subscribe(p.id).catch((error: unknown) => lost(p.id, String(error)));
    }
    for (const gone of [data.leaving, data.unpublished, data.kicked])
      if (typeof gone === 'number') {
        publishing.delete(gone);
        retries.delete(gone);
        unsubscribe(gone);
      }
  };

  const start = async () => {
    session = (await call({ janus: 'create' })).data!.id;
    const keepalive = setInterval(() => {
      if (!closed) void call({ janus: 'keepalive' }).catch(() => undefined);
    }, KEEPALIVE_MS);
    ws.addEventListener('close', () => clearInterval(keepalive));
    const handle = await attach();
    onHandle.set(handle, (m) => {
      const data = m.plugindata?.data;
      if (data) follow(data);
    });
    const joined = await message(handle, {
      request: 'join',
      ptype: 'publisher',
      room: grant.room,
      id: grant.feed,
      display: grant.display,
      token: grant.token,
    });
    privateId = joined.data.private_id;
    uplink = new RTCPeerConnection({ iceServers });
    trickle(handle, uplink);
    for (const track of local?.getTracks() ?? [])
      uplink.addTransceiver(track, { direction: 'sendonly', streams: [local!] });
    await uplink.setLocalDescription(await uplink.createOffer());
    const published = await message(handle, { request: 'publish' }, uplink.localDescription!.toJSON());
    if (published.jsep) await uplink.setRemoteDescription(published.jsep);
    follow(joined.data);
    events.entered();
  };

  ws.onmessage = (event) => {
    const m = JSON.parse(String(event.data)) as JanusMessage;
    // The session is gone (Janus timed it out): nothing more can be done on it; the page may enter again.
    if (m.janus === 'timeout' || (m.janus === 'error' && m.error?.code === SESSION_NOT_FOUND)) fail();
    const pending = m.transaction ? waiting.get(m.transaction) : undefined;
    if (pending && m.janus !== 'ack') {
      waiting.delete(m.transaction!);
      pending.resolve(m);
      return;
    }
    if (m.janus === 'ack') return;
    if (m.sender !== undefined) onHandle.get(m.sender)?.(m);
  };
  ws.onopen = () => void start().catch(fail);
  ws.onclose = () => {
    for (const { reject } of waiting.values()) reject(new Error('janus: connection closed'));
    waiting.clear();
    fail();
  };

  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(watchFrames);
    for (const feed of [...subscribers.keys()]) unsubscribe(feed);
    uplink?.close();
    if (ws.readyState === WebSocket.OPEN)
      ws.send(JSON.stringify({ janus: 'destroy', session_id: session, transaction: 'bye' }));
    ws.close();
  };

  return { peers, close, uplink: () => uplink };
}
