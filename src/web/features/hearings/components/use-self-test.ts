/**
 * The self-test's four checks, started together by one click (a click lets the page's audio
 * start, which browsers otherwise hold back): the camera (its picture reaches the page), the
 * microphone (a level meter; heard once it rises above the hiss), the speaker (a tone the person
 * says they heard) and the connection (round trips to the server's echo socket for this hearing,
 * which joins nothing; or the office's, for a booth's check). Everything is released when the page goes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { signallingUrl } from '#web/ui/peer-mesh.ts';
import {
  type DeviceProblem,
  HEARD_LEVEL,
  SLOW_ROUND_TRIP_MS,
  deviceProblem,
  level,
  medianRoundTrip,
} from './device-checks';

export type CheckStatus = 'idle' | 'running' | 'ok' | 'slow' | 'silent' | 'asking' | 'fail';

export interface Check {
  status: CheckStatus;
  problem?: DeviceProblem;
}

const PINGS = 5;
/** A microphone that has not risen above the hiss in this long is reported silent (the meter keeps running). */
const SILENT_AFTER_MS = 10_000;
const CONNECT_TIMEOUT_MS = 10_000;

/** `echoPath`: the echo socket the connection is measured against (the hearing's, or the office's for a booth). */
export function useSelfTest(echoPath: string) {
  const [camera, setCamera] = useState<Check>({ status: 'idle' });
  const [microphone, setMicrophone] = useState<Check>({ status: 'idle' });
  const [speaker, setSpeaker] = useState<Check>({ status: 'idle' });
  const [connection, setConnection] = useState<Check & { ms?: number }>({ status: 'idle' });
  const [cameraStream, setCameraStream] = useState<MediaStream | null>(null);
  const [micLevel, setMicLevel] = useState(0);
  const release = useRef<(() => void)[]>([]);
  const audio = useRef<AudioContext | null>(null);

  const cleanUp = useCallback(() => {
    for (const r of release.current.splice(0)) r();
  }, []);
  useEffect(() => cleanUp, [cleanUp]);

  const audioContext = () => {
    if (!audio.current) {
      const ctx = new AudioContext();
      audio.current = ctx;
      release.current.push(() => {
        void ctx.close();
        audio.current = null;
      });
    }
    void audio.current.resume();
    return audio.current;
  };

  const checkCamera = async () => {
    setCamera({ status: 'running' });
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 320, height: 240 } });
      release.current.push(() => {
        for (const t of stream.getTracks()) t.stop();
      });
      setCameraStream(stream);
    } catch (error) {
      setCamera({ status: 'fail', problem: deviceProblem(error) });
    }
  };

  const checkMicrophone = async (ctx: AudioContext) => {
    setMicrophone({ status: 'running' });
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const analyser = ctx.createAnalyser();
      analyser.fftSize = 512;
      const source = ctx.createMediaStreamSource(stream);
      source.connect(analyser);
      const frame = new Uint8Array(analyser.fftSize);
      let heard = false;
      const started = Date.now();
      const timer = window.setInterval(() => {
        analyser.getByteTimeDomainData(frame);
        const now = level(frame);
        setMicLevel(now);
        if (!heard && now > HEARD_LEVEL) {
          heard = true;
          setMicrophone({ status: 'ok' });
        } else if (!heard && Date.now() - started > SILENT_AFTER_MS) {
          setMicrophone({ status: 'silent' });
        }
      }, 100);
      release.current.push(() => {
        window.clearInterval(timer);
        source.disconnect();
        for (const t of stream.getTracks()) t.stop();
      });
    } catch (error) {
      setMicrophone({ status: 'fail', problem: deviceProblem(error) });
    }
  };

  const checkConnection = () => {
    setConnection({ status: 'running' });
    const rtts: number[] = [];
    let sentAt = 0;
    let done = false;
    const ws = new WebSocket(signallingUrl(echoPath));
    const finish = (result: Check & { ms?: number }) => {
      if (done) return;
      done = true;
      window.clearTimeout(timeout);
      ws.close();
      setConnection(result);
    };
    const timeout = window.setTimeout(() => finish({ status: 'fail' }), CONNECT_TIMEOUT_MS);
    const ping = () => {
      sentAt = performance.now();
      ws.send(JSON.stringify({ type: 'ping', n: rtts.length }));
    };
    ws.onopen = ping;
    ws.onmessage = (event) => {
      const m = JSON.parse(String(event.data)) as { type: string; n?: number };
      if (m.type !== 'pong' || m.n !== rtts.length) return;
      rtts.push(performance.now() - sentAt);
      if (rtts.length < PINGS) return ping();
      const ms = medianRoundTrip(rtts) ?? 0;
      finish({ status: ms > SLOW_ROUND_TRIP_MS ? 'slow' : 'ok', ms });
    };
    ws.onclose = () => finish({ status: 'fail' });
    release.current.push(() => finish({ status: 'idle' }));
  };

  /** Runs the checks again from the start (after the person fixed something). */
  const start = () => {
    cleanUp();
    setCameraStream(null);
    setMicLevel(0);
    setSpeaker({ status: 'idle' });
    if (!navigator.mediaDevices?.getUserMedia) {
      setCamera({ status: 'fail', problem: 'unsupported' });
      setMicrophone({ status: 'fail', problem: 'unsupported' });
    } else {
      void checkCamera();
      void checkMicrophone(audioContext());
    }
    checkConnection();
  };

  /** The camera passes when its picture has reached the page's video element. */
  const pictureShown = useCallback(() => setCamera({ status: 'ok' }), []);

  /** A one-second 440 Hz tone at a moderate volume; the person then says whether they heard it. */
  const playTone = () => {
    const ctx = audioContext();
    const tone = ctx.createOscillator();
    const gain = ctx.createGain();
    tone.frequency.value = 440;
    gain.gain.value = 0.2;
    tone.connect(gain).connect(ctx.destination);
    tone.start();
    tone.stop(ctx.currentTime + 1);
    setSpeaker({ status: 'asking' });
  };
  const heard = useCallback((yes: boolean) => setSpeaker({ status: yes ? 'ok' : 'fail' }), []);

  return { camera, microphone, speaker, connection, cameraStream, micLevel, start, pictureShown, playTone, heard };
}
