import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '#server/platform/errors/app-error';
import { sweepOrphanedFiles, type StoredFileOwner } from './orphans';
import { LocalFolderStorage, readVerified, sha256Hex } from './storage';

let root: string;
let storage: LocalFolderStorage;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'daftar-storage-'));
  storage = new LocalFolderStorage(root);
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** Records what would be logged. */
function recordingLog() {
  const entries: { details: Record<string, unknown>; message: string }[] = [];
  return {
    entries,
    error: (details: Record<string, unknown>, message: string) => {
      entries.push({ details, message });
    },
  };
}

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe('stored bytes are served only while they match their recorded SHA-256', () => {
  it('intact bytes are returned as stored', async () => {
    const stored = await storage.put('filings/1', Buffer.from('%PDF-1.7 a petition'));
    expect((await readVerified(storage, stored)).toString()).toBe('%PDF-1.7 a petition');
  });

  it('bytes changed on disk are refused with file_integrity_failed, and the key and both hashes are logged', async () => {
    const stored = await storage.put('filings/1', Buffer.from('%PDF-1.7 the original'));
    await fs.writeFile(path.join(root, stored.key), '%PDF-1.7 the forgery');
    const log = recordingLog();
    expect(await codeOf(readVerified(storage, stored, log))).toBe('file_integrity_failed');
    expect(log.entries).toEqual([
      {
        message: 'stored file failed its SHA-256 check',
        details: expect.objectContaining({
          storageKey: stored.key,
          expectedSha256: stored.sha256,
          actualSha256: sha256Hex(Buffer.from('%PDF-1.7 the forgery')),
        }),
      },
    ]);
  });

  it('bytes that are gone answer not found, and are logged', async () => {
    const stored = await storage.put('filings/1', Buffer.from('x'));
    await storage.remove(stored.key);
    const log = recordingLog();
    expect(await codeOf(readVerified(storage, stored, log))).toBe('not_found');
    expect(log.entries[0].details).toMatchObject({ storageKey: stored.key });
  });
});

describe('the orphan sweep', () => {
  const HOUR = 3_600_000;
  const now = new Date('2026-12-06T02:20:00Z');
  async function storedAt(prefix: string, hoursAgo: number) {
    const o = await storage.put(prefix, Buffer.from(`${prefix} ${hoursAgo}`));
    const at = new Date(now.getTime() - hoursAgo * HOUR);
    await fs.utimes(path.join(root, o.key), at, at);
    return o.key;
  }

  it('removes files older than the grace that no row references; keeps fresh ones, referenced ones and other prefixes', async () => {
    const orphan = await storedAt('filings/7', 30);
    const fresh = await storedAt('filings/7', 2);
    const kept = await storedAt('filings/8', 30);
    const unowned = await storedAt('exports/1', 30);
    // An upload cut short: never an object, never listed.
    await fs.writeFile(path.join(root, 'filings', '7', 'abc.part'), 'half');
    const owner: StoredFileOwner = {
      prefix: 'filings/',
      referenced: async (_db, keys) => new Set(keys.filter((k) => k === kept)),
    };
    const result = await sweepOrphanedFiles({} as never, storage, [owner], { now, graceHours: 24 });
    expect(result).toEqual({ examined: 3, removed: [orphan] });
    expect(await storage.get(orphan)).toBeNull();
    for (const key of [fresh, kept, unowned]) expect(await storage.get(key)).not.toBeNull();
  });

  it('lists nothing under a prefix never written to', async () => {
    const keys = [];
    for await (const o of storage.list('nothing-here/')) keys.push(o.key);
    expect(keys).toEqual([]);
  });
});
