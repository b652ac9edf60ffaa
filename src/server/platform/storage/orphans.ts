/**
 * Files whose database row never committed. An upload stores its bytes first and writes its row
 * in a transaction after; when that transaction rolls back the caller removes the file, but a
 * process that dies in between, or a removal that fails, leaves bytes no record points to. A
 * daily job (`storage.sweep-orphans`, platform/jobs/jobs.ts) removes such files once they are
 * older than a grace period — long enough that no upload still on its way to its commit is
 * touched. Only prefixes an area has claimed are swept: a file under a prefix nobody owns is
 * never removed.
 */
import type { Executor } from '#server/db/transaction';
import type { FileStorage } from './storage';

/** An area's claim on a storage prefix, and which of a batch of keys its rows still reference. */
export interface StoredFileOwner {
  /** The prefix the area stores under, e.g. `filings/`. */
  prefix: string;
  referenced(db: Executor, keys: string[]): Promise<Set<string>>;
}

/** 24 hours: an upload's bytes and its row are written seconds apart. `DAFTAR_ORPHAN_GRACE_HOURS` changes it. */
export function orphanGraceHours(env: NodeJS.ProcessEnv = process.env): number {
  const hours = Number(env.DAFTAR_ORPHAN_GRACE_HOURS);
  return Number.isFinite(hours) && hours >= 1 ? hours : 24;
}

export interface SweepResult {
  examined: number;
  removed: string[];
}

const BATCH = 500;

export async function sweepOrphanedFiles(
  db: Executor,
  storage: FileStorage,
  owners: readonly StoredFileOwner[],
  options: { now: Date; graceHours: number },
): Promise<SweepResult> {
  const cutoff = options.now.getTime() - options.graceHours * 3_600_000;
  const result: SweepResult = { examined: 0, removed: [] };
  for (const owner of owners) {
    let batch: string[] = [];
    const settle = async () => {
      const referenced = await owner.referenced(db, batch);
      for (const key of batch) {
        if (referenced.has(key)) continue;
        await storage.remove(key);
        result.removed.push(key);
      }
      batch = [];
    };
    for await (const object of storage.list(owner.prefix)) {
      result.examined += 1;
      if (object.storedAt.getTime() >= cutoff) continue;
      batch.push(object.key);
      if (batch.length >= BATCH) await settle();
    }
    if (batch.length) await settle();
  }
  return result;
}
