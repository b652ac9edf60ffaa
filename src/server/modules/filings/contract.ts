/**
 * The filings area's endpoints defined as contracts so far: submission (with its Idempotency-Key)
 * and attachment uploads. The rest of the area's routes follow in routes.ts until it moves over.
 */
import { z } from 'zod';
import { areaContract, endpoint } from '#server/platform/http/contract';
import { attachmentSchema, idParams, submitResponse } from './schemas';

export const filingsContract = areaContract('filings', {
  submit: endpoint({
    method: 'POST',
    path: '/api/v1/filings/:id/submit',
    access: 'filings.edit',
    summary: 'Submit a paid filing to the court; gives its tracking code. Requires an Idempotency-Key header',
    description: 'A retry with the same key answers what the first request answered, with `idempotent-replayed: true`.',
    params: idParams,
    headers: z.looseObject({ 'idempotency-key': z.string().max(200).optional() }),
    response: submitResponse,
    problems: [
      'idempotency_key_required',
      'idempotency_key_reused',
      'not_found',
      'filing_not_paid',
      'filing_status_conflict',
    ],
  }),
  uploadAttachment: endpoint({
    method: 'POST',
    path: '/api/v1/filings/:id/attachments',
    access: 'filings.edit',
    summary:
      'Attach a document (multipart/form-data: optional `title` field, then `file`). PDF, JPEG or PNG judged by content; size and page limits apply',
    params: idParams,
    upload: { kind: 'multipart' },
    status: 201,
    response: attachmentSchema,
    problems: [
      'not_found',
      'filing_not_editable',
      'file_too_large',
      'unsupported_media_type',
      'unsupported_file_type',
      'corrupt_file',
      'pdf_active_content',
      'pdf_too_complex',
      'page_limit_exceeded',
    ],
  }),
});
