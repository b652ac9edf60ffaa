/**
 * Video between browsers over a signalling WebSocket: one RTCPeerConnection per other peer (a
 * mesh), with the STUN and TURN servers the server gives the page (none on one machine). Of two peers the one with the smaller peer id offers, the
 * other answers; candidates follow as `signal` messages. Shared by the hearing room and the
 * consultation call, whose servers relay the same `signal` messages.
 */

type SignalData = { description?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit };

export interface PeerMeshEvents {
  stream(peerId: string, stream: MediaStream): void;
  state(peerId: string, state: RTCPeerConnectionState): void;
  dropped(peerId: string): void;
}

export function peerMesh(
  send: (message: unknown) => void,
  local: () => MediaStream | null,
  events: PeerMeshEvents,
  iceServers: () => RTCIceServer[],
) {
  const peers = new Map<string, RTCPeerConnection>();

  const connectionTo = (peerId: string) => {
    const existing = peers.get(peerId);
    if (existing) return existing;
    const pc = new RTCPeerConnection({ iceServers: iceServers() });
    peers.set(peerId, pc);
    const stream = local();
    for (const track of stream?.getTracks() ?? []) pc.addTrack(track, stream!);
    pc.onicecandidate = (e) => {
      if (e.candidate) send({ type: 'signal', to: peerId, data: { candidate: e.candidate.toJSON() } });
    };
    pc.ontrack = (e) => {
      const [remote] = e.streams;
      if (remote) events.stream(peerId, remote);
    };
    pc.onconnectionstatechange = () => events.state(peerId, pc.connectionState);
    return pc;
  };

  const drop = (peerId: string) => {
    peers.get(peerId)?.close();
    peers.delete(peerId);
    events.dropped(peerId);
  };

  /** Connects to a peer not yet connected, offering when this side's id is the smaller. */
  const meet = (me: string, peerId: string) => {
    if (peers.has(peerId) || !(me < peerId)) return;
    const pc = connectionTo(peerId);
    // An offer carries only the kinds it names: a side without a microphone (or camera) asks to
    // receive them anyway, or it would never hear (or see) the other.
    const sent = new Set(pc.getSenders().map((sender) => sender.track?.kind));
    for (const kind of ['audio', 'video'] as const)
      if (!sent.has(kind)) pc.addTransceiver(kind, { direction: 'recvonly' });
    void pc
      .createOffer()
      .then((offer) => pc.setLocalDescription(offer))
      .then(() => send({ type: 'signal', to: peerId, data: { description: pc.localDescription?.toJSON() } }));
  };

  const signal = async (from: string, data: SignalData) => {
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

  const close = () => {
    for (const id of [...peers.keys()]) drop(id);
  };

  return { peers, meet, drop, signal, close };
}

/** The signalling socket's address on this page's host. */
export const signallingUrl = (path: string) =>
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;

/** getUserMedia's failures that mean a device is missing or busy, not that the person said no. */
const NO_DEVICE = new Set(['NotFoundError', 'NotReadableError', 'OverconstrainedError']);

/**
 * A small camera picture and the microphone: enough for a hearing or a consultation. A device with
 * only one of the two still takes part with it (heard without a camera, seen without a
 * microphone); a refusal is not asked again.
 */
export async function cameraAndMicrophone(): Promise<MediaStream> {
  const video = { width: 320, height: 240 };
  try {
    return await navigator.mediaDevices.getUserMedia({ video, audio: true });
  } catch (error) {
    if (!(error instanceof DOMException && NO_DEVICE.has(error.name))) throw error;
    for (const one of [{ audio: true }, { video }]) {
      try {
        return await navigator.mediaDevices.getUserMedia(one);
      } catch {
        // Not this one either.
      }
    }
    throw error;
  }
}
