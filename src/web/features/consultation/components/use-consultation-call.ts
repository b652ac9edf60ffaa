/**
 * A video consultation's call: the booking's signalling WebSocket and one RTCPeerConnection to the
 * other person (ui/peer-mesh.ts, as in the hearing room). `window.__consultationPeers` exposes the connection to the
 * browser tests.
 */
import { useEffect, useState } from 'react';
import { cameraAndMicrophone, peerMesh, signallingUrl } from '#web/ui/peer-mesh.ts';
import { callIceServers } from '../api/sessions';

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

  useEffect(() => {
    let stopped = false;
    let socket: WebSocket | null = null;
    let local: MediaStream | null = null;
    let me: string | null = null;
    const send = (m: unknown) => {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(m));
    };
    let iceServers: RTCIceServer[] = [];
    const mesh = peerMesh(
      send,
      () => local,
      {
        stream: (_, remote) => setCall((c) => ({ ...c, remote })),
        state: (_, connection) => setCall((c) => ({ ...c, connection })),
        dropped: () => setCall((c) => ({ ...c, remote: null, connection: null })),
      },
      () => iceServers,
    );
    (window as unknown as { __consultationPeers: Map<string, RTCPeerConnection> }).__consultationPeers = mesh.peers;
    const onPresence = (list: CallPeer[]) => {
      const other = list.find((p) => p.peerId !== me) ?? null;
      setCall((c) => ({ ...c, other }));
      for (const id of [...mesh.peers.keys()]) if (id !== other?.peerId) mesh.drop(id);
      if (other && me) mesh.meet(me, other.peerId);
    };
    const start = async () => {
      try {
        iceServers = await callIceServers(bookingId);
      } catch {
        // Not this person's call, or not its time: said before the camera is asked for.
        setCall((c) => ({ ...c, error: 'refused' }));
        return;
      }
      try {
        local = await cameraAndMicrophone();
        setLocalStream(local);
      } catch {
        setCall((c) => ({ ...c, error: 'media' }));
      }
      if (stopped) return;
      socket = new WebSocket(signallingUrl(`/api/v1/consultation/bookings/${bookingId}/signal`));
      socket.onmessage = (event) => {
        const m = JSON.parse(String(event.data));
        if (m.type === 'welcome') {
          me = m.peerId;
          setCall((c) => ({ ...c, me: m.peerId }));
        } else if (m.type === 'presence') onPresence(m.peers);
        else if (m.type === 'signal') void mesh.signal(m.from, m.data);
        else if (m.type === 'error' && m.code !== 'not_in_room') setCall((c) => ({ ...c, error: m.code }));
      };
      socket.onclose = () => setCall((c) => ({ ...c, closed: true }));
    };
    void start();
    return () => {
      stopped = true;
      socket?.close();
      mesh.close();
      for (const t of local?.getTracks() ?? []) t.stop();
    };
  }, [bookingId]);

  return { call, localStream };
}
