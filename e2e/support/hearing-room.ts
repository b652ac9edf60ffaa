/**
 * What the hearing room's browser stories share: a browser of one's own per person (a synthetic
 * camera and microphone), a hearing and citizens put straight into the database, staff signed in
 * through the sign-in form, and the check that a page receives video from exactly the people it
 * should — each peer connection `connected` and its decoded frames (`getStats`) increasing.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { makeNationalId } from '#core/identifiers';
import { type BrowserLease, launchBrowser } from './browser';
import type { E2eServer } from './server';

export type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

/** The database of the spec's server, as rows. */
export const queryOf =
  (server: () => E2eServer): Query =>
  <T>(sql: string, params: unknown[] = []) =>
    server()
      .ctx.database.pool.query(sql, params)
      .then((r) => r.rows as T[]);

/** One person in a hearing: their page, their browser, and how the others know them. */
export interface HearingPerson {
  page: Page;
  lease: BrowserLease;
  /** The participant's id in the hearing (null for the judge and the clerk). */
  participantId: number | null;
  /** The peer id the others know this person by (`u<user id>`). */
  peerId: string;
}

export interface MediaPageOptions {
  /** The synthetic camera's frames a second: fewer let more browsers share two cores. */
  fps?: number;
  /** WebRTC may use the loopback interface (a media server on 127.0.0.1). */
  loopbackMedia?: boolean;
  viewport?: { width: number; height: number };
  /** Cookies to start with (a browser coming back after a crash). */
  storageState?: BrowserContextOptions['storageState'];
  /**
   * false: the person has a camera and no microphone (getUserMedia refuses any request for sound).
   * Each browser's audio (capture, echo cancelling, the playout of what it receives) cost more than
   * its video at 320×240: six browsers with microphones on two cores spent half of them on audio.
   */
  microphone?: boolean;
}

/** A page in a browser of its own with a synthetic camera and microphone; the lease is kept in `leases` to close. */
export async function mediaPage(
  leases: BrowserLease[],
  options: MediaPageOptions = {},
): Promise<{ page: Page; lease: BrowserLease }> {
  const lease = await launchBrowser({
    fakeMedia: true,
    fakeCameraFps: options.fps,
    loopbackMedia: options.loopbackMedia,
  });
  leases.push(lease);
  const context = await lease.newContext({
    viewport: options.viewport ?? { width: 1280, height: 860 },
    locale: 'fa-IR',
    timezoneId: 'Asia/Tehran',
    storageState: options.storageState,
  });
  if (options.microphone === false)
    await context.addInitScript(() => {
      const devices = navigator.mediaDevices;
      if (!devices) return; // about:blank, before the first page
      const getUserMedia = devices.getUserMedia.bind(devices);
      // As a browser on a computer without a microphone answers: no device for a request that includes sound.
      devices.getUserMedia = (constraints) =>
        constraints?.audio
          ? Promise.reject(new DOMException('Requested device not found', 'NotFoundError'))
          : getUserMedia(constraints);
    });
  return { lease, page: await context.newPage() };
}

/** Signs a staff member in through the sign-in form (the demo's password) and waits for the signed-in shell. */
export async function signInStaff(server: E2eServer, page: Page, username: string): Promise<void> {
  await page.goto(`${server.url}/sign-in`);
  await page.getByTestId('staff-username').fill(username);
  await page.getByTestId('staff-password').fill('Daftar-1403');
  await page.getByTestId('staff-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** The demo user's id, by username. */
export async function userIdOf(query: Query, username: string): Promise<number> {
  const [u] = await query<{ id: number }>('select id::int as id from users where username = $1', [username]);
  return u.id;
}

/**
 * A hearing of a new case of Tehran's general court (branch 1), presided over by the demo's judge,
 * starting at the server's now, its waiting room open; no participants yet.
 */
export async function openHearing(query: Query, server: E2eServer, caseNumber: string) {
  const [kase] = await query<{ id: number }>(
    `insert into cases (case_number, court_id, branch, province_id, subject, opened_by)
    values ($1, 1, 1, 1, 'مطالبهٔ وجه', 1) returning id::int as id`,
    [caseNumber],
  );
  const judgeId = await userIdOf(query, 'judge.tehran');
  const [h] = await query<{ id: number }>(
    `insert into hearings (case_id, court_id, province_id, judge_user_id, starts_at, duration_minutes, scheduled_by, state)
    values ($1, 1, 1, $2, $3, 30, 1, 'waiting') returning id::int as id`,
    [kase.id, judgeId, server.ctx.clock.now()],
  );
  return { hearingId: h.id, caseId: kase.id, judgeId };
}

export interface NewCitizen {
  id: number;
  userId: number;
  mobile: string;
  nationalId: string;
  name: string;
}

/** Up to nine citizens of Tehran with e-accounts, each with a mobile of their own to sign in with. */
export async function addCitizens(query: Query, firstNames: string[]): Promise<NewCitizen[]> {
  const people = firstNames.map((first, i) => ({
    first,
    last: 'آزمون',
    nationalId: makeNationalId(`00990000${i + 1}`),
    mobile: `0919900000${i + 1}`,
  }));
  const rows = await query<{ id: number; mobile: string; name: string; userId: number; nationalId: string }>(
    `with person as (
      select * from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as p(first, last, national_id, mobile)),
    citizen as (
      insert into citizens (national_id, first_name, last_name, mobile, province_id)
      select national_id, first, last, mobile, 1 from person returning id, national_id, first_name, last_name, mobile),
    account as (
      insert into users (kind, first_name, last_name, national_id, mobile, citizen_id)
      select 'citizen', first_name, last_name, national_id, mobile, id from citizen
      returning id, citizen_id, mobile, first_name, last_name, national_id),
    grant_ as (insert into role_grants (user_id, role, scope_kind, province_id) select id, 'citizen', 'own', 1 from account)
    select citizen_id::int as id, mobile, first_name || ' ' || last_name as name, id::int as "userId",
      national_id as "nationalId" from account`,
    [
      people.map((p) => p.first),
      people.map((p) => p.last),
      people.map((p) => p.nationalId),
      people.map((p) => p.mobile),
    ],
  );
  // In the order given.
  return people.map((p) => rows.find((r) => r.mobile === p.mobile)!);
}

/**
 * The connection states of the page's peer connections (a hearing's or a video consultation's), the video frames each has decoded so far
 * and the audio packets each has received.
 */
const peerStats = (page: Page) =>
  page.evaluate(async () => {
    // The hearing room's connections, or the video consultation's.
    const exposed = window as unknown as Record<string, Map<string, RTCPeerConnection> | undefined>;
    const peers = exposed.__hearingPeers ?? exposed.__consultationPeers;
    const out: { peer: string; state: string; frames: number; audioPackets: number }[] = [];
    for (const [peer, pc] of peers ?? []) {
      let frames = 0;
      let audioPackets = 0;
      (await pc.getStats()).forEach((s) => {
        if (s.type !== 'inbound-rtp') return;
        if (s.kind === 'video') frames += s.framesDecoded ?? 0;
        else audioPackets += s.packetsReceived ?? 0;
      });
      out.push({ peer, state: pc.connectionState, frames, audioPackets });
    }
    return out;
  });

/** The person receives sound from `peer` (its audio packets received keep growing). */
export async function hearsAudioFrom(person: Pick<HearingPerson, 'page' | 'peerId'>, peer: string) {
  const packets = async () => (await peerStats(person.page)).find((p) => p.peer === peer)?.audioPackets ?? 0;
  const before = await packets();
  await expect
    .poll(packets, { timeout: 30_000, interval: 500, message: `${person.peerId} hears ${peer}` })
    .toBeGreaterThan(before);
}

/**
 * The person receives video from exactly `from` (peer ids): a connection to each, connected, each
 * one's decoded frames increasing; a connection to anyone else (someone gone, or in the other room)
 * has been dropped.
 */
export async function receivesVideoFrom(person: Pick<HearingPerson, 'page' | 'peerId'>, from: string[]) {
  const expected = [...from].sort();
  await expect
    .poll(
      async () =>
        (await peerStats(person.page))
          .map((p) => (p.state === 'connected' && p.frames > 0 ? p.peer : `${p.peer} ${p.state}, ${p.frames} frames`))
          .sort(),
      {
        // Six browsers starting on two cores: a page's connections may fail and be made again
        // (ui/janus-room.ts) before each is up; a connection lost for good still fails this.
        timeout: 90_000,
        interval: 500,
        message: `${person.peerId} receives video from each of ${expected.join(', ')}`,
      },
    )
    .toEqual(expected);
  // Frames keep arriving from each: every count grows beyond what it was (a loaded machine may
  // stall a stream for a moment, so this waits for growth rather than sampling once).
  const first = await peerStats(person.page);
  const framesBefore = new Map(first.map((p) => [p.peer, p.frames]));
  await expect
    .poll(
      async () =>
        (await peerStats(person.page))
          .map((p) => {
            const before = framesBefore.get(p.peer) ?? Number.POSITIVE_INFINITY;
            if (p.frames > before) return p.peer;
            // Fewer than before: the page made the connection again (a picture stalled for 12 s,
            // ui/janus-room.ts), counted from there; the 45 s of this wait leave room for that.
            if (p.frames < before) framesBefore.set(p.peer, p.frames);
            return `${p.peer} stalled at ${p.frames}`;
          })
          .sort(),
      { timeout: 45_000, interval: 750, message: `${person.peerId} keeps receiving video` },
    )
    .toEqual(expected);
}

/** The peer ids of everyone in `people` but `me`. */
export const othersOf = (people: HearingPerson[], me: HearingPerson) =>
  people.filter((p) => p !== me).map((p) => p.peerId);

/** Opens the hearing's signalling socket from the page: `open`, or `refused` when the server turns it away. */
export const signallingSocket = (page: Page, hearingId: number) =>
  page.evaluate(
    (id) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/v1/hearings/${id}/signal`);
        ws.onopen = () => {
          resolve('open');
          ws.close();
        };
        ws.onerror = () => resolve('refused');
      }),
    hearingId,
  );

/**
 * The conducting page shows the hearing ended. Ending it prints the minutes in Chromium first, and
 * the server's printer may have to start beside six browsers with cameras on two cores: the wait
 * is long. A problem the page shows instead (the transition refused) ends it, with its text.
 */
export async function showsHearingEnded(page: Page) {
  const ended = page.getByTestId('hearing-ended');
  const problem = page.getByTestId('problem-alert');
  await ended.or(problem).first().waitFor({ timeout: 120_000 });
  if (!(await ended.isVisible())) throw new Error(`the hearing did not end: ${await problem.first().innerText()}`);
}
