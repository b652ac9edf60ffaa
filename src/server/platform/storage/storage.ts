/**
 * Where uploaded documents' bytes live. Records in the database name a storage key and the
 * bytes' SHA-256; the bytes themselves go through this interface. The default keeps them in a
 * local folder (`DAFTAR_FILES_DIR`, or `files/` beside the PGlite data folder); an S3-compatible
 * object store implements the same four methods for deployments with several API processes.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config';

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
}

/** The folder documents are kept in: `DAFTAR_FILES_DIR`, else `files/` next to the data folder. */
export function filesDir(config: Pick<Config, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): string {
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
