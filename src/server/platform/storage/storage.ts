/**
 * Where uploaded documents' bytes live. Records in the database name a storage key and the
 * bytes' SHA-256; the bytes themselves go through this interface. The default keeps them in a
 * local folder (`DAFTAR_FILES_DIR`, or `files/` beside the PGlite data folder); an S3-compatible
 * object store implements the same methods for deployments with several API processes.
 *
 * Bytes are served only through `readVerified`, which checks them against the SHA-256 recorded
 * when they were stored; files whose database row never committed are removed by the orphan
 * sweep (`orphans.ts`, a daily job).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '#server/platform/config';
import { AppError } from '#server/platform/errors/app-error';

export interface StoredObject {
  key: string;
  sha256: string;
  sizeBytes: number;
}

export interface FileStorage {
  readonly name: string;
  /** Stores the bytes under a new key beginning with `prefix`; never overwrites. */
  put(prefix: string, bytes: Buffer): Promise<StoredObject>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the object (used to clean up after a refused or rolled-back upload). */
  remove(key: string): Promise<void>;
  /** Every complete object whose key begins with `prefix`, with when it was stored (for the orphan sweep). */
  list(prefix: string): AsyncIterable<{ key: string; storedAt: Date }>;
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_-]*$/;

export class LocalFolderStorage implements FileStorage {
  readonly name = 'local-folder';

  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe storage key: ${key}`);
    return path.join(this.root, key);
  }

  async put(prefix: string, bytes: Buffer): Promise<StoredObject> {
    const sha256 = sha256Hex(bytes);
    const key = `${prefix.replace(/\/+$/, '')}/${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Write to a temporary name and rename, so a crash never leaves half a document under the key.
    const temp = `${file}.part`;
    await fs.writeFile(temp, bytes, { flag: 'wx' });
    await fs.rename(temp, file);
    return { key, sha256, sizeBytes: bytes.length };
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  async *list(prefix: string): AsyncIterable<{ key: string; storedAt: Date }> {
    const base = prefix.replace(/\/+$/, '');
    const start = this.pathOf(base);
    const walk = async function* (dir: string, keyOf: string): AsyncIterable<{ key: string; storedAt: Date }> {
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      for (const entry of entries) {
        const key = `${keyOf}/${entry.name}`;
        if (entry.isDirectory()) yield* walk(path.join(dir, entry.name), key);
        // A `.part` file is a write still in progress (or one a crash cut short): not an object.
        else if (entry.isFile() && SAFE_KEY.test(key))
          yield { key, storedAt: (await fs.stat(path.join(dir, entry.name))).mtime };
      }
    };
    yield* walk(start, base);
  }
}

/** What a caller of `readVerified` logs a refusal with (Fastify's request logger fits). */
export interface IntegrityLog {
  error(details: Record<string, unknown>, message: string): void;
}

/**
 * The stored bytes, served only when they still hash to the SHA-256 recorded when they were
 * stored: a document changed or damaged on disk is refused (`file_integrity_failed`) and logged
 * with its key and both hashes, never handed to a court or a citizen as if it were the original.
 */
export async function readVerified(
  storage: FileStorage,
  stored: { key: string; sha256: string },
  log?: IntegrityLog,
): Promise<Buffer> {
  const bytes = await storage.get(stored.key);
  if (!bytes) {
    // A row whose bytes are gone (or were removed a moment ago with it): answered as not found, and logged.
    log?.error({ storageKey: stored.key, expectedSha256: stored.sha256 }, 'stored file is missing');
    throw new AppError('not_found');
  }
  const actual = sha256Hex(bytes);
  if (actual !== stored.sha256) {
    log?.error(
      { storageKey: stored.key, expectedSha256: stored.sha256, actualSha256: actual, sizeBytes: bytes.length },
      'stored file failed its SHA-256 check',
    );
    throw new AppError('file_integrity_failed');
  }
  return bytes;
}

/** The folder documents are kept in: `DAFTAR_FILES_DIR`, else `files/` next to the data folder. */
function filesDir(config: Pick<Config, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DAFTAR_FILES_DIR || path.join(config.dataDir, '..', 'files'));
}

const byRoot = new Map<string, FileStorage>();

/** The storage of this process (one per folder). */
export function fileStorage(config: Pick<Config, 'dataDir'>): FileStorage {
  const root = filesDir(config);
  let storage = byRoot.get(root);
  if (!storage) {
    storage = new LocalFolderStorage(root);
    byRoot.set(root, storage);
  }
  return storage;
}
