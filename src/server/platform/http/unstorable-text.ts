/**
 * Text PostgreSQL cannot store — a NUL character (U+0000) — or that is not text at all — a lone
 * UTF-16 surrogate — is refused in one place for every route, as a 400 field error naming where it
 * was sent, before any schema or use case sees it. Without this, such a string reached the
 * database and came back as a 500.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, fieldError } from '#server/platform/errors/app-error';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the NUL character is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper than any document of ours; a body nested further is refused rather than walked. */
const MAX_DEPTH = 64;

export function isUnstorable(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** The text with every unstorable character replaced by U+FFFD, for recording input as it came. */
function storable(text: string): string {
  return text.replace(new RegExp(UNSTORABLE.source, 'g'), '\uFFFD');
}

/**
 * A copy of any JSON value that PostgreSQL can store as jsonb: every string and key made storable
 * and cut to `maxText` characters, and whatever lies deeper than `maxDepth` replaced by a marker,
 * for recording input as it came however odd it was.
 */
export function storableCopy(value: unknown, maxText = 200, maxDepth = 8): unknown {
  if (typeof value === 'string') return storable(value.slice(0, maxText));
  if (value === null || typeof value !== 'object') return value;
  if (maxDepth <= 0) return '…';
  if (Array.isArray(value)) return value.map((item) => storableCopy(item, maxText, maxDepth - 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [storable(k.slice(0, maxText)), storableCopy(v, maxText, maxDepth - 1)]),
  );
}

/** The paths (`a.b.0.c`, as the schema errors name them) of every unstorable string or key in `value`. */
export function unstorablePaths(value: unknown, path = '', depth = 0, found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (isUnstorable(value)) found.push(path);
  } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    if (depth >= MAX_DEPTH) {
      found.push(path);
      return found;
    }
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (isUnstorable(key)) found.push(at);
      else unstorablePaths(item, at, depth + 1, found);
    }
  }
  return found;
}

function check(request: FastifyRequest): void {
  const fields = [
    ...unstorablePaths(request.params),
    ...unstorablePaths(request.query),
    ...unstorablePaths(request.body),
  ];
  if (fields.length) {
    throw new AppError('validation_failed', {
      fields: [...new Set(fields)].map((f) => fieldError(f || 'body', 'invalid_characters')),
    });
  }
}

/** Registers the check for every route; a route that must record even such input says `config: { acceptsUnstorableText: true }`. */
export function refuseUnstorableText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const config = request.routeOptions.config as { acceptsUnstorableText?: boolean } | undefined;
    if (!config?.acceptsUnstorableText) check(request);
  });
}
