/**
 * The hearing room in real browsers on the embedded default: a judge and a party, each in their
 * own Chromium with a synthetic camera, meet peer to peer. The party waits in the waiting room
 * until the judge admits them; then each peer connection reaches `connected` and decodes video
 * frames from the other; the judge starts, pauses, resumes and closes, and the minutes go onto the
 * case as a notice with its PDF.
 *
 * Before that: the court's clerk schedules a hearing on one of the demo's cases through the form,
 * one party attending from office 11001, whose operator then finds the booking on the office's
 * booth calendar; that party runs the self-test, which finds the synthetic camera, microphone
 * and the connection to the server working. The office's operator checks booth 1's device from the
 * calendar and records that it passed; the party's socket to a hearing she is not called to is
 * refused. In the room, the judge moves the party to the consultation room and back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpoint, choose, signInAsCitizen } from '../support/people';
import { type BrowserLease, screenshot } from '../support/browser';
import {
  mediaPage,
  openHearing,
  queryOf,
  receivesVideoFrom,
  showsHearingEnded,
  signallingSocket,
} from '../support/hearing-room';
import { startE2eServer, type E2eServer } from '../support/server';

let server: E2eServer;
const browsers: BrowserLease[] = [];
let hearingId: number;
const query = queryOf(() => server);

async function personPage(): Promise<Page> {
  return (await mediaPage(browsers)).page;
}

beforeAll(async () => {
  server = await startE2eServer();
  ({ hearingId } = await openHearing(query, server, 'E-H-1'));
  await query(
    "insert into hearing_participants (hearing_id, role, citizen_id, name, mode) values ($1, 'party', 1, 'امیر تهرانی', 'home')",
    [hearingId],
  );
}, 120_000);
afterAll(async () => {
  for (const b of browsers) await b.close().catch(() => undefined);
  await server?.stop();
});

describe('scheduling, the booth calendar and the self-test', () => {
  it('the clerk schedules a hearing with a party at an office; the office sees the booking; the party checks her device', async () => {
    // The demo's cheque debt case at Tehran's general court: Amir Tehrani against Nazanin Esfahani.
    const [kase] = await query<{ id: number }>("select id::int as id from cases where subject = 'مطالبهٔ وجه چک'");
    const clerk = await personPage();
    await clerk.goto(`${server.url}/sign-in`);
    await clerk.getByTestId('staff-username').fill('clerk.tehran');
    await clerk.getByTestId('staff-password').fill('Daftar-1403');
    await clerk.getByTestId('staff-submit').click();
    await clerk.getByTestId('user-menu').waitFor();
    await clerk.goto(`${server.url}/hearings/new?case=${kase.id}`);
    await clerk.getByTestId('participant-1-national-id').waitFor();
    // 25 Ordibehesht 1405 (15 May 2026), ten days after the server's day, typed in Persian digits.
    await clerk.getByTestId('hearing-date').fill('۱۴۰۵/۰۲/۲۵');
    await clerk.getByTestId('hearing-time').fill('۱۱:۰۰');
    await choose(clerk, 'hearing-judge', 'احمد قاسمی');
    await clerk.getByTestId('participant-1-mode').getByText('از دفتر خدمات').click();
    await clerk.getByTestId('participant-1-office').fill('11001');
    await clerk.getByRole('option').filter({ hasText: '۱۱۰۰۱' }).first().click();
    await checkpoint(clerk, 'hearings-schedule-form');
    await clerk.getByTestId('hearing-submit').click();
    await clerk.waitForURL(/\/hearings\/\d+$/);
    const scheduled = Number(new URL(clerk.url()).pathname.split('/').pop());
    const booked = await query<{ name: string; booth: number | null }>(
      "select name, booth_no as booth from hearing_participants where hearing_id = $1 and mode = 'office'",
      [scheduled],
    );
    expect(booked).toEqual([{ name: 'نازنین اصفهانی', booth: 1 }]);

    const operator = await personPage();
    await operator.goto(`${server.url}/sign-in`);
    await operator.getByTestId('staff-username').fill('operator.11001');
    await operator.getByTestId('staff-password').fill('Daftar-1403');
    await operator.getByTestId('staff-submit').click();
    await operator.getByTestId('user-menu').waitFor();
    await operator.goto(`${server.url}/hearings/booths`);
    await operator.getByTestId('booths-date').fill('۱۴۰۵/۰۲/۲۵');
    const booking = operator.getByTestId('booth-booking').filter({ hasText: 'نازنین اصفهانی' });
    await booking.waitFor();
    await expect.poll(() => booking.textContent()).toContain('۱۱:۰۰');

    // The office checks booth 1's device from the calendar (on the server's day, for its hearings of the day after).
    await operator.getByTestId('booth-check-1').click();
    await operator.waitForURL(/\/hearings\/booths\/1\/check/);
    await operator.getByTestId('self-test-start').click();
    for (const check of ['camera', 'microphone', 'connection'])
      await expect
        .poll(() => operator.getByTestId(`check-${check}`).getAttribute('data-status'), { timeout: 20_000 })
        .toBe('ok');
    await operator.getByTestId('play-tone').click();
    await operator.getByTestId('speaker-heard').click();
    // Worded for the office recording a booth, not for a participant about to join.
    await expect.poll(() => operator.getByTestId('self-test-ready').textContent()).toContain('نتیجه را ثبت کنید');
    await operator.getByTestId('booth-check-record').click();
    await expect
      .poll(() => operator.getByTestId('booth-check-saved').getAttribute('data-passed'), { timeout: 10_000 })
      .toBe('true');
    await checkpoint(operator, 'hearings-booth-check');
    const checks = await query<{ booth: number; passed: boolean; speaker: string }>(
      'select booth_no as booth, passed, speaker from hearing_booth_checks order by id desc limit 1',
    );
    expect(checks).toEqual([{ booth: 1, passed: true, speaker: 'ok' }]);
    await operator.getByTestId('booth-check-saved').getByRole('link').click();
    // Made today, the check speaks for today's and tomorrow's hearings, not for those ten days on.
    await expect
      .poll(() => operator.getByTestId('booth-1').getByTestId('booth-check').getAttribute('data-passed'))
      .toBe('none');
    await operator.getByTestId('booths-date').fill('۱۴۰۵/۰۲/۱۶');
    await expect
      .poll(() => operator.getByTestId('booth-1').getByTestId('booth-check').getAttribute('data-passed'))
      .toBe('true');

    // Nazanin (the office's party) checks her device; Amir signs in below, and one mobile may not ask for two codes at once.
    const party = await personPage();
    await signInAsCitizen(server, party, '09130000002');
    await party.goto(`${server.url}/hearings`);
    await party.getByTestId(`self-test-${scheduled}`).click();
    await party.getByTestId('self-test-start').click();
    for (const check of ['camera', 'microphone', 'connection'])
      await expect
        .poll(() => party.getByTestId(`check-${check}`).getAttribute('data-status'), { timeout: 20_000 })
        .toBe('ok');
    await expect.poll(() => party.getByTestId('round-trip').textContent()).toMatch(/[۰-۹]+ میلی‌ثانیه/);
    await checkpoint(party, 'hearings-self-test');

    // Nazanin is not called to the other hearing: her socket to its room is refused before it opens.
    const refused = await signallingSocket(party, hearingId);
    expect(refused).toBe('refused');
  }, 240_000);
});

describe('a hearing by video, peer to peer', () => {
  it('the judge admits the party from the waiting room; both see each other; pause, resume, close', async () => {
    const judge = await personPage();
    await judge.goto(`${server.url}/sign-in`);
    await judge.getByTestId('staff-username').fill('judge.tehran');
    await judge.getByTestId('staff-password').fill('Daftar-1403');
    await judge.getByTestId('staff-submit').click();
    await judge.getByTestId('user-menu').waitFor();
    await judge.goto(`${server.url}/hearings/${hearingId}`);

    const party = await personPage();
    await signInAsCitizen(server, party, '09120000001');
    await party.goto(`${server.url}/hearings/${hearingId}`);
    await party.getByTestId('in-waiting-room').waitFor();
    await screenshot(party, 'hearings-waiting-room');

    const [p] = await query<{ id: number }>('select id::int as id from hearing_participants where hearing_id = $1', [
      hearingId,
    ]);
    const [{ id: partyUser }] = await query<{ id: number }>('select id::int as id from users where citizen_id = 1');
    const [{ id: judgeUser }] = await query<{ id: number }>(
      "select id::int as id from users where username = 'judge.tehran'",
    );
    await judge.getByTestId(`command-admit-${p.id}`).click();
    await receivesVideoFrom({ page: judge, peerId: `u${judgeUser}` }, [`u${partyUser}`]);
    await receivesVideoFrom({ page: party, peerId: `u${partyUser}` }, [`u${judgeUser}`]);
    await screenshot(judge, 'hearings-room-judge');

    // The judge moves the party to the consultation room and back; each move shows on both sides.
    for (const [command, state] of [
      ['to_consultation', 'consultation'],
      ['from_consultation', 'admitted'],
    ] as const) {
      await judge.getByTestId(`command-${command}-${p.id}`).click();
      await expect.poll(() => judge.getByTestId(`peer-u${partyUser}`).getAttribute('data-state')).toBe(state);
      await expect
        .poll(
          async () =>
            (await query<{ state: string }>('select state from hearing_participants where id = $1', [p.id]))[0].state,
        )
        .toBe(state);
    }
    await expect.poll(() => party.getByTestId('in-waiting-room').count()).toBe(0);

    for (const [tr, state] of [
      ['start', 'in_session'],
      ['pause', 'paused'],
      ['resume', 'in_session'],
    ] as const) {
      await judge.getByTestId(`transition-${tr}`).click();
      await expect.poll(() => party.getByTestId('hearing-state').getAttribute('data-state')).toBe(state);
    }
    await judge.getByTestId('transition-close').click();
    await showsHearingEnded(judge);
    const [notice] = await query<{ sha: string | null }>(
      'select n.document_sha256 as sha from hearings h join notices n on n.id = h.minutes_notice_id where h.id = $1',
      [hearingId],
    );
    expect(notice.sha).toMatch(/^[0-9a-f]{64}$/);
  }, 180_000);
});
