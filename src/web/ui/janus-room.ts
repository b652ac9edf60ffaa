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

/** Janus forgets a session that says nothing for a minute. */
const KEEPALIVE_MS = 25_000;

export function janusRoom(
  grant: SfuGrant,
  local: MediaStream | null,
  events: PeerMeshEvents & { failed(): void },
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
      if (m.janus === 'hangup') unsubscribe(feed);
    });
    const stream = new MediaStream();
    pc.ontrack = (e) => {
      stream.addTrack(e.track);
      events.stream(peerId, stream);
    };
    pc.onconnectionstatechange = () => {
      events.state(peerId, pc.connectionState);
      // A publisher gone without a word (their browser killed, their network lost): no frozen picture.
      if (pc.connectionState === 'failed') unsubscribe(feed);
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

  /** The publishers a videoroom event tells of: new ones subscribed to, gone ones dropped. */
  const follow = (data: VideoroomData) => {
    for (const p of data.publishers ?? []) void subscribe(p.id).catch(() => unsubscribe(p.id));
    for (const gone of [data.leaving, data.unpublished, data.kicked]) if (typeof gone === 'number') unsubscribe(gone);
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
  };

  ws.onmessage = (event) => {
    const m = JSON.parse(String(event.data)) as JanusMessage;
    const pending = m.transaction ? waiting.get(m.transaction) : undefined;
    if (pending && m.janus !== 'ack') {
      waiting.delete(m.transaction!);
      pending.resolve(m);
      return;
    }
    if (m.janus === 'ack') return;
    if (m.sender !== undefined) onHandle.get(m.sender)?.(m);
  };
  ws.onopen = () => void start().catch(() => !closed && events.failed());
  ws.onclose = () => {
    for (const { reject } of waiting.values()) reject(new Error('janus: connection closed'));
    waiting.clear();
    if (!closed) events.failed();
  };

  const close = () => {
    if (closed) return;
    closed = true;
    for (const feed of [...subscribers.keys()]) unsubscribe(feed);
    uplink?.close();
    if (ws.readyState === WebSocket.OPEN)
      ws.send(JSON.stringify({ janus: 'destroy', session_id: session, transaction: 'bye' }));
    ws.close();
  };

  return { peers, close, uplink: () => uplink };
}
