/**
 * The Janus videorooms of hearings that go through the SFU (`#core/hearing-media`), managed over
 * Janus's HTTP API: the server creates a hearing's rooms (private, listed nowhere, each with a
 * secret only this process knows), lets one person in at a time by adding a token of their own to
 * the room's `allowed` list, and takes them out again by removing the token and kicking their
 * feed. Browsers then talk to Janus themselves (the page's `ui/janus-room.ts`) and can join no
 * room they were not given a token for; `require_pvtid` keeps anyone without a publisher's
 * private id in the room from subscribing to it.
 *
 * Every request here is synchronous on Janus's side (create, allowed, kick, destroy answer with
 * `success` at once): one plugin handle of one session serves them all, made again when Janus
 * forgot it (its session timed out, Janus restarted).
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { SfuRoom } from '#core/hearing-media';
import type { Config } from '#server/platform/config';

type JanusConfig = NonNullable<Config['janus']>;

interface JanusAnswer {
  janus: string;
  data?: { id: number };
  error?: { code: number; reason: string };
  plugindata?: { data: { videoroom?: string; error_code?: number; error?: string } & Record<string, unknown> };
}

/** Janus's codes for a session or handle it does not know (any more). */
const FORGOTTEN = new Set([458, 459]);
/** The videoroom's code for "no such room". */
const NO_SUCH_ROOM = 426;
/** The videoroom's codes for "no such room" and "no such feed": nothing left to remove. */
const ALREADY_GONE = new Set([NO_SUCH_ROOM, 428]);
/** The videoroom's code for a room id already taken. */
const ROOM_EXISTS = 427;

class JanusError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(`Janus: ${message} (${code})`);
  }
}

export class JanusRooms {
  private handle: Promise<{ session: number; handle: number }> | null = null;
  private transactions = 0;

  constructor(private readonly config: JanusConfig) {}

  private async post(path: string, body: Record<string, unknown>): Promise<JanusAnswer> {
    const response = await fetch(`${this.config.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, transaction: `d${++this.transactions}` }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new JanusError(response.status, `HTTP ${response.status}`);
    const answer = (await response.json()) as JanusAnswer;
    if (answer.janus === 'error') throw new JanusError(answer.error?.code ?? 0, answer.error?.reason ?? 'error');
    return answer;
  }

  private videoroomHandle() {
    this.handle ??= (async () => {
      const session = (await this.post('', { janus: 'create' })).data!.id;
      const handle = (await this.post(`/${session}`, { janus: 'attach', plugin: 'janus.plugin.videoroom' })).data!.id;
      return { session, handle };
    })().catch((error: unknown) => {
      this.handle = null;
      throw error;
    });
    return this.handle;
  }

  /** One videoroom request; its answer, or a JanusError with the plugin's own code. */
  private async request(body: Record<string, unknown>, retried = false): Promise<Record<string, unknown>> {
    const { session, handle } = await this.videoroomHandle();
    let answer: JanusAnswer;
    try {
      answer = await this.post(`/${session}/${handle}`, { janus: 'message', body });
    } catch (error) {
      if (!retried && error instanceof JanusError && FORGOTTEN.has(error.code)) {
        this.handle = null;
        return this.request(body, true);
      }
      throw error;
    }
    const data = answer.plugindata?.data;
    if (!data) throw new JanusError(0, `no answer to ${String(body.request)}`);
    if (data.error_code) throw new JanusError(data.error_code, data.error ?? 'error');
    return data;
  }

  /** A new private room for one of a hearing's rooms: its id and the secret that manages it. */
  async create(hearingId: number, which: SfuRoom): Promise<{ room: number; secret: string }> {
    const secret = randomBytes(18).toString('base64url');
    for (let attempt = 0; ; attempt++) {
      // An id of its own each time: a room a previous run of the server left behind is never reused.
      const room = randomInt(1, 2 ** 47);
      try {
        await this.request({
          request: 'create',
          room,
          description: `hearing ${hearingId} ${which}`,
          secret,
          ...(this.config.adminKey ? { admin_key: this.config.adminKey } : {}),
          is_private: true,
          allowed: [],
          require_pvtid: true,
          // The judge, the clerk and every listed participant could be in one room.
          publishers: 32,
          audiocodec: 'opus',
          videocodec: 'vp8',
          bitrate: 256_000,
          notify_joining: false,
        });
        return { room, secret };
      } catch (error) {
        if (!(error instanceof JanusError && error.code === ROOM_EXISTS) || attempt >= 3) throw error;
      }
    }
  }

  /** Lets the holder of `token` into the room. */
  async allow(room: { room: number; secret: string }, token: string) {
    await this.request({ request: 'allowed', room: room.room, secret: room.secret, action: 'add', allowed: [token] });
  }

  /** Takes `token` off the room's list and its holder's feed out of the room (both may be gone already). */
  async revoke(room: { room: number; secret: string }, token: string, feed: number) {
    await this.ignoringGone({
      request: 'allowed',
      room: room.room,
      secret: room.secret,
      action: 'remove',
      allowed: [token],
    });
    await this.kick(room, feed);
  }

  /** The feeds publishing in the room now. */
  async feeds(room: { room: number; secret: string }): Promise<number[]> {
    const data = await this.request({ request: 'listparticipants', room: room.room, secret: room.secret });
    return ((data.participants as { id: number }[] | undefined) ?? []).map((p) => p.id);
  }

  /** Kicks a feed out of the room (it may be gone already). */
  async kick(room: { room: number; secret: string }, feed: number) {
    await this.ignoringGone({ request: 'kick', room: room.room, secret: room.secret, id: feed });
  }

  async destroy(room: { room: number; secret: string }) {
    await this.ignoringGone({ request: 'destroy', room: room.room, secret: room.secret });
  }

  private async ignoringGone(body: Record<string, unknown>) {
    try {
      await this.request(body);
    } catch (error) {
      if (!(error instanceof JanusError && ALREADY_GONE.has(error.code))) throw error;
    }
  }
}

/** Janus answered that it does not know the room (it was restarted and forgot its rooms). */
export const isRoomGone = (error: unknown) => error instanceof JanusError && error.code === NO_SUCH_ROOM;

/** A token for one person's way into one room. */
export const roomToken = () => randomBytes(18).toString('base64url');

const clients = new Map<string, JanusRooms>();

/** The rooms client of the configured Janus (one per address). */
export function janusRooms(config: JanusConfig): JanusRooms {
  let client = clients.get(config.apiUrl);
  if (!client) {
    client = new JanusRooms(config);
    clients.set(config.apiUrl, client);
  }
  return client;
}
