/**
 * Every area that keeps files in storage, with the prefix it stores under and how to tell which
 * of its files its rows still reference. The orphan sweep (platform/storage/orphans.ts) removes
 * only files under these prefixes that no row references: an area that starts storing files adds
 * itself here.
 */
import { arbitrationDocumentFiles } from './modules/arbitration/stored-files';
import { filingAttachmentFiles } from './modules/filings/stored-files';
import { noticeDocumentFiles } from './modules/notices/stored-files';
import { staffPhotoFiles } from './modules/operators/registry/stored-files';
import type { StoredFileOwner } from './platform/storage/orphans';

export const STORED_FILE_OWNERS: StoredFileOwner[] = [
  filingAttachmentFiles,
  staffPhotoFiles,
  noticeDocumentFiles,
  arbitrationDocumentFiles,
];
