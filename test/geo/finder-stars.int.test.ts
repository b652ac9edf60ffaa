/**
 * The finder's stars do not flip to a sparse month (docs/decisions/0076). The demo's counter
 * history ends on 29 Esfand 1404; on the test world's day (15 Ordibehesht 1405) Farmanieh (11001)
 * serves one citizen at the counter. Ordibehesht becomes the latest month with data, but one
 * ticket says almost nothing about the office: its stars stay those of Esfand, the latest month
 * with enough data, as Tehran's association reads them on the province's list for Esfand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.stop();
});

type Quality = { month: string; stars: number | null; ratings: number };

async function starsOf(code: string): Promise<Quality> {
  const res = await t.anonymous().get('/api/v1/geo/finder?service=petition&lat=35.80&lon=51.43');
  expect(res.statusCode, res.body).toBe(200);
  const office = (res.json().items as { code: string; quality: Quality }[]).find((o) => o.code === code);
  expect(office, `office ${code} found`).toBeDefined();
  return office!.quality;
}

describe("the finder's stars after a quiet start of a month", () => {
  it("keep the latest month with enough data rather than the sparse month's 'not enough data'", async () => {
    const esfand = await starsOf('11001');
    expect(esfand.month).toBe('1404-12');
    expect(esfand.stars).not.toBeNull();

    // One ticket served this morning at 11001: Ordibehesht now has data, far too little of it.
    await t.query(
      `insert into queue_tickets (office_id, day, number, status, created_at, called_at, done_at)
      values (1, '2026-05-05', 1, 'done', '2026-05-05T06:00:00Z', '2026-05-05T06:05:00Z', '2026-05-05T06:15:00Z')`,
    );
    const tehran = await t.signInStaff('association.tehran');
    const listed = (await tehran.get('/api/v1/quality/scores?provinceId=1')).json();
    expect(listed.month).toBe('1405-02');
    const sparse = listed.offices.find((o: { office: { code: string } }) => o.office.code === '11001');
    // The sparse month's own figure is not sure enough for stars …
    expect(sparse.stars).toBeNull();

    // … so the finder goes on showing Esfand's.
    expect(await starsOf('11001')).toEqual(esfand);
  });
});
