/**
 * The citizen's notices read at an office, as a table: with the citizen's consent for the notice
 * page, the operator sees the citizen's notice (kind, case, court, state) and opens it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkpoint, peopleOf, type People } from '../support/people';
import { startE2eServer, type E2eServer } from '../support/server';

let server: E2eServer;
let people: People;
let consentId: number;
let noticeId: number;

beforeAll(async () => {
  server = await startE2eServer();
  people = await peopleOf(server);
  const db = server.ctx.database.pool;
  const now = server.ctx.clock.now();
  // A case of Tehran's first court with citizen 1 (Amir) as claimant, and a decision notice to him.
  const kase = await db.query<{ id: number }>(
    `insert into cases (case_number, court_id, branch, province_id, subject, opened_by)
     values ('E2E-NOTICE-1', 1, 1, 1, 'مطالبهٔ وجه', 1) returning id::int as id`,
  );
  await db.query("insert into case_parties (case_id, role, citizen_id, name) values ($1, 'claimant', 1, 'امیر')", [
    kase.rows[0].id,
  ]);
  const notice = await db.query<{ id: number }>(
    `insert into notices (case_id, court_id, province_id, kind, title, body, issued_by, issued_at)
     values ($1, 1, 1, 'decision', 'ابلاغ رأی بدوی', 'متن رأی دادگاه', 1, $2) returning id::int as id`,
    [kase.rows[0].id, now],
  );
  noticeId = notice.rows[0].id;
  await db.query('insert into notice_deliveries (notice_id, citizen_id, province_id) values ($1, 1, 1)', [noticeId]);
  // The citizen's consent for the notice page at office 11001, given a moment ago.
  const [operator] = (
    await db.query<{ id: number }>("select id::int as id from users where username = 'operator.11001'")
  ).rows;
  const consent = await db.query<{ id: number }>(
    `insert into consents (citizen_id, office_id, operator_user_id, purpose, expires_at)
     values (1, 1, $1, 'notice-page', $2::timestamptz + interval '10 minutes') returning id::int as id`,
    [operator.id, now],
  );
  consentId = consent.rows[0].id;
});

afterAll(async () => {
  await people?.close();
  await server?.stop();
});

it("the operator reads the citizen's notices in a table and opens one", async () => {
  const page = await people.personPage();
  await people.signInAsStaff(page, 'operator.11001');
  await page.goto(`${server.url}/counter/notices?citizenId=1&consentId=${consentId}`);
  const row = page.getByTestId('office-notice-row');
  await row.first().waitFor();
  expect(await row.count()).toBe(1);
  const text = await row.first().innerText();
  expect(text).toContain('ابلاغ رأی بدوی');
  expect(text).toContain('ابلاغ‌نشده');
  // A table with its column headers, named for screen readers.
  expect(await page.getByTestId('office-notices').getAttribute('aria-label')).toBe('ابلاغیه‌های شهروند');
  expect(await page.getByTestId('office-notices').locator('th').count()).toBe(5);
  await checkpoint(page, 'office-notices-table');
  await page.getByTestId(`office-open-${noticeId}`).click();
  await page.getByTestId('office-opened').waitFor();
  expect(await page.getByTestId('office-opened').innerText()).toContain('متن رأی دادگاه');
  await checkpoint(page, 'office-notices-opened');
  await page.close();
});
