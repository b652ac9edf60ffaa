import { describe, expect, it } from 'vitest';
import { iceConfig, iceServersFor, parseIceServers, turnCredentials } from './ice-servers';

describe('time-limited TURN credentials (coturn use-auth-secret, the "TURN REST API")', () => {
  it("coturn's example secret and user: username expiry:user, credential base64(HMAC-SHA1(secret, username))", () => {
    // coturn's examples/scripts/restapi/secure_relay_secret.sh runs turnserver with
    // --use-auth-secret --static-auth-secret=logen, and secure_udp_client_with_secret.sh connects as
    // user "ninefingers" with secret "logen"; README.turnserver ("TURN REST API"):
    //   temporary-username = "timestamp" + ":" + "username"
    //   temporary-password = base64_encode(hmac-sha1(shared-secret, temporary-username))
    // For 2025-01-01 00:00 UTC (1735689600), computed independently with OpenSSL:
    //   printf '%s' '1735689600:ninefingers' | openssl dgst -sha1 -hmac logen -binary | base64
    expect(turnCredentials('logen', 'ninefingers', new Date('2025-01-01T00:00:00Z'))).toEqual({
      username: '1735689600:ninefingers',
      credential: '1yokUmhkWCq1o9iGgHUy6ex6dlk=',
    });
  });

  it('the expiry is whole seconds, rounded down', () => {
    expect(turnCredentials('logen', 7, new Date('2025-01-01T00:00:00.999Z')).username).toBe('1735689600:7');
  });
});

describe('DAFTAR_ICE_SERVERS', () => {
  it('is none by default: one machine needs no STUN or TURN', () => {
    expect(iceConfig({})).toEqual({ servers: [], turnSecret: null, ttlSeconds: 86_400 });
  });

  it('takes stun: and turn: addresses separated by spaces or commas, one server each', () => {
    expect(
      parseIceServers('stun:stun.daftar.ir:3478, turn:turn.daftar.ir:3478?transport=udp turns:turn.daftar.ir:5349'),
    ).toEqual([
      { urls: ['stun:stun.daftar.ir:3478'] },
      { urls: ['turn:turn.daftar.ir:3478?transport=udp'] },
      { urls: ['turns:turn.daftar.ir:5349'] },
    ]);
  });

  it('takes a JSON array of RTCIceServer, a single url made a list', () => {
    expect(
      parseIceServers('[{"urls":"stun:s.example.ir"},{"urls":["turn:t.example.ir"],"username":"u","credential":"p"}]'),
    ).toEqual([{ urls: ['stun:s.example.ir'] }, { urls: ['turn:t.example.ir'], username: 'u', credential: 'p' }]);
  });

  it('refuses what is not an ICE address, naming the setting', () => {
    expect(() => parseIceServers('https://turn.example.ir')).toThrow(/DAFTAR_ICE_SERVERS/);
    expect(() => parseIceServers('[{"url":"stun:s"}]')).toThrow(/DAFTAR_ICE_SERVERS/);
    expect(() => parseIceServers('[oops')).toThrow(/DAFTAR_ICE_SERVERS/);
  });

  it('refuses a TURN server with neither its own credentials nor the shared secret', () => {
    expect(() => iceConfig({ DAFTAR_ICE_SERVERS: 'turn:t.example.ir' })).toThrow(/DAFTAR_TURN_SECRET/);
    expect(() => iceConfig({ DAFTAR_ICE_SERVERS: 'turn:t.example.ir', DAFTAR_TURN_SECRET: 's' })).not.toThrow();
    expect(() => iceConfig({ DAFTAR_TURN_TTL_SECONDS: '10' })).toThrow(/DAFTAR_TURN_TTL_SECONDS/);
  });
});

describe('the servers a call page is given', () => {
  const now = new Date('2026-05-05T06:30:00Z');

  it("TURN servers get the person's own credentials for the TTL; STUN and fixed credentials pass unchanged", () => {
    const config = iceConfig({
      DAFTAR_ICE_SERVERS:
        '[{"urls":"stun:s.example.ir"},{"urls":["turn:t.example.ir","turns:t.example.ir"]},{"urls":"turn:o.example.ir","username":"u","credential":"p"}]',
      DAFTAR_TURN_SECRET: 'logen',
      DAFTAR_TURN_TTL_SECONDS: '3600',
    });
    const expiry = Math.floor(now.getTime() / 1000) + 3600;
    expect(iceServersFor(config, 42, now)).toEqual({
      iceServers: [
        { urls: ['stun:s.example.ir'] },
        { urls: ['turn:t.example.ir', 'turns:t.example.ir'], ...turnCredentials('logen', 42, new Date(expiry * 1000)) },
        { urls: ['turn:o.example.ir'], username: 'u', credential: 'p' },
      ],
      expiresAt: new Date(expiry * 1000).toISOString(),
    });
    expect(iceServersFor(config, 42, now).iceServers[1].username).toBe(`${expiry}:42`);
  });

  it('no servers, no expiry', () => {
    expect(iceServersFor(iceConfig({}), 42, now)).toEqual({ iceServers: [], expiresAt: null });
  });
});
