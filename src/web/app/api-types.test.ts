/**
 * The web keeps no hand-written API type and talks to the server only through `call`: a file of
 * src/web that fetches by itself (fetch, XMLHttpRequest, its own CSRF cookie reading), calls the
 * old `api()`, reads a server schema by hand instead of its contract, or declares its own
 * request/response shapes in an `api/` folder fails here. Every area is on contracts: there is no
 * list of exceptions left.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = path.resolve(import.meta.dirname, '..');

/** The client itself and the generated table are where requests are made and operations named. */
const EXEMPT = ['app/api-client.ts', 'app/endpoints.gen.ts'];

const RULES: { name: string; test: (source: string, file: string) => boolean }[] = [
  { name: 'fetches by itself (fetch / XMLHttpRequest)', test: (s) => /(?<![\w.])fetch\(|XMLHttpRequest/.test(s) },
  { name: 'reads the CSRF cookie by itself', test: (s) => s.includes('daftar_csrf') },
  { name: 'calls the deprecated api()', test: (s) => /(?<![\w.])api(<|\()/.test(s) },
  {
    name: 'reads a server schema by hand instead of its contract',
    // An area's values.ts (its lists of allowed values, no schemas) is what the web imports them from.
    test: (s) => /from '#server\/modules\/(?![\w-]+\/values')/.test(s),
  },
  {
    name: 'declares its own request/response shapes in an api/ folder',
    test: (s, file) =>
      file.includes('/api/') && /^\s*(export\s+)?(interface\s+\w+|type\s+\w+(<[^=]*>)?\s*=\s*\{)/m.test(s),
  },
];

function webFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return webFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function offences(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const full of webFiles(WEB)) {
    const file = path.relative(WEB, full).split(path.sep).join('/');
    if (EXEMPT.includes(file)) continue;
    const source = fs.readFileSync(full, 'utf8');
    const broken = RULES.filter((r) => r.test(source, `/${file}`)).map((r) => r.name);
    if (broken.length) out[file] = broken;
  }
  return out;
}

describe('the web talks to the server through contracts', () => {
  const found = offences();

  it('no file fetches by itself, calls api() or writes its own API types', () => {
    const offending = Object.entries(found).map(([file, rules]) => `${file}: ${rules.join('; ')}`);
    expect(offending, 'call operations with call() and take their types from CallInput/CallResult').toEqual([]);
  });

  it('the rules see what they are meant to see', () => {
    const api = RULES.find((r) => r.name.includes('api()'))!;
    expect(api.test("const x = await api<Foo>('/api/v1/x');", '/f.ts')).toBe(true);
    expect(api.test("call('catalog.services')", '/f.ts')).toBe(false);
    const schema = RULES.find((r) => r.name.includes('server schema'))!;
    expect(schema.test("import { x } from '#server/modules/filings/schemas';", '/f.ts')).toBe(true);
    expect(schema.test("import { PARTY_ROLES } from '#server/modules/filings/values';", '/f.ts')).toBe(false);
    const own = RULES.find((r) => r.name.includes('own request'))!;
    expect(own.test('export interface Office { id: number }', '/features/offices/api/x.ts')).toBe(true);
    expect(own.test("export type Office = CallResult<'offices.get'>;", '/features/offices/api/x.ts')).toBe(false);
    const fetches = RULES[0];
    expect(fetches.test('void query.refetch()', '/f.ts')).toBe(false);
    expect(fetches.test('await fetch(url)', '/f.ts')).toBe(true);
  });
});
