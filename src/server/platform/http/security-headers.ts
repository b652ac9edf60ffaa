/**
 * Browser security headers on every response (as helmet computes them): a Content-Security-Policy
 * that lets the page run only its own scripts, no framing, no MIME sniffing, a referrer that stays
 * on the site, and HSTS on requests that arrived over TLS (directly or, with DAFTAR_TRUST_PROXY,
 * at the proxy in front).
 *
 * The headers do not depend on the request, so helmet computes them once at start and every
 * answer gets the same set (@fastify/helmet rebuilt helmet's middleware and its policy text on
 * every request: ~4% of a short read's time).
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  // Mantine writes its CSS variables into style attributes and <style> elements at run time.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  // MapLibre runs its tile worker from a blob: URL.
  'worker-src': ["'self'", 'blob:'],
  'child-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

function policyText(policy: Record<string, string[]>): string {
  return Object.entries(policy)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * The policy for a server-rendered page that needs a few inline event handlers (a print button, a
 * form that posts itself): exactly those handlers are allowed, by the hash of their text.
 */
export function policyAllowingHandlers(...handlers: string[]): string {
  const hashes = handlers.map((code) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`);
  return policyText({ ...CONTENT_SECURITY_POLICY, 'script-src-attr': ["'unsafe-hashes'", ...hashes] });
}

/** Printable pages (receipts, reports) have one inline handler: their print button's. */
export const PRINTABLE_PAGE_POLICY = policyAllowingHandlers('window.print()');

/**
 * A page the web UI itself shows in a frame (the filing's print view beside the wizard): framed by
 * this site only. Sets both headers, as the route answers after the site-wide ones were set.
 */
export function framedBySiteOnly(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', policyText({ ...CONTENT_SECURITY_POLICY, 'frame-ancestors': ["'self'"] }))
    .header('x-frame-options', 'SAMEORIGIN');
}

const ONE_YEAR_SECONDS = 31_536_000;

export const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'same-origin' },
  // A browser keeps HSTS only from an https answer; on plain http it would be noise.
  hsts: false,
  // The web UI loads nothing from other origins, but the API's documentation page may be opened from anywhere.
  crossOriginEmbedderPolicy: false,
};

/** The headers helmet sets with `options`, computed once: its middleware run against a response that only records them. */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  helmet(options)({} as never, recorder, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * The options with more sources the page may connect to (the hearing room's Janus SFU, a
 * WebSocket on an origin of its own), or the options themselves when there are none.
 */
export function allowingConnections(options: HelmetOptions, sources: string[]): HelmetOptions {
  if (!sources.length) return options;
  return {
    ...options,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...CONTENT_SECURITY_POLICY,
        'connect-src': [...CONTENT_SECURITY_POLICY['connect-src'], ...sources],
      },
    },
  };
}

export async function registerSecurityHeaders(app: FastifyInstance, connectSources: string[] = []): Promise<void> {
  const headers = Object.entries(helmetHeaders(allowingConnections(HELMET_OPTIONS, connectSources)));
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.header(name, value);
    done();
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https')
      reply.header('strict-transport-security', `max-age=${ONE_YEAR_SECONDS}; includeSubDomains`);
  });
}
