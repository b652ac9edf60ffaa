/**
 * The simulator's exports for the board: CSV per office, province and service, the printable
 * report with its charts, and its PDF; readable by whoever may read the saved run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfAvailable } from '#server/platform/pdf/printer';
import { expectProblem } from '../support/problems';
import { insertSimulationRun } from '../support/simulation-result';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let nationalRun: number;
let isfahanRun: number;
const clients = new Map<string, Client>();
async function as(who: string): Promise<Client> {
  if (!clients.has(who)) clients.set(who, await t.signInStaff(who));
  return clients.get(who)!;
}

beforeAll(async () => {
  t = await startTestServer();
  nationalRun = await insertSimulationRun(t, 'association');
  isfahanRun = await insertSimulationRun(t, 'association.isfahan', 3);
});
afterAll(async () => {
  await t?.stop();
});

/** RFC 4180 parsing, enough for the tests: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('CSV export', () => {
  it('one row per office by default: UTF-8 with BOM, Persian and English headers, Latin digits, quoted fields', async () => {
    const res = await (await as('association')).get(`/api/v1/tariffs/simulations/${nationalRun}/export.csv`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="simulation-${nationalRun}-office.csv"`);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.rawPayload.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0][0]).toBe('کد استان / Province ID');
    expect(rows[0]).toContain('استان / Province');
    expect(rows[0]).toContain('درآمد پیش از بازنگری (ریال) / Revenue before (IRR)');
    expect(rows).toHaveLength(4);
    // The office whose name holds a comma is quoted; figures are plain Latin digits.
    expect(text).toContain('"دفتر خدمات ۱۱۰۰۱, مرکزی"');
    expect(rows[1]).toEqual([
      '1',
      'تهران',
      '11001',
      'دفتر خدمات ۱۱۰۰۱, مرکزی',
      '1500',
      '700000000',
      '620000000',
      '-80000000',
      '650000000',
      '3',
      '1',
      '0',
    ]);
    expect(text).not.toMatch(/(?<=,)[۰-۹]+(?=,|\r)/u);
  });

  it('per province and per service', async () => {
    const client = await as('regulator');
    const provinces = await client.get(`/api/v1/tariffs/simulations/${nationalRun}/export.csv?level=province`);
    expect(provinces.statusCode).toBe(200);
    expect(provinces.headers['content-disposition']).toContain(`simulation-${nationalRun}-province.csv`);
    const p = parseCsv(provinces.rawPayload.toString('utf8').slice(1));
    expect(p[1]).toEqual([
      '1',
      'تهران',
      '2',
      '2500',
      '1575000000',
      '1732500000',
      '157500000',
      '1200000000',
      '1130000000',
      '-70000000',
      '0',
      '1',
    ]);

    const services = await client.get(`/api/v1/tariffs/simulations/${nationalRun}/export.csv?level=service`);
    const s = parseCsv(services.rawPayload.toString('utf8').slice(1));
    expect(s[0][0]).toBe('کد خدمت / Service code');
    // A quote inside a field is doubled.
    expect(services.rawPayload.toString('utf8')).toContain('"Petition, ""civil"""');
    expect(s[1]).toEqual([
      'petition',
      'ثبت دادخواست',
      'Petition, "civil"',
      '2000',
      '2000',
      '0',
      '630000',
      '693000',
      '1260000000',
      '1386000000',
      '126000000',
      '10',
    ]);
  });

  it('an unknown level is refused naming the field', async () => {
    const body = expectProblem(
      await (await as('association')).get(`/api/v1/tariffs/simulations/${nationalRun}/export.csv?level=city`),
      400,
    );
    expect(body.errors?.[0].field).toBe('level');
  });
});

describe('report', () => {
  it('an A4 page in Persian, right to left, with the figures in Persian digits and the charts as inline SVG', async () => {
    const res = await (await as('association')).get(`/api/v1/tariffs/simulations/${nationalRun}/report`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.body;
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('font-family:Vazirmatn');
    expect(html).toContain('تعرفهٔ پیشنهادی ۱۴۰۴');
    expect(html).toContain('تعرفهٔ ۱۴۰۳');
    expect(html).toContain('فروردین ۱۴۰۳ تا اسفند ۱۴۰۳');
    expect(html).toContain('همهٔ کشور');
    // Totals: citizens' cost after, office revenue before, below break-even before → after.
    expect(html).toContain('۲٬۰۷۹٬۰۰۰٬۰۰۰ ریال');
    expect(html).toContain('۱٬۵۰۰٬۰۰۰٬۰۰۰ ریال');
    expect(html).toMatch(/۱ ← ۲/);
    expect(html).not.toContain('2,079,000,000');
    // Three charts drawn on the server, their labels in Vazirmatn and Persian digits.
    expect(html.match(/<svg /g)?.length).toBe(3);
    expect(html).toMatch(/<svg[^>]*>[\s\S]*Vazirmatn[\s\S]*<\/svg>/);
    expect(html).toContain('سربه‌سر (۱٫۰)'); // inside a right-to-left embedding
    expect(html).not.toMatch(/<script/);
    // The office losing most and the one pushed below break-even.
    const losers = html.slice(html.indexOf('data-testid="report-losers"'));
    expect(losers.indexOf('۱۱۰۰۱')).toBeLessThan(losers.indexOf('۱۳۰۰۱'));
    const falling = html.slice(html.indexOf('data-testid="report-falling"'), html.indexOf('class="foot"'));
    expect(falling).toContain('۱۱۰۰۱');
    expect(falling).not.toContain('۱۳۰۰۱');
    expect(html).toContain(`/api/v1/tariffs/simulations/${nationalRun}/report.pdf`);
  });

  it.skipIf(!pdfAvailable())(
    'the PDF is that page printed by Chromium',
    async () => {
      const res = await (await as('association')).get(`/api/v1/tariffs/simulations/${nationalRun}/report.pdf`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
      const file = path.join(os.tmpdir(), `daftar-simulation-${process.pid}.pdf`);
      fs.writeFileSync(file, res.rawPayload);
      try {
        const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
        expect(text).toContain('۱۱۰۰۱');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // without poppler-utils the %PDF check stands alone
      } finally {
        fs.rmSync(file, { force: true });
      }
    },
    60_000,
  );

  it('without Chromium: 503 pdf_unavailable pointing at the HTML view', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const body = expectProblem(
        await (await as('association')).get(`/api/v1/tariffs/simulations/${nationalRun}/report.pdf`),
        503,
        'pdf_unavailable',
      );
      expect(body.html).toBe(`/api/v1/tariffs/simulations/${nationalRun}/report`);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});

describe('who may export', () => {
  const urls = (id: number) => [
    `/api/v1/tariffs/simulations/${id}/export.csv`,
    `/api/v1/tariffs/simulations/${id}/report`,
  ];

  it("a province's association and inspector read their province's runs, not the nation's", async () => {
    for (const url of urls(isfahanRun)) {
      expect((await (await as('association.isfahan')).get(url)).statusCode).toBe(200);
      expect((await (await as('association')).get(url)).statusCode).toBe(200);
      expectProblem(await (await as('association.tehran')).get(url), 403, 'forbidden');
      expectProblem(await (await as('inspector.tehran')).get(url), 403, 'forbidden');
    }
    for (const url of urls(nationalRun)) {
      expectProblem(await (await as('association.isfahan')).get(url), 403, 'forbidden');
    }
    const html = (await (await as('association.isfahan')).get(`/api/v1/tariffs/simulations/${isfahanRun}/report`)).body;
    expect(html).toContain('استان اصفهان');
  });

  it('offices, courts and citizens are refused; strangers must sign in; unknown runs are 404', async () => {
    for (const who of ['manager.11001', 'operator.11001', 'clerk.tehran', 'judge.tehran']) {
      expectProblem(
        await (await as(who)).get(`/api/v1/tariffs/simulations/${nationalRun}/export.csv`),
        403,
        'forbidden',
      );
    }
    expectProblem(await t.anonymous().get(`/api/v1/tariffs/simulations/${nationalRun}/report`), 401);
    expectProblem(
      await (await as('association')).get('/api/v1/tariffs/simulations/999999/export.csv'),
      404,
      'not_found',
    );
    expectProblem(
      await (await as('association')).get('/api/v1/tariffs/simulations/999999/report.pdf'),
      404,
      'not_found',
    );
  });
});
