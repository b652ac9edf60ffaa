/**
 * A citizen on a 360 × 740 phone adds a summons' hearing, and the last day of a decision's time
 * limit, to their calendar: the page hands over an .ics file (RFC 5545) made from the notice it
 * shows — the hearing's start in UTC, the last day as an all-day event, a Persian summary naming the
 * court and the case (screenshots: test-results/screenshots/add-to-calendar-*.png).
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toPersianDigits } from '#core/persian-digits';
import { checkpoint } from '../support/people';
import { PHONE, serverWithPeople } from '../support/spec-server';

/** Demo citizen 1, in Tehran. */
const TEHRANI = { id: 1, mobile: '09120000001' };
const CASE_NUMBER = 'THR-GEN-01-000777-1405';
/** "Today": Friday 13 Azar 1405 (4 December 2026), 10:00 in Tehran. */
const TODAY = new Date('2026-12-04T06:30:00Z');
/** The hearing: Wednesday 25 Azar 1405 (16 December 2026), 09:00 in Tehran = 05:30 UTC. */
const HEARING = new Date('2026-12-16T05:30:00Z');

let citizen: Page;

async function q<R>(sql: string, values: unknown[]): Promise<R[]> {
  return (await server.ctx.database.pool.query(sql, values)).rows as R[];
}

/** A notice of the given kind on a case of the citizen's, at court 1 branch 2. */
async function notice(caseId: number, kind: 'summons' | 'decision', hearingAt: Date | null): Promise<number> {
  const [n] = await q<{ id: number }>(
    `insert into notices (case_id, court_id, province_id, kind, title, body, issued_by, issued_at, hearing_at)
     values ($1, 1, 1, $2, $3, 'متن ابلاغیه', 1, $4, $5) returning id::int as id`,
    [caseId, kind, kind === 'summons' ? 'احضاریه' : 'دادنامه', new Date(TODAY.getTime() - 3_600_000), hearingAt],
  );
  await q('insert into notice_deliveries (notice_id, citizen_id, province_id) values ($1, $2, 1)', [n.id, TEHRANI.id]);
  return n.id;
}

/** The file's content lines, unfolded (RFC 5545 §3.1). */
async function downloaded(page: Page, testId: string): Promise<{ name: string; text: string; lines: string[] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  return { name: download.suggestedFilename(), text, lines: text.replace(/\r\n /g, '').split('\r\n') };
}

const { server, people } = serverWithPeople({ now: TODAY }, { people: PHONE });

describe('add to calendar, on a 360 px phone', () => {
  let summonsId: number;
  let decisionId: number;
  let court: string;

  it('the citizen signs in', async () => {
    const [kase] = await q<{ id: number }>(
      "insert into cases (case_number, court_id, branch, province_id, subject, opened_by) values ($1, 1, 2, 1, 'مطالبهٔ وجه', 1) returning id::int as id",
      [CASE_NUMBER],
    );
    await q("insert into case_parties (case_id, role, citizen_id, name) values ($1, 'defendant', $2, 'امیر تهرانی')", [
      kase.id,
      TEHRANI.id,
    ]);
    summonsId = await notice(kase.id, 'summons', HEARING);
    decisionId = await notice(kase.id, 'decision', null);
    [{ court }] = await q<{ court: string }>('select name_fa as court from courts where id = 1', []);

    citizen = await people.personPage();
    await citizen.goto(`${server.url}/sign-in/citizen`);
    await citizen.getByTestId('citizen-mobile').fill(toPersianDigits(TEHRANI.mobile));
    await citizen.getByTestId('citizen-request-code').click();
    await citizen.getByTestId('citizen-code-sent').waitFor();
    await citizen.getByTestId('citizen-code').fill(await server.latestCode(TEHRANI.mobile));
    await citizen.getByTestId('citizen-submit').click();
    await citizen.getByTestId('user-menu').waitFor();
  });

  it("downloads the summons' hearing with its start in UTC and a Persian summary naming the court and case", async () => {
    await citizen.goto(`${server.url}/me/notices/${summonsId}`);
    await citizen.getByTestId('portal-notice-hearing').waitFor();
    const link = citizen.getByTestId('portal-notice-calendar-hearing');
    expect(await link.textContent()).toBe('افزودن وقت رسیدگی به تقویم');
    await checkpoint(citizen, 'add-to-calendar-summons');

    const file = await downloaded(citizen, 'portal-notice-calendar-hearing');
    expect(file.name).toBe(`notice-${summonsId}-hearing.ics`);
    expect(file.text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(file.text.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(file.lines).toContain('DTSTART:20261216T053000Z');
    expect(file.lines).toContain(`UID:notice-${summonsId}-hearing@daftar`);
    expect(file.lines).toContain(`SUMMARY:جلسهٔ رسیدگی — ${court}، شعبهٔ ۲ — پروندهٔ ${CASE_NUMBER}`);
    for (const line of file.text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    // A summons sets no time limit here, so there is no last day to add.
    expect(await citizen.getByTestId('portal-notice-calendar-deadline').count()).toBe(0);
  });

  it("downloads the last day of a decision's 20-day limit as an all-day event", async () => {
    await citizen.goto(`${server.url}/me/notices/${decisionId}`);
    await citizen.getByTestId('deadline').waitFor();
    expect(await citizen.getByTestId('portal-notice-calendar-hearing').count()).toBe(0);
    await checkpoint(citizen, 'add-to-calendar-decision');
    const file = await downloaded(citizen, 'portal-notice-calendar-deadline');
    // Opened on 13 Azar: 14 Azar … 3 Dey are counted; Friday 4 Dey moves to Saturday 5 Dey 1405
    // (26 December 2026; Arts. 444, 445). An all-day event ends, exclusively, the next day.
    expect(file.lines).toContain('DTSTART;VALUE=DATE:20261226');
    expect(file.lines).toContain('DTEND;VALUE=DATE:20261227');
    expect(file.lines).toContain(`SUMMARY:آخرین روز مهلت ۲۰ روزه — ${court}، شعبهٔ ۲ — پروندهٔ ${CASE_NUMBER}`);
  });
});
