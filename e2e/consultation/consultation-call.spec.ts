/**
 * A video consultation's call, peer to peer, in two browsers of their own with synthetic cameras:
 * Nazanin Esfahani on her phone, which has no microphone, and the consultant Kaveh Sharifi at his
 * desk, in the demo's session at 11:00 Tehran on the test world's day, five minutes before it.
 * Each joins from their own page (the citizen's consultations, the consultant's day); each receives
 * the other's video; Nazanin hears the consultant and is told that she cannot be heard. Another
 * citizen is turned away before the page asks for her camera.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserLease } from '../support/browser';
import { hearsAudioFrom, mediaPage, queryOf, receivesVideoFrom, signInStaff, userIdOf } from '../support/hearing-room';
import { checkpoint, signInAsCitizen } from '../support/people';
import { startE2eServer, type E2eServer } from '../support/server';
import { PHONE } from '../support/spec-server';

let server: E2eServer;
const leases: BrowserLease[] = [];
const query = queryOf(() => server);
/** The demo's video session of Kaveh Sharifi with Nazanin Esfahani, today 11:00–12:00 Tehran. */
let bookingId: number;

beforeAll(async () => {
  // 10:55 in Tehran on the test world's day: the call opens ten minutes before the session.
  server = await startE2eServer({ now: new Date('2026-05-05T07:25:00Z') });
  const [booking] = await query<{ id: number }>(
    `select b.id::int as id from consultation_bookings b join citizens c on c.id = b.citizen_id
    where b.mode = 'video' and c.mobile = '09130000002' and b.starts_at = '2026-05-05T07:30:00Z'`,
  );
  bookingId = booking.id;
}, 120_000);
afterAll(async () => {
  for (const lease of leases) await lease.close().catch(() => undefined);
  await server?.stop();
});

describe('a video consultation', () => {
  it('the citizen and the consultant see each other; the citizen hears the consultant and is told she has no microphone', async () => {
    const nazanin = (await mediaPage(leases, { fps: 10, viewport: PHONE, microphone: false })).page;
    await signInAsCitizen(server, nazanin, '09130000002');
    await nazanin.goto(`${server.url}/consultation/mine`);
    await nazanin.getByTestId(`join-call-${bookingId}`).click();
    await nazanin.getByTestId('call-state').waitFor();

    const kaveh = (await mediaPage(leases, { fps: 10 })).page;
    await signInStaff(server, kaveh, 'consultant.11001');
    await kaveh.goto(`${server.url}/consultation/sessions`);
    await kaveh.getByTestId('consultation-day').locator('[data-testid^="session-"]', { hasText: '۱۱:۰۰' }).click();
    await kaveh.getByTestId('join-call').click();

    const [nazaninUser] = await query<{ id: number }>(
      "select id::int as id from users where mobile = '09130000002' and kind = 'citizen'",
    );
    const citizen = { page: nazanin, peerId: `a${nazaninUser.id}` };
    const consultant = { page: kaveh, peerId: `b${await userIdOf(query, 'consultant.11001')}` };
    await Promise.all([
      receivesVideoFrom(citizen, [consultant.peerId]),
      receivesVideoFrom(consultant, [citizen.peerId]),
    ]);
    await hearsAudioFrom(citizen, consultant.peerId);
    for (const page of [nazanin, kaveh])
      await expect.poll(() => page.getByTestId('call-state').getAttribute('data-state')).toBe('connected');
    expect(await nazanin.getByTestId('call-state').textContent()).toContain('کاوه شریفی');
    // Nazanin is told the consultant cannot hear her; the consultant, who has a microphone, is told nothing.
    expect(await nazanin.getByTestId('no-microphone').textContent()).toContain('صدایتان را نمی‌شنوند');
    expect(await kaveh.locator('[data-testid="no-microphone"], [data-testid="no-camera"]').count()).toBe(0);
    await checkpoint(nazanin, 'consultation-call-citizen-360');
    await checkpoint(kaveh, 'consultation-call-consultant');

    // Another citizen is not let into the call.
    const amir = (await mediaPage(leases)).page;
    await signInAsCitizen(server, amir, '09120000001');
    await amir.goto(`${server.url}/consultation/call/${bookingId}`);
    await amir.getByTestId('call-error').waitFor();
    expect(await amir.getByTestId('call-error').textContent()).toBe('تماس تصویری این جلسه اکنون باز نیست.');
    expect(await amir.locator('video').count()).toBe(0);
  }, 180_000);
});
