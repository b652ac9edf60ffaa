/**
 * The API fuzzed from its own OpenAPI document: every operation, anonymous and signed in as staff
 * (with a valid CSRF token), with bodies, query strings and path parameters built from the
 * operation's schemas and then spoiled — wrong types, missing and extra fields, huge strings, NUL
 * and lone surrogates, Persian and Arabic digits, deep JSON, wrong content types, odd path values.
 * A fixed seed and a fixed number of requests, so a failure is found again by running the file again.
 *
 * Whatever is sent, the answer is never a 5xx, a 4xx is always problem+json, and no answer carries
 * a stack trace.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace } from '../support/problems';
import { type Client, startTestServer, type Response, type TestServer } from '../support/test-server';

/** DAFTAR_FUZZ_SEED and DAFTAR_FUZZ_REQUESTS explore further by hand; the suite runs the defaults. */
const SEED = Number(process.env.DAFTAR_FUZZ_SEED ?? 0x14_f022);
/** Requests in all, spread evenly over the operations and the actors. */
const BUDGET = Number(process.env.DAFTAR_FUZZ_REQUESTS ?? 3000);
/** A file to write every request and answer to (DAFTAR_FUZZ_TRACE), when exploring. */
const trace = process.env.DAFTAR_FUZZ_TRACE;

/** mulberry32: a tiny seeded generator, enough to pick and spoil values reproducibly. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)] };
}
type Random = ReturnType<typeof generator>;

// ── The OpenAPI document, as far as the fuzz reads it ──────────────────────────────────────────────

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  additionalProperties?: boolean | JsonSchema;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}
interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface FuzzedOperation {
  id: string;
  method: string;
  path: string;
  params: Parameter[];
  bodyType: string | null;
  body: JsonSchema | null;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function operationsOf(doc: OpenApiDocument): FuzzedOperation[] {
  const found: FuzzedOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const content = op.requestBody?.content ?? {};
      const bodyType = Object.keys(content)[0] ?? null;
      found.push({
        id: op.operationId ?? `${method} ${path}`,
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        bodyType,
        body: bodyType ? (content[bodyType].schema ?? {}) : null,
      });
    }
  }
  return found;
}

// ── Values: a plausible one from the schema, then a spoiled one ────────────────────────────────────

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const NASTY_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\u0000',
  '۱۲۳۴۵۶۷۸۹۰',
  '١٢٣٤٥٦٧٨٩٠',
  '۱٢3',
  'ي ك ی ک', // Arabic and Persian yeh and kaf
  '\u200c\u200f\u202e',
  "' or 1=1 --",
  '"; drop table filings; --',
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt, sent as text
  '${7*7}',
  '9'.repeat(40),
  '-1',
  '1e308',
  'NaN',
  'null',
  'true',
  '2026-02-30',
  '1405-13-40',
  '😀'.repeat(50),
  'x'.repeat(5000),
];
const NASTY_NUMBERS = [-1, 0, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MIN_VALUE];

function resolve(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema {
  let s = schema ?? {};
  for (let i = 0; i < 10 && s.$ref; i++) {
    const name = s.$ref.split('/').pop() ?? '';
    s = doc.components?.schemas?.[name] ?? {};
  }
  return s;
}

function typeOf(s: JsonSchema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  return s.type;
}

function digits(n: number, r: Random, alphabet = '0123456789'): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[r.int(10)];
  return out;
}

/** A value the schema would likely accept (the spoiling starts from it). */
function plausible(doc: OpenApiDocument, schema: JsonSchema | undefined, r: Random, depth = 0): unknown {
  const s = resolve(doc, schema);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return r.pick(s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return plausible(doc, r.pick(alternatives), r, depth + 1);
  if (s.allOf?.length) return plausible(doc, s.allOf[0], r, depth + 1);
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth > 6) return out;
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(key) || r.next() < 0.5) out[key] = plausible(doc, prop, r, depth + 1);
      }
      return out;
    }
    case 'array':
      return depth > 6 ? [] : Array.from({ length: 1 + r.int(2) }, () => plausible(doc, s.items, r, depth + 1));
    case 'integer': {
      const min = s.minimum ?? 1;
      const max = Math.min(s.maximum ?? min + 50, min + 1000);
      return min + r.int(Math.max(1, max - min + 1));
    }
    case 'number':
      return (s.minimum ?? 0) + r.int(1000);
    case 'boolean':
      return r.next() < 0.5;
    case 'null':
      return null;
    case 'string':
      return plausibleString(s, r);
    default:
      return r.pick(['x', 1, true, null]);
  }
}

function plausibleString(s: JsonSchema, r: Random): string {
  if (s.format === 'date') return `2026-0${1 + r.int(9)}-1${r.int(9)}`;
  if (s.format === 'date-time') return '2026-05-05T06:30:00.000Z';
  if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000001';
  if (s.format === 'email') return 'someone@example.com';
  const pattern = s.pattern ?? '';
  const fixed = /\\d\{(\d+)\}/.exec(pattern) ?? /\[0-9\]\{(\d+)\}/.exec(pattern);
  if (fixed) return (pattern.includes('09') ? '09' : '') + digits(Number(fixed[1]), r);
  if (/^\^\\d\+\$$|^\^\[0-9\]\+\$$/.test(pattern)) return digits(1 + r.int(4), r);
  const min = s.minLength ?? 1;
  return r
    .pick(['دفتر', 'Daftar', 'تهران', 'abc'])
    .padEnd(min, 'x')
    .slice(0, s.maxLength ?? 200);
}

/** Something of another type than the schema asks for. */
function wrongType(doc: OpenApiDocument, schema: JsonSchema | undefined, r: Random): unknown {
  const t = typeOf(resolve(doc, schema));
  const others: unknown[] = ['str', 12, -3.5, true, null, [], {}, [1, 'a', null], { a: { b: 1 } }].filter((v) => {
    if (t === 'string') return typeof v !== 'string';
    if (t === 'integer' || t === 'number') return typeof v !== 'number';
    if (t === 'boolean') return typeof v !== 'boolean';
    if (t === 'array') return !Array.isArray(v);
    if (t === 'object') return v === null || typeof v !== 'object' || Array.isArray(v);
    return true;
  });
  return r.pick(others);
}

function nastyString(r: Random): string {
  switch (r.int(5)) {
    case 0:
      return 'ب'.repeat(200_000 + r.int(1000));
    case 1:
      return digits(6 + r.int(10), r, r.next() < 0.5 ? PERSIAN_DIGITS : ARABIC_DIGITS);
    default:
      return r.pick(NASTY_STRINGS);
  }
}

function nastyValue(doc: OpenApiDocument, schema: JsonSchema | undefined, r: Random): unknown {
  switch (r.int(4)) {
    case 0:
      return wrongType(doc, schema, r);
    case 1:
      return r.pick(NASTY_NUMBERS);
    default:
      return nastyString(r);
  }
}

function deepJson(depth: number): string {
  return `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;
}

/** Paths into a plausible value's objects, to spoil one field somewhere inside. */
function objectPaths(value: unknown, at: string[] = [], out: string[][] = []): string[][] {
  if (value && typeof value === 'object') {
    out.push(at);
    for (const [k, v] of Object.entries(value)) objectPaths(v, [...at, k], out);
  }
  return out;
}

function spoilBody(doc: OpenApiDocument, op: FuzzedOperation, r: Random): { body: unknown; what: string } {
  const body = plausible(doc, op.body ?? undefined, r);
  const containers = objectPaths(body);
  const container = containers.length ? r.pick(containers) : null;
  const target = container?.reduce<Record<string, unknown>>((v, k) => v[k] as Record<string, unknown>, body as never);
  const keys = target ? Object.keys(target) : [];
  const kind = r.int(7);
  if (!target || kind === 0) return { body: nastyValue(doc, op.body ?? undefined, r), what: 'whole body replaced' };
  const key = keys.length ? r.pick(keys) : 'extra';
  const path = [...(container ?? []), key].join('.');
  switch (kind) {
    case 1:
      delete target[key];
      return { body, what: `missing ${path}` };
    case 2:
      target[`unexpected_${r.int(100)}`] = nastyString(r);
      return { body, what: 'extra field' };
    case 3:
      target[key] = wrongType(doc, undefined, r);
      return { body, what: `wrong type at ${path}` };
    case 4:
      target[key] = nastyString(r);
      return { body, what: `odd string at ${path}` };
    case 5:
      target[key] = r.pick(NASTY_NUMBERS);
      return { body, what: `odd number at ${path}` };
    default:
      return { body, what: 'plausible body' };
  }
}

const ODD_PATH_VALUES = [
  '0',
  '-1',
  '1.5',
  '1e3',
  '۱۲',
  '١٢',
  '99999999999999999999999',
  '2147483648',
  'NaN',
  'null',
  '%00',
  '%20',
  '..',
  '..%2F..%2Fetc',
  '%ED%A0%80', // a lone surrogate, UTF-8 encoded
  '%FF%FE',
  '%C0%AF',
  '%F0%9F%98%80',
  'a'.repeat(3000),
  "1'%20or%20'1'='1",
  '%E2%80%8F',
];

function pathValue(doc: OpenApiDocument, param: Parameter | undefined, r: Random, odd: boolean): string {
  if (odd || !param) return r.pick(ODD_PATH_VALUES);
  return encode(String(plausible(doc, param.schema, r)));
}

/** encodeURIComponent, but a lone surrogate is sent as the three bytes a careless encoder makes of it. */
function encode(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[^\uD800-\uDFFF]+|[\uD800-\uDBFF][\uDC00-\uDFFF]/g,
    (part) => {
      if (part.length !== 1 || part < '\uD800' || part > '\uDFFF') return encodeURIComponent(part);
      const c = part.charCodeAt(0);
      return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    },
  );
}

function queryString(doc: OpenApiDocument, params: Parameter[], r: Random, spoil: boolean): string {
  const parts: string[] = [];
  for (const p of params) {
    if (p.in !== 'query') continue;
    if (!p.required && r.next() < 0.5) continue;
    let value: unknown = plausible(doc, p.schema, r);
    if (spoil && r.next() < 0.5) value = nastyValue(doc, p.schema, r);
    const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    parts.push(`${encode(p.name)}=${encode(text).slice(0, 20_000)}`);
  }
  if (spoil && r.next() < 0.3)
    parts.push(
      r.pick(['%', 'a=%E0%A4%A', 'limit=-1', 'page=%00', 'x[y][z]=1', 'a=1&a=2&a=3', `q=${'%D8%A8'.repeat(3000)}`]),
    );
  return parts.length ? `?${parts.join('&')}` : '';
}

interface Request {
  method: string;
  url: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
  what: string;
}

function fuzzRequest(doc: OpenApiDocument, op: FuzzedOperation, r: Random): Request {
  const oddPath = r.next() < 0.3;
  const url =
    op.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
      pathValue(
        doc,
        op.params.find((p) => p.in === 'path' && p.name === name),
        r,
        oddPath,
      ),
    ) + queryString(doc, op.params, r, r.next() < 0.4);
  const what = oddPath ? 'odd path value' : 'query';
  if (op.method === 'GET' || op.method === 'DELETE') {
    if (r.next() < 0.1)
      return {
        method: op.method,
        url,
        payload: '{"a":',
        headers: { 'content-type': 'application/json' },
        what: 'body on a read',
      };
    return { method: op.method, url, headers: {}, what };
  }
  const jsonType = { 'content-type': 'application/json' };
  switch (r.int(12)) {
    case 0:
      return { method: op.method, url, payload: deepJson(2000 + r.int(20_000)), headers: jsonType, what: 'deep JSON' };
    case 1:
      return {
        method: op.method,
        url,
        payload: JSON.stringify(plausible(doc, op.body ?? undefined, r)),
        headers: {
          'content-type': r.pick([
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/xml',
            'multipart/form-data',
            'multipart/form-data; boundary=x',
            'application/json; charset=latin1',
            'application/json; charset=utf-16',
            'application/problem+json',
            '',
            'application/octet-stream',
          ]),
        },
        what: 'wrong content type',
      };
    case 2:
      return {
        method: op.method,
        url,
        payload: r.pick([
          '{"a":',
          '',
          'null',
          '[]',
          '"x"',
          '{"__proto__":{"x":1}}',
          '{"constructor":{"prototype":{}}}',
          '\u0000',
          '{"a":"\\ud800"}',
          '\xff\xfe{}',
        ]),
        headers: jsonType,
        what: 'malformed JSON',
      };
    case 3:
      if (op.bodyType?.startsWith('multipart/'))
        return {
          method: op.method,
          url,
          payload: Buffer.from(
            `--b\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 broken\r\n--b--\r\n`,
          ),
          headers: { 'content-type': 'multipart/form-data; boundary=b' },
          what: 'small multipart',
        };
      break;
  }
  const { body, what: spoiled } = spoilBody(doc, op, r);
  return { method: op.method, url, payload: JSON.stringify(body), headers: jsonType, what: `${what}, ${spoiled}` };
}

// ── The run ────────────────────────────────────────────────────────────────────────────────────────

let t: TestServer;
let doc: OpenApiDocument;
beforeAll(async () => {
  t = await startTestServer();
  doc = (await t.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApiDocument;
});
afterAll(async () => {
  await t?.stop();
});

/** What an answer did wrong, or null. */
function fault(res: Response): string | null {
  if (res.statusCode >= 500) return `${res.statusCode}`;
  const type = String(res.headers['content-type'] ?? '');
  if (res.statusCode >= 400 && !type.startsWith('application/problem+json'))
    return `${res.statusCode} not problem+json`;
  if (hasStackTrace(res.body)) return `stack trace in ${res.statusCode}`;
  return null;
}

const STAFF = 'manager.11001';

describe('the API fuzzed from its OpenAPI document', () => {
  it(
    `answers ${BUDGET} spoiled requests over every operation without a 5xx, a non-problem 4xx or a stack trace`,
    async () => {
      const operations = operationsOf(doc);
      expect(operations.length).toBeGreaterThan(100);
      const r = generator(SEED);
      const perOperation = Math.max(2, Math.floor(BUDGET / operations.length));
      let staff: Client = await t.signInStaff(STAFF);
      const failures: string[] = [];
      const byStatus = new Map<number, number>();
      let sent = 0;
      for (const op of operations) {
        for (let i = 0; i < perOperation; i++) {
          const signedIn = i % 2 === 1;
          const req = fuzzRequest(doc, op, r);
          const client = signedIn ? staff : t.anonymous();
          // The staff client's cookies stay as they are: a sign-out or a new session in the answer
          // would leave the rest of the run anonymous.
          const res = await client.request({
            method: req.method as never,
            url: req.url,
            payload: req.payload ?? undefined,
            headers: req.headers,
            keepCookies: false,
          });
          sent++;
          if (trace)
            fs.appendFileSync(
              trace,
              `${signedIn ? 'staff' : 'anonymous'} ${res.statusCode} ${req.method} ${req.url.slice(0, 120)} (${req.what}) ${res.body.slice(0, 160)}\n`,
            );
          byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
          const wrong = fault(res);
          if (wrong)
            failures.push(
              `${op.id} (${signedIn ? STAFF : 'anonymous'}, ${req.what}): ${wrong} ${req.method} ${req.url.slice(0, 160)} body ${String(req.payload ?? '').slice(0, 160)} → ${res.body.slice(0, 200)}`,
            );
          // A sign-out or a password change ends the session: sign in again.
          if (signedIn && res.statusCode === 401) staff = await t.signInStaff(STAFF);
        }
      }
      const statuses = [...byStatus.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`);
      console.log(`[fuzz] ${sent} requests over ${operations.length} operations: ${statuses.join(' ')}`);
      expect(failures).toEqual([]);
    },
    // A limit for a hang: 45 s alone, three minutes beside the browser tier on a busy machine.
    60_000 + BUDGET * 100,
  );
});
