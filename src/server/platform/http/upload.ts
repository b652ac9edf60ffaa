/**
 * Reading the one file of an upload request (a filing's attachment, an arbitration document): the
 * multipart parser's refusals as problems, and a file over the size limit always reported as cut
 * off — never handed on as if its first bytes were the whole file.
 */
import type { FastifyRequest } from 'fastify';
import { AppError, fieldError } from '#server/platform/errors/app-error';

export interface Upload {
  /** The file's name as sent, at most 200 characters ("document" when none). */
  fileName: string;
  bytes: Buffer;
  /** The file was larger than the limit: `bytes` is not the whole file. */
  truncated: boolean;
  /** A text field sent beside the file, trimmed ('' when missing). */
  field: (name: string) => string;
}

export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type');
  let file: Awaited<ReturnType<typeof req.file>>;
  try {
    file = await req.file();
  } catch (error) {
    throw multipartProblem(error);
  }
  if (!file) throw new AppError('validation_failed', { fields: [fieldError('file', 'required')] });
  let bytes: Buffer;
  let truncated = false;
  try {
    bytes = await file.toBuffer();
    // toBuffer() notices the limit only between pieces: when a piece ends exactly at the limit, it
    // returns the first maxFileBytes as if they were the whole file. The parser's own flag does not miss it.
    truncated = file.file.truncated;
  } catch (error) {
    if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw multipartProblem(error);
    bytes = Buffer.alloc(0);
    truncated = true;
  }
  const fields = file.fields;
  return {
    fileName: (file.filename || 'document').slice(0, 200),
    bytes,
    truncated,
    field: (name) => {
      const f = fields[name] as { value?: unknown } | undefined;
      return typeof f?.value === 'string' ? f.value.trim() : '';
    },
  };
}

function multipartProblem(error: unknown): AppError {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE')
    return new AppError('file_too_large', { fields: [fieldError('file', 'too_big')] });
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new AppError('bad_request', { detail: 'Send one file per request.' });
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('unsupported_media_type');
  return new AppError('bad_request', { detail: 'The multipart body could not be read.' });
}
