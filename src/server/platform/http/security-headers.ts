/**
 * Browser security headers on every response (through @fastify/helmet): a Content-Security-Policy
 * that lets the page run only its own scripts, no framing, no MIME sniffing, a referrer that stays
 * on the site, and HSTS on requests that arrived over TLS (directly or, with DAFTAR_TRUST_PROXY,
 * at the proxy in front).
 */
import { createHash } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply } from 'fastify';

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

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // A browser keeps HSTS only from an https answer; on plain http it would be noise.
    hsts: false,
    // The web UI loads nothing from other origins, but the API's documentation page may be opened from anywhere.
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https')
      reply.header('strict-transport-security', `max-age=${ONE_YEAR_SECONDS}; includeSubDomains`);
  });
}
