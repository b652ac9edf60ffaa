import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The areas of the architecture (ARCHITECTURE.md); every operation belongs to one of them or to the
 * platform. A new area is a decision (docs/decisions/) before it is a tag here.
 */
const AREA_TAGS = [
  'identity',
  'catalog',
  'filings',
  'payments',
  'notices',
  'court',
  'offices',
  'operators',
  'tariffs',
  'geo',
  'quality',
  'consultation',
  'arbitration',
  'hearings',
  'proposals',
  'stats',
  'platform',
  'counter',
];
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

describe('the OpenAPI document', () => {
  it('is an OpenAPI 3.x document describing the API', async () => {
    const res = await t.inject('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(Object.keys(doc.paths).length).toBeGreaterThan(5);
  });

  it("puts every operation under one of the architecture's area tags (or platform)", async () => {
    const doc = (await t.inject('/api/v1/openapi.json')).json() as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
      tags: { name: string }[];
    };
    const untagged: string[] = [];
    for (const [p, item] of Object.entries(doc.paths)) {
      expect(p.startsWith('/api/'), p).toBe(true);
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        const tags = op.tags ?? [];
        if (tags.length === 0 || !tags.every((tag) => AREA_TAGS.includes(tag)))
          untagged.push(`${method.toUpperCase()} ${p} [${tags.join(', ')}]`);
      }
    }
    expect(untagged).toEqual([]);
    for (const tag of doc.tags) expect(AREA_TAGS).toContain(tag.name);
  });

  it('documents the versioned API under /api/v1 (only health lives outside it)', async () => {
    const doc = (await t.inject('/api/v1/openapi.json')).json() as { paths: Record<string, unknown> };
    const outside = Object.keys(doc.paths).filter((p) => !p.startsWith('/api/v1/'));
    expect(outside).toEqual(['/api/health']);
  });

  it('serves the interactive documentation as HTML at /api/docs', async () => {
    let res = await t.inject('/api/docs');
    if (res.statusCode >= 300 && res.statusCode < 400) res = await t.inject(String(res.headers.location));
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
  });
});

describe('health', () => {
  it('reports the database kind and that it answers', async () => {
    const res = await t.inject('/api/health');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.database).toEqual({ kind: process.env.DATABASE_URL ? 'postgres' : 'pglite', ok: true });
  });
});
