/**
 * A hearing of four on the embedded default (peer to peer, a mesh): the judge and the court's
 * clerk from the court, a party at office 11001's booth and her lawyer from home — each in their
 * own Chromium with a synthetic camera at ten frames a second (the page asks for 320×240), so four
 * browsers share two cores; only the judge and the party have a microphone, and the others hear them.
 *
 * The office's operator first checks the party in at the booth through the booth calendar (a
 * wrong code is refused next to the form, then her national ID card and the code on her summons
 * admit her); the operator, who is not called to the hearing, is refused its signalling socket.
 * Then every one of the four receives video from each of the three others (`getStats` inbound
 * frames increasing on a `connected` connection); the judge starts the session and moves the party
 * and her lawyer to the consultation room — they see only each other, the judge and the clerk only
 * each other — and back; the clerk types the minutes; the judge pauses, resumes and closes. The
 * minutes go onto the case as a PDF, and the attendance names the office the party attended from
 * and the operator who checked her in.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInCodeOf } from '#core/hearing-booths';
import { toPersianDigits } from '#core/persian-digits';
import type { BrowserLease } from '../support/browser';
import {
  addCitizens,
  type HearingPerson,
  hearsAudioFrom,
  mediaPage,
  openHearing,
  othersOf,
  queryOf,
  receivesVideoFrom,
  showsHearingEnded,
  signallingSocket,
  signInStaff,
  userIdOf,
} from '../support/hearing-room';
import { pageRequest } from '../support/page-api';
import { checkpoint, signInAsCitizen, DESKTOP } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

const leases: BrowserLease[] = [];
const query = queryOf(() => server);
let hearingId: number;
let caseId: number;
const CODE = checkInCodeOf(424_242);
/** Nazanin Esfahani, a demo citizen, attends from booth 1 of office 11001. */
let party: { citizenId: number; userId: number; nationalId: string; participantId: number; mobile: string };
let lawyer: { userId: number; participantId: number; mobile: string };
let operator: { userId: number; name: string };
let office: { id: number; code: string };

const { server, people } = serverWithPeople({}, { people: DESKTOP });
beforeAll(async () => {
  ({ hearingId, caseId } = await openHearing(query, server, 'E-H-4'));
  [office] = await query<{ id: number; code: string }>("select id, code from offices where code = '11001'");
  const [nazanin] = await query<{ citizenId: number; userId: number; nationalId: string; name: string }>(
    `select c.id::int as "citizenId", u.id::int as "userId", c.national_id as "nationalId",
      c.first_name || ' ' || c.last_name as name
    from citizens c join users u on u.citizen_id = c.id where c.mobile = '09130000002'`,
  );
  const [maryam] = await addCitizens(query, ['مریم']);
  const rows = await query<{ id: number; role: string }>(
    `insert into hearing_participants (hearing_id, role, citizen_id, name, mode, office_id, booth_no, check_in_code)
    values ($1, 'party', $2, $3, 'office', $4, 1, $5), ($1, 'lawyer', $6, $7, 'home', null, null, null)
    returning id::int as id, role`,
    [hearingId, nazanin.citizenId, nazanin.name, office.id, CODE, maryam.id, maryam.name],
  );
  party = {
    ...nazanin,
    participantId: rows.find((r) => r.role === 'party')!.id,
    mobile: '09130000002',
  };
  lawyer = { userId: maryam.userId, participantId: rows.find((r) => r.role === 'lawyer')!.id, mobile: maryam.mobile };
  const [op] = await query<{ id: number; name: string }>(
    "select id::int as id, first_name || ' ' || last_name as name from users where username = 'operator.11001'",
  );
  operator = { userId: op.id, name: op.name };
}, 120_000);

afterAll(async () => {
  for (const lease of leases) await lease.close().catch(() => undefined);
});

describe('the office checks the party in at its booth', () => {
  it('a wrong code is refused beside the form; her national ID card and her summons code admit her; the operator gets no socket to the hearing', async () => {
    const page = await people.personPage();
    await people.signInAsStaff(page, 'operator.11001');
    await page.goto(`${server.url}/hearings/booths`);
    // The hearing is on the server's day: 15 Ordibehesht 1405.
    await page.getByTestId('booths-date').fill('۱۴۰۵/۰۲/۱۵');
    const booking = page.getByTestId('booth-booking').filter({ hasText: 'نازنین اصفهانی' });
    await booking.waitFor();
    await booking.getByTestId('check-in-national-id').fill(toPersianDigits(party.nationalId));
    const wrong = CODE === '000000' ? '111111' : '000000';
    await booking.getByTestId('check-in-code').fill(toPersianDigits(wrong));
    await booking.getByTestId('check-in-submit').click();
    await expect.poll(() => booking.getByRole('alert').textContent()).toMatch(/[\u0600-\u06FF]/);
    await booking.getByTestId('check-in-code').fill(toPersianDigits(CODE));
    await booking.getByTestId('check-in-submit').click();
    await expect.poll(() => booking.getByTestId('checked-in').textContent()).toContain(operator.name);
    await checkpoint(page, 'hearings-four-check-in');
    const [row] = await query<{ by: number | null }>(
      'select checked_in_by::int as by from hearing_participants where id = $1',
      [party.participantId],
    );
    expect(row.by).toBe(operator.userId);
    const refusals = await query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'hearings.check-in-refused' and entity_id = $1::text",
      [hearingId],
    );
    expect(refusals[0].n).toBe(1);

    // The operator is not called to the hearing: the room's socket is refused before it opens.
    expect(await signallingSocket(page, hearingId)).toBe('refused');
  }, 120_000);
});

describe('a hearing of four, peer to peer', () => {
  it('all four see each other; the party consults her lawyer apart and comes back; minutes, pause, resume, close', async () => {
    // Only the judge and the party have a microphone (the clerk types, the lawyer listens): each
    // browser's sound cost more than its video, and four of them share two cores.
    const staff = async (username: string, microphone: boolean): Promise<HearingPerson> => {
      const { page, lease } = await mediaPage(leases, { fps: 10, microphone });
      await signInStaff(server, page, username);
      await page.goto(`${server.url}/hearings/${hearingId}`);
      return { page, lease, participantId: null, peerId: `u${await userIdOf(query, username)}` };
    };
    const citizen = async (
      who: { mobile: string; userId: number; participantId: number },
      microphone: boolean,
    ): Promise<HearingPerson> => {
      const { page, lease } = await mediaPage(leases, { fps: 10, microphone });
      await signInAsCitizen(server, page, who.mobile);
      await page.goto(`${server.url}/hearings/${hearingId}`);
      await page.getByTestId('in-waiting-room').waitFor();
      return { page, lease, participantId: who.participantId, peerId: `u${who.userId}` };
    };
    // One after another: one mobile at a time asks for its code, and two cores start one browser at a time well.
    const judge = await staff('judge.tehran', true);
    const clerk = await staff('clerk.tehran', false);
    const atBooth = await citizen(party, true);
    const fromHome = await citizen(lawyer, false);
    const everyone = [judge, clerk, atBooth, fromHome];

    // The judge sees who checked the party in, and where.
    await expect.poll(() => judge.page.getByTestId('check-ins').textContent()).toContain(operator.name);
    for (const p of [atBooth, fromHome]) await judge.page.getByTestId(`command-admit-${p.participantId}`).click();
    await Promise.all(everyone.map((p) => receivesVideoFrom(p, othersOf(everyone, p))));
    // Everyone hears the judge, and everyone else hears the party.
    await Promise.all([
      ...[clerk, atBooth, fromHome].map((p) => hearsAudioFrom(p, judge.peerId)),
      ...[judge, clerk, fromHome].map((p) => hearsAudioFrom(p, atBooth.peerId)),
    ]);
    // The clerk and the lawyer are told the others cannot hear them; the judge is told nothing.
    for (const p of [clerk, fromHome]) await p.page.getByTestId('no-microphone').waitFor();
    expect(await judge.page.locator('[data-testid="no-microphone"], [data-testid="no-camera"]').count()).toBe(0);
    await checkpoint(judge.page, 'hearings-four-judge');
    await atBooth.page.setViewportSize({ width: 360, height: 740 });
    await checkpoint(atBooth.page, 'hearings-four-party-360');

    await transition(judge.page, atBooth.page, 'start', 'in_session');

    // The party and her lawyer to the consultation room: they see only each other, the court only itself.
    for (const p of [atBooth, fromHome])
      await judge.page.getByTestId(`command-to_consultation-${p.participantId}`).click();
    const consulting = [atBooth, fromHome];
    const court = [judge, clerk];
    await Promise.all([
      ...consulting.map((p) => receivesVideoFrom(p, othersOf(consulting, p))),
      ...court.map((p) => receivesVideoFrom(p, othersOf(court, p))),
    ]);
    await expect
      .poll(() => judge.page.getByTestId(`peer-${atBooth.peerId}`).getAttribute('data-state'))
      .toBe('consultation');
    // The lawyer hears her client in the consultation room.
    await hearsAudioFrom(fromHome, atBooth.peerId);
    await checkpoint(fromHome.page, 'hearings-four-consultation');
    for (const p of consulting) await judge.page.getByTestId(`command-from_consultation-${p.participantId}`).click();
    await Promise.all(everyone.map((p) => receivesVideoFrom(p, othersOf(everyone, p))));

    // The clerk types the minutes during the session.
    await clerk.page.getByTestId('minutes').fill('خواهان از دفتر ۱۱۰۰۱ حاضر شد و با وکیل خود مشورت کرد.');
    await clerk.page.getByTestId('save-minutes').click();
    await expect
      .poll(
        async () =>
          (await query<{ minutes: string | null }>('select minutes from hearings where id = $1', [hearingId]))[0]
            .minutes,
      )
      .toContain('مشورت');

    await transition(judge.page, atBooth.page, 'pause', 'paused');
    await transition(judge.page, atBooth.page, 'resume', 'in_session');
    await judge.page.setViewportSize({ width: 360, height: 740 });
    await checkpoint(judge.page, 'hearings-four-judge-360');
    await judge.page.getByTestId('transition-close').click();
    await showsHearingEnded(judge.page);

    // The minutes with the attendance: the party at office 11001, checked in by its operator.
    const closed = (await pageRequest(judge.page, 'GET', `/api/v1/hearings/${hearingId}`)).body as {
      state: string;
      minutesNoticeId: number | null;
      attendance: {
        name: string;
        role: string;
        mode: string;
        office: { code: string } | null;
        checkIn: { by: { userId: number; name: string } } | null;
      }[];
    };
    expect(closed.state).toBe('closed');
    expect(
      closed.attendance
        .map((a) => [a.role, a.mode, a.office?.code ?? null, a.checkIn?.by.userId ?? null])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['clerk', 'court', null, null],
      ['judge', 'court', null, null],
      ['lawyer', 'home', null, null],
      ['party', 'office', office.code, operator.userId],
    ]);
    const noticeId = closed.minutesNoticeId!;
    const kase = (await pageRequest(clerk.page, 'GET', `/api/v1/court/cases/${caseId}`)).body as {
      notices: { id: number; document: unknown }[];
    };
    expect(kase.notices.some((n) => n.id === noticeId && n.document)).toBe(true);
    // The party reads the PDF in her e-account.
    const pdf = await atBooth.page.evaluate(async (url) => {
      const res = await fetch(url, { credentials: 'same-origin' });
      const head = new Uint8Array(await res.arrayBuffer()).slice(0, 5);
      return { status: res.status, type: res.headers.get('content-type'), head: String.fromCharCode(...head) };
    }, `/api/v1/me/notices/${noticeId}/document`);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
  }, 240_000);
});

/** The judge moves the hearing on; the party's page shows the new state. */
async function transition(judge: Page, party: Page, tr: string, state: string) {
  await judge.getByTestId(`transition-${tr}`).click();
  await expect.poll(() => party.getByTestId('hearing-state').getAttribute('data-state')).toBe(state);
}
