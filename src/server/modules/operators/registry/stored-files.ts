/** The staff registry's files in storage: photos, under `staff-photos/<user id>/` (a replaced photo is no longer referenced). */
import { inArray } from 'drizzle-orm';
import type { StoredFileOwner } from '#server/platform/storage/orphans';
import { operatorProfiles } from '#server/modules/operators/tables';

const USER_OF_KEY = /^staff-photos\/(\d+)\//;

export const staffPhotoFiles: StoredFileOwner = {
  prefix: 'staff-photos/',
  async referenced(db, keys) {
    const userIds = [...new Set(keys.flatMap((k) => USER_OF_KEY.exec(k)?.[1] ?? []).map(Number))];
    if (!userIds.length) return new Set();
    const rows = await db
      .select({ key: operatorProfiles.photoKey })
      .from(operatorProfiles)
      .where(inArray(operatorProfiles.userId, userIds));
    return new Set(rows.flatMap((r) => (r.key ? [r.key] : [])));
  },
};
