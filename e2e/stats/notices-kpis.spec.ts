/**
 * Notices and the service standard's KPIs on the statistics page: the regulator sees the month's
 * notices opened at an office and online with the time it took, and the four KPIs with their
 * "great" thresholds drawn on the charts, cost per transaction shown as not available; an office
 * manager sees their office, where take-up is not available. Checked with axe-core and
 * photographed (test-results/screenshots/statistics-kpis-*.png) at a desk and at a 360 px phone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toLatinDigits } from '#core/persian-digits';
import { recordService } from '#server/modules/records/service-records';
import { STATS_REFRESH_JOB } from '#server/modules/stats/filing-rollups';
import { checkpointAtDeskAndPhone, staffPageAt } from '../support/steps';
import { DESKTOP } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

/** Today is Tuesday 15 Ordibehesht 1405, 10:00 in Tehran, on the server and in every browser. */
const NOW = new Date('2026-05-05T06:30:00Z');
/** Ordibehesht 1405 alone: the demo's history ends the month before. */
const PERIOD = 'fromMonth=1405-02&toMonth=1405-02';

let office11001 = 0;
const pageErrors: string[] = [];

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const latin = (s: string | null) => toLatinDigits(s ?? '').replace(/[\s\u200e\u200f\u2066-\u2069٬,]/g, '');

const { server, people } = serverWithPeople({ now: NOW }, { people: DESKTOP });
beforeAll(async () => {
  const pool = server.ctx.database.pool;
  const {
    rows: [o],
  } = await pool.query<{ id: number }>("select id from offices where code = '11001'");
  office11001 = o.id;
  // Services: 2 at 11001 and 8 online in Tehran — take-up 80 %, above the 79 % line.
  for (const [channel, times] of [
    ['office', 2],
    ['online', 8],
  ] as const) {
    for (let i = 0; i < times; i++) {
      await server.ctx.db.transaction((tx) =>
        recordService(
          tx,
          {
            serviceCode: 'petition',
            channel,
            officeId: channel === 'office' ? office11001 : null,
            provinceId: 1,
            operatorUserId: null,
            citizenId: null,
            scheduleId: null,
            amountRials: 100_000,
          },
          new Date('2026-04-25T08:00:00Z'),
        ),
      );
    }
  }
  // A notice of 5 Ordibehesht to two addressees: one opened at 11001 a day later, one online after 2 hours.
  const {
    rows: [{ staff }],
  } = await pool.query<{ staff: number }>('select min(id)::int as staff from users');
  const citizens = (await pool.query<{ id: number }>('select id::int as id from citizens order by id limit 2')).rows;
  const {
    rows: [notice],
  } = await pool.query<{ id: number }>(
    `insert into notices (case_id, court_id, province_id, kind, title, body, issued_by, issued_at)
     values (1, (select min(id) from courts), 1, 'summons', 'احضاریه', 'در وقت مقرر حاضر شوید.', $1, '2026-04-25T06:30:00Z')
     returning id::int as id`,
    [staff],
  );
  await pool.query(
    `insert into notice_deliveries (notice_id, citizen_id, province_id, delivered_at, delivered_channel, delivered_office_id)
     values ($1, $2, 1, '2026-04-26T06:30:00Z', 'office', $4), ($1, $3, 1, '2026-04-25T08:30:00Z', 'online', null)`,
    [notice.id, citizens[0].id, citizens[1].id, office11001],
  );
  await STATS_REFRESH_JOB.run(server.ctx.database, { now: () => NOW });
});

describe('notices and the service KPIs on the statistics page', () => {
  it('the regulator: the KPIs with their great lines, cost per transaction not available, and the notices', async () => {
    const page = await staffPageAt(server, people, 'regulator', `/statistics?${PERIOD}`, pageErrors);
    const kpis = page.getByTestId('stats-kpis');
    await kpis.waitFor();
    await poll(async () => latin(await page.getByTestId('kpi-digitalTakeUp-value').textContent())).toBe('80٪');
    expect(await page.getByTestId('kpi-digitalTakeUp').getByText('عالی', { exact: true }).count()).toBeGreaterThan(0);
    await poll(() => page.getByTestId('kpi-costPerTransaction-value').textContent()).toBe('در دسترس نیست');
    // The great line is drawn on each chart (labelled on the chart itself).
    await poll(() => page.getByTestId('kpi-digitalTakeUp').locator('svg').count()).toBeGreaterThan(0);
    await poll(async () => (await page.getByTestId('kpi-digitalTakeUp').locator('svg').textContent()) ?? '').toContain(
      'عالی',
    );

    const notices = page.getByTestId('stats-notices');
    await notices.scrollIntoViewIfNeeded();
    await poll(async () => latin(await page.getByTestId('notices-issued').locator('p').nth(1).textContent())).toBe('2');
    expect(latin(await page.getByTestId('notices-openedAtOffice').locator('p').nth(1).textContent())).toBe('1');
    expect(latin(await page.getByTestId('notices-openedOnline').locator('p').nth(1).textContent())).toBe('1');
    // Opened online after 2 hours, at the office after 24.
    expect(latin(await page.getByTestId('notices-onlineDelay').locator('p').nth(1).textContent())).toBe('2ساعت');
    expect(latin(await page.getByTestId('notices-officeDelay').locator('p').nth(1).textContent())).toBe('24ساعت');
    await checkpointAtDeskAndPhone(page, 'statistics-kpis-01-nation');
    expect(pageErrors).toEqual([]);
  });

  it("an office manager: their office's notices, take-up not available below a province", async () => {
    const page = await staffPageAt(server, people, 'manager.11001', `/statistics?${PERIOD}`, pageErrors);
    await page.getByTestId('stats-kpis').waitFor();
    await poll(() => page.getByTestId('kpi-digitalTakeUp-value').textContent()).toBe('در دسترس نیست');
    await poll(async () => latin(await page.getByTestId('notices-issued').locator('p').nth(1).textContent())).toBe('1');
    await checkpointAtDeskAndPhone(page, 'statistics-kpis-02-office');
    expect(pageErrors).toEqual([]);
  });

  it('anyone: the open data page shows the notices table with hidden counts marked, links its file and describes its measures', async () => {
    const page = await people.personPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}/open-data?provinceId=1&fromMonth=1405-01&toMonth=1405-01`);
    const link = page.getByTestId('open-notices-csv');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(
      '/api/v1/stats/open/notices.csv?provinceId=1&fromMonth=1405-01&toMonth=1405-01',
    );
    expect(await page.getByTestId('open-notices-dictionary').locator('li').count()).toBe(5);
    const res = await page.request.get(
      `${server.url}/api/v1/stats/open/notices.csv?provinceId=1&fromMonth=1405-02&toMonth=1405-02`,
    );
    expect(res.status()).toBe(200);
    // Two copies in Ordibehesht, both under five: hidden.
    expect(await res.text()).toContain('1405-02,1,تهران,Tehran,issued,,1');
    // The same figures on the page: a table like the services', the hidden counts marked as hidden.
    await page.goto(`${server.url}/open-data?provinceId=1&${PERIOD}`);
    const issued = page.getByTestId('open-notices-line-p1-issued');
    await issued.waitFor();
    expect(await issued.getByTestId('suppressed').count()).toBe(1);
    expect(await issued.getByTestId('suppressed').textContent()).toBe('کمتر از ۵');
    expect(await page.getByTestId('open-notices-table').locator('tbody tr').count()).toBe(5);
    // Two opened copies are fewer than five: no mean delay is published, and it reads as hidden.
    expect(await page.getByTestId('open-notices-line-p1-mean_delay_hours').getByTestId('suppressed').count()).toBe(1);
    await page.getByTestId('open-notices-table').scrollIntoViewIfNeeded();
    await checkpointAtDeskAndPhone(page, 'statistics-kpis-03-open-data-notices');
    expect(pageErrors).toEqual([]);
  });
});
