/**
 * A video consultation's call: the booking's signalling WebSocket and one RTCPeerConnection to the
 * other person (no STUN or TURN on one machine). Of the two peers the one with the smaller peer id
 * offers, as in the hearing room. `window.__consultationPeers` exposes the connection to the
 * browser tests.
 */
import { useEffect, useRef, useState } from 'react';

interface CallPeer {
  peerId: string;
  role: 'citizen' | 'consultant';
  name: string;
}

export interface CallState {
  me: string | null;
  other: CallPeer | null;
  remote: MediaStream | null;
  connection: RTCPeerConnectionState | null;
  closed: boolean;
  error: string | null;
}

export function useConsultationCall(bookingId: number) {
  const [call, setCall] = useState<CallState>({
    me: null,
    other: null,
    remote: null,
    connection: null,
    closed: false,
    error: null,
  });
  const [localStream, setLocalStream] = useState<MediaStream | null>(null);
  const pcs = useRef(new Map<string, RTCPeerConnection>());

  useEffect(() => {
    let stopped = false;
    let socket: WebSocket | null = null;
    let local: MediaStream | null = null;
    let me: string | null = null;
    const peers = pcs.current;
    (window as unknown as { __consultationPeers: Map<string, RTCPeerConnection> }).__consultationPeers = peers;
    const send = (m: unknown) => {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(m));
    };
    const drop = (peerId: string) => {
      peers.get(peerId)?.close();
      peers.delete(peerId);
      setCall((c) => ({ ...c, remote: null, connection: null }));
    };
    const connectionTo = (peerId: string) => {
      const existing = peers.get(peerId);
      if (existing) return existing;
      const pc = new RTCPeerConnection({ iceServers: [] });
      peers.set(peerId, pc);
      for (const track of local?.getTracks() ?? []) pc.addTrack(track, local!);
      pc.onicecandidate = (e) => {
        if (e.candidate) send({ type: 'signal', to: peerId, data: { candidate: e.candidate.toJSON() } });
      };
      pc.ontrack = (e) => {
        const [stream] = e.streams;
        if (stream) setCall((c) => ({ ...c, remote: stream }));
      };
      pc.onconnectionstatechange = () => setCall((c) => ({ ...c, connection: pc.connectionState }));
      return pc;
    };
    const onPresence = (list: CallPeer[]) => {
      const other = list.find((p) => p.peerId !== me) ?? null;
      setCall((c) => ({ ...c, other }));
      for (const id of [...peers.keys()]) if (id !== other?.peerId) drop(id);
      if (other && me && !peers.has(other.peerId) && me < other.peerId) {
        const pc = connectionTo(other.peerId);
        void pc
          .createOffer()
          .then((offer) => pc.setLocalDescription(offer))
          .then(() => send({ type: 'signal', to: other.peerId, data: { description: pc.localDescription?.toJSON() } }));
      }
    };
    const onSignal = async (
      from: string,
      data: { description?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit },
    ) => {
      const pc = connectionTo(from);
      if (data.description) {
        await pc.setRemoteDescription(data.description);
        if (data.description.type === 'offer') {
          await pc.setLocalDescription(await pc.createAnswer());
          send({ type: 'signal', to: from, data: { description: pc.localDescription?.toJSON() } });
        }
      } else if (data.candidate) {
        await pc.addIceCandidate(data.candidate).catch(() => undefined);
      }
    };
    const start = async () => {
      try {
        local = await navigator.mediaDevices.getUserMedia({ video: { width: 320, height: 240 }, audio: true });
        setLocalStream(local);
      } catch {
        setCall((c) => ({ ...c, error: 'media' }));
      }
      if (stopped) return;
      const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
      socket = new WebSocket(`${scheme}://${location.host}/api/v1/consultation/bookings/${bookingId}/signal`);
      socket.onmessage = (event) => {
        const m = JSON.parse(String(event.data));
        if (m.type === 'welcome') {
          me = m.peerId;
          setCall((c) => ({ ...c, me: m.peerId }));
        } else if (m.type === 'presence') onPresence(m.peers);
        else if (m.type === 'signal') void onSignal(m.from, m.data);
        else if (m.type === 'error' && m.code !== 'not_in_room') setCall((c) => ({ ...c, error: m.code }));
      };
      socket.onclose = () => setCall((c) => ({ ...c, closed: true }));
    };
    void start();
    return () => {
      stopped = true;
      socket?.close();
      for (const id of [...peers.keys()]) drop(id);
      for (const t of local?.getTracks() ?? []) t.stop();
    };
  }, [bookingId]);

  return { call, localStream };
}
