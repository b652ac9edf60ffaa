/**
 * The STUN and TURN servers the call pages' peer connections use (`RTCPeerConnection`'s
 * `iceServers`): none by default — on one machine, or a network where every browser reaches every
 * other, host candidates suffice — and, for a real deployment, the list in `DAFTAR_ICE_SERVERS`.
 *
 * A TURN server run with coturn's `use-auth-secret` (its "TURN REST API") shares a secret with this
 * server, `DAFTAR_TURN_SECRET`: each TURN entry without a fixed username then gets time-limited
 * credentials per person, as coturn's README.turnserver ("TURN REST API") and
 * draft-uberti-behave-turn-rest-00 §2.2 define them:
 *
 *   username   = "<expiry, seconds since 1970>:<user id>"
 *   credential = base64(HMAC-SHA1(key = the shared secret, message = username))
 *
 * coturn recomputes the credential from the username and refuses it after the expiry. Nothing is
 * stored; a page asks again when it opens a call.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';

/** One entry of the setting, as `RTCIceServer` takes it. */
export interface IceServerSetting {
  urls: string[];
  username?: string;
  credential?: string;
}

export interface IceConfig {
  servers: IceServerSetting[];
  /** coturn's `static-auth-secret`, or null (TURN entries then carry their own username and credential). */
  turnSecret: string | null;
  /** How long time-limited TURN credentials stay valid. */
  ttlSeconds: number;
}

const ICE_URL = /^(stun|stuns|turn|turns):[^\s]+$/;
const isTurn = (url: string) => /^turns?:/.test(url);

const iceUrl = z.string().regex(ICE_URL);
const iceServerEntry = z.strictObject({
  urls: z.union([iceUrl, z.array(iceUrl).min(1)]),
  username: z.string().min(1).optional(),
  credential: z.string().min(1).optional(),
});

/**
 * `DAFTAR_ICE_SERVERS`: empty (none); a JSON array of `RTCIceServer`s; or `stun:`/`turn:` addresses
 * separated by spaces or commas, one server each. Throws, naming the setting, on anything else.
 */
export function parseIceServers(value: string | undefined): IceServerSetting[] {
  const text = value?.trim() ?? '';
  if (!text) return [];
  if (text.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error('DAFTAR_ICE_SERVERS is not valid JSON');
    }
    const parsed = z.array(iceServerEntry).safeParse(json);
    if (!parsed.success)
      throw new Error(
        'DAFTAR_ICE_SERVERS must be a JSON array of {"urls": "stun:…" | "turn:…" | [...], "username"?, "credential"?}',
      );
    return parsed.data.map((s) => ({ ...s, urls: typeof s.urls === 'string' ? [s.urls] : s.urls }));
  }
  return text.split(/[\s,]+/).map((url) => {
    if (!ICE_URL.test(url))
      throw new Error(`DAFTAR_ICE_SERVERS: "${url}" is not a stun:, stuns:, turn: or turns: address`);
    return { urls: [url] };
  });
}

/** The setting, checked: a TURN server needs a username and credential of its own or the shared secret to make them. */
export function iceConfig(env: NodeJS.ProcessEnv): IceConfig {
  const servers = parseIceServers(env.DAFTAR_ICE_SERVERS);
  const turnSecret = env.DAFTAR_TURN_SECRET || null;
  const ttl = Number(env.DAFTAR_TURN_TTL_SECONDS ?? 86_400);
  if (!Number.isInteger(ttl) || ttl < 60)
    throw new Error(
      `DAFTAR_TURN_TTL_SECONDS must be a whole number of 60 or more, got "${env.DAFTAR_TURN_TTL_SECONDS}"`,
    );
  for (const s of servers)
    if (s.urls.some(isTurn) && !(s.username && s.credential) && !turnSecret)
      throw new Error(
        `DAFTAR_ICE_SERVERS: ${s.urls.join(' ')} is a TURN server without a username and credential; set DAFTAR_TURN_SECRET to coturn's static-auth-secret`,
      );
  return { servers, turnSecret, ttlSeconds: ttl };
}

/** coturn's time-limited credentials for a person until `expiresAt` (whole seconds, rounded down). */
export function turnCredentials(secret: string, userId: number | string, expiresAt: Date) {
  const username = `${Math.floor(expiresAt.getTime() / 1000)}:${userId}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}

/** What a call page's peer connections are given: the servers, TURN ones with this person's credentials. */
export function iceServersFor(config: IceConfig, userId: number, now: Date) {
  // Whole seconds, as the username carries it: the answer's expiry is the credentials' own.
  const expiresAt = new Date((Math.floor(now.getTime() / 1000) + config.ttlSeconds) * 1000);
  let limited = false;
  const iceServers = config.servers.map((s) => {
    if (!s.urls.some(isTurn) || (s.username && s.credential) || !config.turnSecret) return { ...s };
    limited = true;
    return { urls: s.urls, ...turnCredentials(config.turnSecret, userId, expiresAt) };
  });
  return { iceServers, expiresAt: limited ? expiresAt.toISOString() : null };
}

/** The answer of the call pages' ICE servers endpoints. */
export const iceServersResponse = z
  .object({
    iceServers: z.array(
      z.object({
        urls: z.array(z.string()),
        username: z.string().optional(),
        credential: z.string().optional(),
      }),
    ),
    /** When time-limited TURN credentials stop working (ask again before), or null when there are none. */
    expiresAt: z.string().nullable(),
  })
  .meta({ id: 'IceServers' });
