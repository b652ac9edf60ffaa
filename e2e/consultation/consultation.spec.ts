/**
 * Legal consultation through the UI, on the test world's Tuesday 15 Ordibehesht 1405, each person
 * in their own browser: a citizen picks the family field, consultant.11001 and Saturday's 09:00 at
 * office 11001, pays at the sandbox bank and finds the booking confirmed among their
 * consultations; the consultant opens this morning's session and writes a note suggesting a
 * petition, which the citizen reads with a link into the filing wizard; Tehran's association reads
 * the registry, where a lapsed licence is not bookable. The booking page is also photographed on
 * a 360 px phone. Every page is checked with axe-core and photographed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../test/support/test-clock';
import { checkpoint, choose, signInAsCitizen, DESKTOP } from '../support/people';
import { payAtSandboxBank } from '../support/steps';
import { serverWithPeople } from '../support/spec-server';

const { server, people, phones } = serverWithPeople(
  { now: TEST_NOW },
  { people: DESKTOP, phones: { width: 360, height: 780 } },
);

let citizen: Page;

describe('booking a consultation', () => {
  it('a citizen picks a field, a consultant and a free slot, and pays at the bank', async () => {
    citizen = await people.personPage();
    await signInAsCitizen(server, citizen, '09120000001');
    await citizen.goto(`${server.url}/consultation/book`);
    await choose(citizen, 'consultation-field', 'خانواده');
    const table = citizen.getByTestId('consultation-consultants');
    await table.getByText('کاوه شریفی').waitFor();
    expect(await table.getByText('سارا کریمی').count()).toBe(0);
    await table.getByText('کاوه شریفی').click();
    await citizen.getByTestId('consultation-chosen').waitFor();
    const slot = citizen.getByTestId('slot-1405-02-19-09:00');
    await slot.click();
    expect(await slot.getAttribute('aria-pressed')).toBe('true');
    await checkpoint(citizen, 'consultation-01-book');
    await citizen.getByTestId('consultation-pay').click();

    await payAtSandboxBank(citizen);

    await citizen.goto(`${server.url}/consultation/mine`);
    const booked = citizen.locator('[data-status="confirmed"]').first();
    await booked.waitFor();
    // The earlier session's note, with the step it suggested.
    await citizen.getByText('ارسال اظهارنامه').first().waitFor();
    await checkpoint(citizen, 'consultation-02-mine');
  });

  it('the booking page on a 360 px phone', async () => {
    const phone = await phones.personPage();
    await signInAsCitizen(server, phone, '09130000002');
    await phone.goto(`${server.url}/consultation/book`);
    await phone.getByTestId('consultation-consultants').getByText('مریم رضوانی').click();
    await phone.getByTestId('consultation-slots').waitFor();
    await checkpoint(phone, 'consultation-03-book-phone');
  });
});

describe('the session', () => {
  it("the consultant writes this morning's note; the citizen reads it with a link to the filing wizard", async () => {
    const consultant = await people.personPage();
    await people.signInAsStaff(consultant, 'consultant.11001');
    await consultant.goto(`${server.url}/consultation/sessions`);
    const day = consultant.getByTestId('consultation-day');
    await day.getByText('امیر تهرانی').click();
    await consultant.getByTestId('note-advice').fill('برای مطالبهٔ ثمن معامله دادخواست بدهید.');
    await consultant.getByTestId('note-documents').fill('مبایعه‌نامه و رسیدهای پرداخت');
    await choose(consultant, 'note-next-step', 'ثبت دادخواست');
    await consultant.getByTestId('note-save').click();
    await consultant.getByText('یادداشت ذخیره شد؛ متقاضی آن را در حساب خود می‌بیند.').waitFor();
    await checkpoint(consultant, 'consultation-04-note');

    await citizen.goto(`${server.url}/consultation/mine`);
    await citizen.getByText('برای مطالبهٔ ثمن معامله دادخواست بدهید.').waitFor();
    const link = citizen.getByTestId('consultation-next-step').first();
    expect(await link.getAttribute('href')).toBe('/filings/new?service=petition');
  });

  it("Tehran's association reads the registry: a lapsed licence is not bookable", async () => {
    const association = await people.personPage();
    await people.signInAsStaff(association, 'association.tehran');
    await association.goto(`${server.url}/consultation/registry`);
    const registry = association.getByTestId('consultation-registry');
    await registry.getByText('سارا کریمی').waitFor();
    await registry.getByText('خیر (پروانه منقضی یا غیرفعال)').waitFor();
    expect(await registry.getByText('حمید نوری').count()).toBe(0);
    await checkpoint(association, 'consultation-05-registry');
  });
});
