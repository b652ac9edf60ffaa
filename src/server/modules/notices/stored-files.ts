/** The notices area's files in storage: signed decisions, under `notices/<notice id>/`. */
import { inArray } from 'drizzle-orm';
import type { StoredFileOwner } from '#server/platform/storage/orphans';
import { notices } from './tables';

const NOTICE_OF_KEY = /^notices\/(\d+)\//;

export const noticeDocumentFiles: StoredFileOwner = {
  prefix: 'notices/',
  async referenced(db, keys) {
    const noticeIds = [...new Set(keys.flatMap((k) => NOTICE_OF_KEY.exec(k)?.[1] ?? []).map(Number))];
    if (!noticeIds.length) return new Set();
    const rows = await db.select({ key: notices.documentKey }).from(notices).where(inArray(notices.id, noticeIds));
    return new Set(rows.flatMap((r) => (r.key ? [r.key] : [])));
  },
};
