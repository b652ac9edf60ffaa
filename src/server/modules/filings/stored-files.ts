/** The filings area's files in storage: attachments, under `filings/<filing id>/`. */
import { inArray } from 'drizzle-orm';
import type { StoredFileOwner } from '#server/platform/storage/orphans';
import { filingAttachments } from './tables';

const FILING_OF_KEY = /^filings\/(\d+)\//;

export const filingAttachmentFiles: StoredFileOwner = {
  prefix: 'filings/',
  async referenced(db, keys) {
    // Looked up by filing (an indexed column), not by key: the sweep runs over every attachment ever stored.
    const filingIds = [...new Set(keys.flatMap((k) => FILING_OF_KEY.exec(k)?.[1] ?? []).map(Number))];
    if (!filingIds.length) return new Set();
    const rows = await db
      .select({ key: filingAttachments.storageKey })
      .from(filingAttachments)
      .where(inArray(filingAttachments.filingId, filingIds));
    return new Set(rows.map((r) => r.key));
  },
};
