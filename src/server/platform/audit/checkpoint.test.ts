import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkpointPayload, checkSignature, parseCheckpoints, signCheckpoint } from './checkpoint';

const { privateKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const head = { seq: 42, hash: 'ab'.repeat(32), at: '2026-11-29T08:30:00.000Z' };

describe('the canonical payload', () => {
  it('is a fixed label and the three fields, one a line', () => {
    expect(checkpointPayload(head).toString('utf8')).toBe(
      `daftar-audit-checkpoint/v1\n42\n${'ab'.repeat(32)}\n2026-11-29T08:30:00.000Z\n`,
    );
  });

  it('refuses a sequence number, hash or time that is not one', () => {
    expect(() => checkpointPayload({ ...head, seq: -1 })).toThrow(/sequence/);
    expect(() => checkpointPayload({ ...head, hash: 'AB'.repeat(32) })).toThrow(/hash/);
    expect(() => checkpointPayload({ ...head, at: 'yesterday' })).toThrow(/time/);
  });
});

describe('signing and checking', () => {
  const signed = signCheckpoint(head, privateKey);

  it('a checkpoint checks with the key it carries and with the signer’s own public key', () => {
    expect(signed).toMatchObject({ v: 1, ...head });
    expect(signed.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(checkSignature(signed)).toEqual({ ok: true, keyId: signed.keyId });
    expect(checkSignature(signed, other.publicKey).ok).toBe(false);
  });

  it('changing the sequence number, the hash or the time breaks the signature', () => {
    for (const forged of [
      { ...signed, seq: 41 },
      { ...signed, hash: 'cd'.repeat(32) },
      { ...signed, at: '2026-11-30T08:30:00.000Z' },
    ])
      expect(checkSignature(forged)).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('a checkpoint re-signed with another key fails against the trusted key, though it checks on its own', () => {
    const forged = signCheckpoint({ ...head, hash: 'cd'.repeat(32) }, other.privateKey);
    expect(checkSignature(forged).ok).toBe(true);
    expect(checkSignature(forged, createPublicKey(privateKey))).toMatchObject({ ok: false, reason: 'wrong_key' });
  });

  it('a garbled key or signature is a failure, not an exception', () => {
    expect(checkSignature({ ...signed, publicKey: 'bm90IGEga2V5' })).toMatchObject({ ok: false, reason: 'malformed' });
    expect(checkSignature({ ...signed, signature: 'AAAA' })).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('only an Ed25519 key signs', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => signCheckpoint(head, rsa.privateKey)).toThrow(/Ed25519/);
  });
});

describe('reading checkpoint files', () => {
  const a = signCheckpoint(head, privateKey);
  const b = signCheckpoint({ ...head, seq: 43 }, privateKey);

  it('reads JSON lines, one object, or an array', () => {
    expect(parseCheckpoints(`${JSON.stringify(a)}\n\n${JSON.stringify(b)}\n`)).toEqual([a, b]);
    expect(parseCheckpoints(JSON.stringify(a, null, 2))).toEqual([a]);
    expect(parseCheckpoints(JSON.stringify([a, b]))).toEqual([a, b]);
  });

  it('refuses an empty file, a line that is not JSON, and an object that is not a checkpoint', () => {
    expect(() => parseCheckpoints('  \n')).toThrow(/empty/);
    expect(() => parseCheckpoints(`${JSON.stringify(a)}\nnot json`)).toThrow(/line 2/);
    expect(() => parseCheckpoints('{"seq": 1}')).toThrow(/not a version 1 signed checkpoint/);
  });
});
