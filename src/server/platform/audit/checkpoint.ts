/**
 * Signed checkpoints of the audit chain (decision 0033): the head's sequence number and hash at a
 * moment, signed with an Ed25519 key the database does not hold. Kept outside the database (a
 * file, the regulator's inbox, a download), a checkpoint proves later that the chain still
 * contains that head: whoever rewrites or cuts the chain in the database, even its owner with the
 * triggers off, cannot make the old head's hash come back without the chain it was computed over.
 *
 * Pure: the canonical payload, signing and checking; no file and no database.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

const CHECKPOINT_VERSION = 1;

/** What is signed. */
export interface CheckpointHead {
  /** The head's sequence number (0 for an empty chain). */
  seq: number;
  /** The head event's hash (the genesis hash for an empty chain). */
  hash: string;
  /** When the checkpoint was made, ISO 8601 in UTC. */
  at: string;
}

export interface SignedCheckpoint extends CheckpointHead {
  v: typeof CHECKPOINT_VERSION;
  /** The first 16 hex digits of the SHA-256 of the public key (DER, SPKI): which key signed. */
  keyId: string;
  /** The public key, DER (SPKI) in base64, so the file checks on its own. */
  publicKey: string;
  /** Ed25519 signature of the canonical payload, base64. */
  signature: string;
}

/** The exact bytes signed: a fixed label and the three fields, one a line, no JSON ambiguity. */
export function checkpointPayload(head: CheckpointHead): Buffer {
  if (!Number.isSafeInteger(head.seq) || head.seq < 0) throw new Error(`invalid sequence number ${head.seq}`);
  if (!/^[0-9a-f]{64}$/.test(head.hash)) throw new Error('invalid chain hash');
  if (Number.isNaN(Date.parse(head.at))) throw new Error('invalid checkpoint time');
  return Buffer.from(`daftar-audit-checkpoint/v${CHECKPOINT_VERSION}\n${head.seq}\n${head.hash}\n${head.at}\n`, 'utf8');
}

function publicKeyDer(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKeyDer(publicKey)).digest('hex').slice(0, 16);
}

/** Signs a head with an Ed25519 private key (PEM or KeyObject). */
export function signCheckpoint(head: CheckpointHead, privateKey: KeyObject | string): SignedCheckpoint {
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the audit signing key must be an Ed25519 key');
  const publicKey = createPublicKey(key);
  return {
    v: CHECKPOINT_VERSION,
    seq: head.seq,
    hash: head.hash,
    at: head.at,
    keyId: keyIdOf(publicKey),
    publicKey: publicKeyDer(publicKey).toString('base64'),
    signature: sign(null, checkpointPayload(head), key).toString('base64'),
  };
}

export type SignatureCheck =
  | { ok: true; keyId: string }
  | { ok: false; reason: 'malformed' | 'wrong_key' | 'bad_signature'; detail: string };

/**
 * Checks a checkpoint's signature. With `trusted` (the operator's own public key) the checkpoint
 * must have been signed by that key; without it, by the key the checkpoint carries — which only
 * proves the file is intact, not who made it.
 */
export function checkSignature(checkpoint: SignedCheckpoint, trusted?: KeyObject): SignatureCheck {
  let carried: KeyObject;
  let payload: Buffer;
  try {
    carried = createPublicKey({ key: Buffer.from(checkpoint.publicKey, 'base64'), format: 'der', type: 'spki' });
    payload = checkpointPayload(checkpoint);
  } catch (error) {
    return { ok: false, reason: 'malformed', detail: (error as Error).message };
  }
  if (carried.asymmetricKeyType !== 'ed25519')
    return { ok: false, reason: 'malformed', detail: 'the carried key is not an Ed25519 key' };
  const key = trusted ?? carried;
  if (trusted && !publicKeyDer(trusted).equals(publicKeyDer(carried)))
    return {
      ok: false,
      reason: 'wrong_key',
      detail: `signed by key ${keyIdOf(carried)}, not by the trusted key ${keyIdOf(trusted)}`,
    };
  const signature = Buffer.from(checkpoint.signature ?? '', 'base64');
  if (signature.length !== 64 || !verify(null, payload, key, signature))
    return { ok: false, reason: 'bad_signature', detail: 'the signature does not match the sequence, hash and time' };
  return { ok: true, keyId: keyIdOf(key) };
}

/**
 * Reads checkpoints from a file's text: JSON lines (the anchor file) or one JSON object or array
 * (a downloaded checkpoint). Throws on anything else.
 */
export function parseCheckpoints(text: string): SignedCheckpoint[] {
  const trimmed = text.trim();
  if (!trimmed) throw new Error('the checkpoint file is empty');
  let values: unknown[];
  try {
    const whole = JSON.parse(trimmed) as unknown;
    values = Array.isArray(whole) ? whole : [whole];
  } catch {
    values = trimmed
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line, i) => {
        try {
          return JSON.parse(line) as unknown;
        } catch {
          throw new Error(`line ${i + 1} of the checkpoint file is not JSON`);
        }
      });
  }
  return values.map((value, i) => {
    const c = value as Partial<SignedCheckpoint> | null;
    if (
      !c ||
      typeof c !== 'object' ||
      c.v !== CHECKPOINT_VERSION ||
      typeof c.seq !== 'number' ||
      typeof c.hash !== 'string' ||
      typeof c.at !== 'string' ||
      typeof c.publicKey !== 'string' ||
      typeof c.signature !== 'string'
    )
      throw new Error(`checkpoint ${i + 1} is not a version ${CHECKPOINT_VERSION} signed checkpoint`);
    return c as SignedCheckpoint;
  });
}
