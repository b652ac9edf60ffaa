/**
 * The hearing room's connection: the signalling WebSocket of the hearing and, peer to peer, one
 * RTCPeerConnection per peer in the same room (ui/peer-mesh.ts); through the SFU (the server's
 * `welcome` says which), the Janus room the server's latest `sfu` message grants (ui/janus-room.ts),
 * again one connection per remote peer. Remote streams and each connection's state are kept for
 * the page; `window.__hearingPeers` exposes the connections to the browser tests.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { janusRoom, type SfuGrant } from '#web/ui/janus-room.ts';
import { cameraAndMicrophone, peerMesh, signallingUrl } from '#web/ui/peer-mesh.ts';
import { hearingIceServers } from '../api/hearings';

export interface RoomPeer {
  peerId: string;
  name: string;
  role: string;
  participantId: number | null;
  state: string;
  hand: boolean;
}

interface RoomState {
  me: { peerId: string; kind: string; participantId: number | null; state: string } | null;
  /** Peer to peer or through the SFU, as the server chose for the hearing. */
  media: 'mesh' | 'sfu' | null;
  hearingState: string | null;
  peers: RoomPeer[];
  streams: Record<string, MediaStream>;
  connections: Record<string, RTCPeerConnectionState>;
  muted: boolean;
  closed: boolean;
  error: string | null;
}

/** Entering a lost Janus room again: how many times running, and the pause before each. */
const SFU_REENTRIES = 3;
const SFU_REENTRY_MS = 2_000;

const inMedia = (state: string, kind?: string) => (kind && kind !== 'participant' ? 'admitted' : state);
const sameRoom = (a: string, b: string) =>
  (a === 'admitted' && b === 'admitted') || (a === 'consultation' && b === 'consultation');

export function useHearingRoom(hearingId: number, enabled: boolean) {
  const [room, setRoom] = useState<RoomState>({
    me: null,
    media: null,
    hearingState: null,
    peers: [],
    streams: {},
    connections: {},
    muted: false,
    closed: false,
    error: null,
  });
  const socket = useRef<WebSocket | null>(null);
  const local = useRef<MediaStream | null>(null);
  const [localStream, setLocalStream] = useState<MediaStream | null>(null);
  const meRef = useRef<RoomState['me']>(null);

  const send = useCallback((m: unknown) => {
    if (socket.current?.readyState === WebSocket.OPEN) socket.current.send(JSON.stringify(m));
  }, []);

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    const events = {
      stream: (peerId: string, stream: MediaStream) =>
        setRoom((r) => ({ ...r, streams: { ...r.streams, [peerId]: stream } })),
      state: (peerId: string, state: RTCPeerConnectionState) =>
        setRoom((r) => ({ ...r, connections: { ...r.connections, [peerId]: state } })),
      dropped: (peerId: string) =>
        setRoom((r) => {
          const streams = { ...r.streams };
          const connections = { ...r.connections };
          delete streams[peerId];
          delete connections[peerId];
          return { ...r, streams, connections };
        }),
    };
    let iceServers: RTCIceServer[] = [];
    const mesh = peerMesh(
      send,
      () => local.current,
      events,
      () => iceServers,
    );
    const expose = (peers: Map<string, RTCPeerConnection>) => {
      (window as unknown as { __hearingPeers: Map<string, RTCPeerConnection> }).__hearingPeers = peers;
    };
    expose(mesh.peers);
    let sfu: ReturnType<typeof janusRoom> | null = null;
    let media: RoomState['media'] = null;
    /**
     * The room the server granted last, and how many times running the page entered it again since
     * it was last in.
     */
    let granted: SfuGrant | null = null;
    let reentries = 0;
    /** Whether the page asked the server for a new grant by itself since it was last in (once: then the person decides). */
    let askedAgain = false;
    /**
     * Through the SFU: leaves the Janus room the page was in and joins the one granted, if any. A
     * room lost on Janus's side (the page's session timed out while the machine was busy, Janus
     * restarted) is entered again with the same grant — the server still lets its token in — a
     * few times running; then the page asks the server for a new grant (`sfu_again`: a Janus that
     * restarted forgot the room, which the server then makes again), and if that fails too it says
     * the video is unavailable, with a button to ask again.
     */
    const enterSfu = (grant: SfuGrant | null) => {
      sfu?.close();
      sfu = null;
      granted = grant;
      if (!grant || stopped) return;
      sfu = janusRoom(
        grant,
        local.current,
        {
          ...events,
          entered: () => {
            reentries = 0;
            askedAgain = false;
          },
          failed: () => {
            if (stopped || granted !== grant) return;
            if (reentries >= SFU_REENTRIES && !askedAgain) {
              askedAgain = true;
              return send({ type: 'sfu_again' });
            }
            if (reentries >= SFU_REENTRIES) return setRoom((r) => ({ ...r, error: 'sfu_unavailable' }));
            reentries += 1;
            setTimeout(() => {
              if (!stopped && granted === grant) enterSfu(grant);
            }, SFU_REENTRY_MS);
          },
        },
        iceServers,
      );
      expose(sfu.peers);
    };

    const reconcile = (list: RoomPeer[]) => {
      const me = meRef.current;
      if (!me || media !== 'mesh') return;
      const mine = list.find((p) => p.peerId === me.peerId);
      const myState = inMedia(mine?.state ?? me.state, me.kind);
      for (const p of list) {
        if (p.peerId === me.peerId) continue;
        const together = sameRoom(myState, inMedia(p.state, p.participantId == null ? p.role : 'participant'));
        if (together) mesh.meet(me.peerId, p.peerId);
        else if (mesh.peers.has(p.peerId)) mesh.drop(p.peerId);
      }
      for (const id of [...mesh.peers.keys()]) if (!list.some((p) => p.peerId === id)) mesh.drop(id);
    };

    const start = async () => {
      iceServers = await hearingIceServers(hearingId);
      try {
        local.current = await cameraAndMicrophone();
        setLocalStream(local.current);
      } catch {
        setRoom((r) => ({ ...r, error: 'media' }));
      }
      if (stopped) return;
      const ws = new WebSocket(signallingUrl(`/api/v1/hearings/${hearingId}/signal`));
      socket.current = ws;
      ws.onmessage = (event) => {
        const m = JSON.parse(String(event.data));
        if (m.type === 'welcome') {
          meRef.current = { peerId: m.peerId, kind: m.kind, participantId: m.participantId, state: m.state };
          media = m.media === 'sfu' ? 'sfu' : 'mesh';
          setRoom((r) => ({ ...r, me: meRef.current, media, hearingState: m.hearingState }));
        } else if (m.type === 'presence') {
          const me = meRef.current;
          const mine = me && (m.peers as RoomPeer[]).find((p) => p.peerId === me.peerId);
          if (me && mine) meRef.current = { ...me, state: mine.state };
          setRoom((r) => ({ ...r, peers: m.peers, hearingState: m.hearingState, me: meRef.current }));
          reconcile(m.peers);
        } else if (m.type === 'hearing') {
          setRoom((r) => ({ ...r, hearingState: m.state }));
        } else if (m.type === 'sfu') {
          reentries = 0;
          enterSfu(m.room == null ? null : (m as SfuGrant));
        } else if (m.type === 'signal') {
          void mesh.signal(m.from, m.data);
        } else if (m.type === 'muted') {
          for (const t of local.current?.getAudioTracks() ?? []) t.enabled = false;
          setRoom((r) => ({ ...r, muted: true }));
        } else if (m.type === 'error' && m.code !== 'not_in_room') {
          setRoom((r) => ({ ...r, error: m.code }));
        }
      };
      ws.onclose = () => setRoom((r) => ({ ...r, closed: true }));
    };
    void start();
    return () => {
      stopped = true;
      socket.current?.close();
      mesh.close();
      sfu?.close();
      for (const t of local.current?.getTracks() ?? []) t.stop();
    };
  }, [hearingId, enabled, send]);

  const command = useCallback(
    (what: string, participantId: number) => send({ type: 'command', command: what, participantId }),
    [send],
  );
  const raiseHand = useCallback((raised: boolean) => send({ type: 'hand', raised }), [send]);
  /** After the page's own re-entries failed: asks the server for a new way into the Janus room. */
  const connectAgain = useCallback(() => {
    setRoom((r) => ({ ...r, error: null }));
    send({ type: 'sfu_again' });
  }, [send]);
  const unmute = useCallback(() => {
    for (const t of local.current?.getAudioTracks() ?? []) t.enabled = true;
    setRoom((r) => ({ ...r, muted: false }));
  }, []);
  return { room, localStream, command, raiseHand, unmute, connectAgain };
}
