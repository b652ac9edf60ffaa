import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const PRODUCTION = { NODE_ENV: 'production', DAFTAR_PAYMENT_SECRET: 'a-secret-of-the-deployment' };

describe('the demo dataset', () => {
  it('is loaded by default on a development machine, where the quick start needs it', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
  });

  it('is never loaded by a production start unless asked for: its accounts share a published password', () => {
    expect(loadConfig(PRODUCTION).seedDemo).toBe(false);
  });

  it('is loaded in production only when DAFTAR_SEED_DEMO asks for it explicitly', () => {
    expect(loadConfig({ ...PRODUCTION, DAFTAR_SEED_DEMO: '1' }).seedDemo).toBe(true);
    expect(loadConfig({ DAFTAR_SEED_DEMO: '0' }).seedDemo).toBe(false);
  });
});

describe('production settings', () => {
  it("refuse to start without the payment callbacks' own signing secret", () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DAFTAR_PAYMENT_SECRET/);
  });
});

describe('the Janus SFU for large hearings', () => {
  it('is off unless DAFTAR_JANUS_URL names it; its HTTP API defaults to Janus on this machine', () => {
    expect(loadConfig({}).janus).toBeNull();
    expect(loadConfig({ DAFTAR_JANUS_URL: 'wss://media.example.ir/janus' }).janus).toEqual({
      url: 'wss://media.example.ir/janus',
      apiUrl: 'http://127.0.0.1:8088/janus',
      adminKey: undefined,
    });
  });

  it('refuses addresses of the wrong kind at start, naming the variable', () => {
    expect(() => loadConfig({ DAFTAR_JANUS_URL: 'http://127.0.0.1:8188' })).toThrow(/DAFTAR_JANUS_URL/);
    expect(() => loadConfig({ DAFTAR_JANUS_URL: 'ws://127.0.0.1:8188', DAFTAR_JANUS_API_URL: 'janus' })).toThrow(
      /DAFTAR_JANUS_API_URL/,
    );
  });
});
