/**
 * Fastify answers an unknown method on a known path with 404. Clients deserve 405 and an
 * `Allow` header, so we remember every route's pattern and check the path against them.
 */
import type { FastifyInstance } from 'fastify';

export function trackRoutesForMethodCheck(app: FastifyInstance) {
  const patterns: { regex: RegExp; methods: Set<string> }[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    // Exact, like the router: `/api/v1/users/` is another path, not `/api/v1/users` with a wrong method.
    const regex = new RegExp(
      `^${route.url
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/:[A-Za-z_]+/g, '[^/]+')
        .replace(/\*/g, '.*')}$`,
    );
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const existing = patterns.find((p) => p.regex.source === regex.source);
    if (existing) for (const m of methods) existing.methods.add(m);
    else patterns.push({ regex, methods: new Set(methods) });
  });
  /** The methods this path supports, or an empty list when the path is unknown. */
  return (path: string): string[] => {
    const allowed = new Set<string>();
    for (const p of patterns) if (p.regex.test(path)) for (const m of p.methods) allowed.add(m);
    return [...allowed].sort();
  };
}
