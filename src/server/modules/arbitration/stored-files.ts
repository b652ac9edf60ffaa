/** The arbitration area's files in storage: the parties' submissions and evidence, under `arbitration/<case id>/`. */
import { inArray } from 'drizzle-orm';
import type { StoredFileOwner } from '#server/platform/storage/orphans';
import { arbitrationDocuments } from './tables';

const CASE_OF_KEY = /^arbitration\/(\d+)\//;

export const arbitrationDocumentFiles: StoredFileOwner = {
  prefix: 'arbitration/',
  async referenced(db, keys) {
    const caseIds = [...new Set(keys.flatMap((k) => CASE_OF_KEY.exec(k)?.[1] ?? []).map(Number))];
    if (!caseIds.length) return new Set();
    const rows = await db
      .select({ key: arbitrationDocuments.storageKey })
      .from(arbitrationDocuments)
      .where(inArray(arbitrationDocuments.caseId, caseIds));
    return new Set(rows.map((r) => r.key));
  },
};
