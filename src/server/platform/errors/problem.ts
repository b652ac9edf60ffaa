/**
 * RFC 9457 problem details. Everything a client receives on failure goes through `toProblem`,
 * so the shape (code, Persian + English message, field errors) is the same everywhere.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { drainRequestBody } from '#server/platform/http/oversize-body';
import { AppError, fieldError, type FieldError } from './app-error';
import { ERROR_CATALOG, FIELD_MESSAGES, type ErrorCode, type FieldMessageCode } from './catalog';

interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  message: { fa: string; en: string };
  errors?: FieldError[];
  [extra: string]: unknown;
}

function toProblem(error: AppError, instance?: string): Problem {
  const entry = ERROR_CATALOG[error.code];
  return {
    type: `https://daftar.dev/problems/${error.code.replace(/_/g, '-')}`,
    title: entry.en,
    status: entry.status,
    code: error.code,
    ...(error.message !== entry.en ? { detail: error.message } : {}),
    ...(instance ? { instance } : {}),
    message: { fa: entry.fa, en: entry.en },
    ...(error.fields.length ? { errors: error.fields } : {}),
    ...error.extra,
  };
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  format?: string;
  origin?: string;
  minimum?: number | bigint;
  keys?: string[];
  params?: Record<string, unknown>;
}

const isBlank = (input: unknown) => typeof input === 'string' && input.trim() === '';

/** Maps one schema issue to a field error; our own refinements carry their message code in `params`. */
function issueToFieldError(issue: ZodIssueLike, location: string): FieldError[] {
  const base = issue.path.map(String).join('.');
  const field = base || location;
  const custom = issue.params?.messageCode as FieldMessageCode | undefined;
  if (custom && custom in FIELD_MESSAGES) return [fieldError(field, custom)];
  switch (issue.code) {
    case 'invalid_type':
      return [fieldError(field, issue.input === undefined ? 'required' : 'invalid_type')];
    case 'too_small':
      // An empty (or blank) text is a missing value to the person filling the form, whatever its
      // minimum: "too short" beside an empty name read as if something had been typed.
      return [
        fieldError(
          field,
          issue.origin === 'string'
            ? Number(issue.minimum) === 1 || isBlank(issue.input)
              ? 'required'
              : 'too_short'
            : 'too_small',
        ),
      ];
    case 'too_big':
      return [fieldError(field, issue.origin === 'string' ? 'too_long' : 'too_big')];
    case 'invalid_value':
    case 'invalid_union':
      return [fieldError(field, 'invalid_value')];
    case 'invalid_format':
      // Likewise a blank code or number to a pattern: nothing was typed, nothing is misformatted.
      return [fieldError(field, isBlank(issue.input) ? 'required' : 'invalid_format')];
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((k) => fieldError(base ? `${base}.${k}` : k, 'unknown_field'));
    default:
      return [fieldError(field, 'invalid')];
  }
}

/** The value the client sent at a path of the body, query string or path parameters. */
function sentValue(request: FastifyRequest, location: string, path: string[]): unknown {
  const sources: Record<string, unknown> = {
    body: request.body,
    querystring: request.query,
    params: request.params,
    headers: request.headers,
  };
  let value = sources[location];
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function fromFramework(error: FastifyError, request: FastifyRequest): AppError {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const location = (error as unknown as { validationContext?: string }).validationContext ?? 'body';
    const fields = error.validation.flatMap((v) => {
      const path = v.instancePath.split('/').filter(Boolean);
      // zod 4 leaves the offending value out of its issues unless asked to, so a value of the wrong
      // type would read as a missing one: look at what was actually sent.
      const params = v.params as { input?: unknown };
      const input = 'input' in params ? params.input : sentValue(request, location, path);
      return issueToFieldError(
        { ...params, input, code: v.keyword, message: v.message ?? '', path } as ZodIssueLike,
        location,
      );
    });
    return new AppError('validation_failed', { fields });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('unsupported_media_type');
  }
  if (error instanceof SyntaxError) return new AppError('malformed_json');
  if (error.statusCode === 413) return new AppError('payload_too_large');
  if (error.statusCode === 415) return new AppError('unsupported_media_type');
  if (error.statusCode === 429) return new AppError('rate_limited');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return new AppError('bad_request', { detail: error.message });
  return new AppError('internal');
}

export function sendProblem(reply: FastifyReply, error: AppError, request?: FastifyRequest): FastifyReply {
  return reply
    .code(error.status)
    .headers(error.headers)
    .type('application/problem+json')
    .send(toProblem(error, request?.url.split('?')[0]));
}

/** Fastify's error handler: AppErrors pass through, framework errors are translated, the rest is 500 without detail. */
export function problemErrorHandler(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  const appError = error instanceof AppError ? error : fromFramework(error, request);
  if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  // The rest of an oversize body is read before the answer: closing with unread data resets the connection.
  if (appError.status === 413 && !request.raw.complete && !request.raw.readableEnded)
    return drainRequestBody(request).then(() => sendProblem(reply, appError, request));
  return sendProblem(reply, appError, request);
}
