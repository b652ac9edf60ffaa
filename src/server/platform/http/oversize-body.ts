/**
 * A body over the limit is found out before the client has finished sending it. Answering then
 * and closing the connection (as Fastify does) closes a socket with unread data, which the kernel
 * answers with a reset: a client still writing got ECONNRESET or EPIPE instead of the 413. So the
 * rest of the body is read and thrown away first, and the 413 is sent once the request has ended;
 * a client that keeps sending past a bound of bytes or time gets the answer and is cut off.
 */
import type { FastifyRequest } from 'fastify';

/** At most this much more is read and thrown away… */
const DRAIN_BYTES = 64 * 1_048_576;
/** …for at most this long. */
const DRAIN_MS = 60_000;

/**
 * Reads the unread rest of the request and throws it away. Resolves true once the request has
 * ended, false when it went past the bounds (the connection is then closed after the answer).
 */
export function drainRequestBody(request: FastifyRequest): Promise<boolean> {
  const raw = request.raw;
  if (raw.complete || raw.readableEnded || raw.destroyed || !raw.socket) return Promise.resolve(true);
  const socket = raw.socket;
  return new Promise((resolve) => {
    let drained = 0;
    const finish = (ended: boolean) => {
      clearTimeout(timer);
      raw.off('data', onData);
      raw.off('end', onEnd);
      raw.off('close', onClose);
      raw.off('error', onClose);
      if (!ended) {
        raw.pause();
        // Cut off once the answer is out.
        socket.once('drain', () => socket.destroy());
        setTimeout(() => socket.destroy(), 1_000).unref();
      }
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > DRAIN_BYTES) finish(false);
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(raw.complete);
    const timer = setTimeout(() => finish(false), DRAIN_MS);
    timer.unref();
    raw.on('data', onData);
    raw.once('end', onEnd);
    raw.once('close', onClose);
    raw.once('error', onClose);
    raw.resume();
  });
}
