/**
 * The web keeps no hand-written API type and talks to the server only through `call`: a file of
 * src/web that fetches by itself (fetch, XMLHttpRequest, its own CSRF cookie reading), calls the
 * deprecated `api()`, reads a server schema by hand instead of its contract, or declares its own
 * request/response shapes in an `api/` folder fails here, unless it is listed in
 * NOT_YET_ON_CONTRACTS. The list is exact: a file that no longer does any of it must leave the list,
 * so the list only ever shrinks as areas move onto contracts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = path.resolve(import.meta.dirname, '..');

/** Files of src/web still on the old client or with their own API types, until their areas move onto contracts. */
const NOT_YET_ON_CONTRACTS = [
  'features/court/api/issue-notice.ts',
  'features/deadline-calculator/api/compute-deadline.ts',
  'features/geography/api/geography.ts',
  'features/licences/api/licences.ts',
  'features/network-map/api/network.ts',
  'features/notices/api/deadline-rules.ts',
  'features/notices/api/get-outbox.ts',
  'features/notices/api/holidays.ts',
  'features/notices/api/office-notices.ts',
  'features/office-finder/api/find-offices.ts',
  'features/offices/api/applications.ts',
  'features/portal/api/get-overview.ts',
  'features/portal/api/open-notice.ts',
  'features/portal/api/types.ts',
  'features/siting/api/siting.ts',
  'features/staff/api/staff.ts',
  'features/training/api/courses.ts',
  'features/training/api/exams.ts',
  'features/training/api/sessions.ts',
  'features/training/api/types.ts',
  'ui/geo.ts',
  'ui/map/MapView.tsx',
] as const;

/** The client itself and the generated table are where requests are made and operations named. */
const EXEMPT = ['app/api-client.ts', 'app/endpoints.gen.ts'];

const RULES: { name: string; test: (source: string, file: string) => boolean }[] = [
  { name: 'fetches by itself (fetch / XMLHttpRequest)', test: (s) => /(?<![\w.])fetch\(|XMLHttpRequest/.test(s) },
  { name: 'reads the CSRF cookie by itself', test: (s) => s.includes('daftar_csrf') },
  { name: 'calls the deprecated api()', test: (s) => /(?<![\w.])api(<|\()/.test(s) },
  { name: 'reads a server schema by hand instead of its contract', test: (s) => /from '#server\/modules\//.test(s) },
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

  it('no file outside NOT_YET_ON_CONTRACTS fetches by itself, calls api() or writes its own API types', () => {
    const unlisted = Object.entries(found)
      .filter(([file]) => !NOT_YET_ON_CONTRACTS.includes(file as never))
      .map(([file, rules]) => `${file}: ${rules.join('; ')}`);
    expect(unlisted, 'call operations with call() and take their types from CallInput/CallResult').toEqual([]);
  });

  it('every file of NOT_YET_ON_CONTRACTS still needs to be there (take a migrated file off the list)', () => {
    expect(NOT_YET_ON_CONTRACTS.filter((file) => !(file in found))).toEqual([]);
  });

  it('the rules see what they are meant to see', () => {
    const api = RULES.find((r) => r.name.includes('api()'))!;
    expect(api.test("const x = await api<Foo>('/api/v1/x');", '/f.ts')).toBe(true);
    expect(api.test("call('catalog.services')", '/f.ts')).toBe(false);
    const own = RULES.find((r) => r.name.includes('own request'))!;
    expect(own.test('export interface Office { id: number }', '/features/offices/api/x.ts')).toBe(true);
    expect(own.test("export type Office = CallResult<'offices.get'>;", '/features/offices/api/x.ts')).toBe(false);
    const fetches = RULES[0];
    expect(fetches.test('void query.refetch()', '/f.ts')).toBe(false);
    expect(fetches.test('await fetch(url)', '/f.ts')).toBe(true);
  });
});
