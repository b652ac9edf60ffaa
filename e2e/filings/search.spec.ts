/**
 * An operator finds a filing in the office's list by what the person at the counter says — a
 * national ID typed in Persian digits, a name — with the status filter beside it; a search that
 * matches nothing says so. Screenshots: test-results/screenshots/filings-search-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toPersianDigits } from '#core/persian-digits';
import { pageRequest } from '../support/page-api';
import { checkpoint, choose, DESKTOP } from '../support/people';
import { serverWithPeople } from '../support/spec-server';

/** Demo citizens with e-accounts. */
const TEHRANI = { nationalId: '0499370899', name: 'امیر تهرانی' };
const ISFAHANI = { nationalId: '1290000018', name: 'نازنین اصفهانی' };

let operator: Page;
const ids: Record<string, number> = {};

/** A draft petition the office prepares for a citizen, through the API as the operator's browser would. */
async function draftFor(nationalId: string, subject: string): Promise<number> {
  const res = await pageRequest(operator, 'POST', '/api/v1/filings', {
    service: 'petition',
    applicantNationalId: nationalId,
    courtId: 1,
    branch: 3,
    subject,
    parties: [
      { kind: 'citizen', role: 'claimant', nationalId },
      { kind: 'named', role: 'defendant', name: 'بهمن بدهکار', address: 'تهران' },
    ],
  });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { id: number }).id;
}

const rowIds = async () =>
  (await operator.locator('[data-testid^="filing-row-"]').evaluateAll((rows) => rows.map((r) => r.dataset.testid)))
    .map((id) => Number(id?.replace('filing-row-', '')))
    .sort((a, b) => a - b);

const { server, people } = serverWithPeople({}, { people: DESKTOP });
beforeAll(async () => {
  operator = await people.personPage();
  await people.signInAsStaff(operator, 'operator.11001');
  ids.tehrani = await draftFor(TEHRANI.nationalId, 'مطالبهٔ وجه چک');
  ids.isfahani = await draftFor(ISFAHANI.nationalId, 'مطالبهٔ اجاره‌بها');
});

describe("searching the office's filings", () => {
  it('by a national ID typed in Persian digits, then by a name, beside the status filter', async () => {
    await operator.goto(`${server.url}/filings`);
    await operator.getByTestId(`filing-row-${ids.tehrani}`).waitFor();
    await operator.getByTestId(`filing-row-${ids.isfahani}`).waitFor();

    await operator.getByTestId('filings-search').fill(toPersianDigits(TEHRANI.nationalId));
    await expect.poll(rowIds).toEqual([ids.tehrani]);
    expect(await operator.getByTestId(`filing-row-${ids.tehrani}`).innerText()).toContain(TEHRANI.name);
    await checkpoint(operator, 'filings-search-01-national-id');

    await operator.getByTestId('filings-search').fill('اصفهانی');
    await expect.poll(rowIds).toEqual([ids.isfahani]);

    await choose(operator, 'filings-status-filter', 'پذیرفته‌شده در دادگاه');
    await operator.getByTestId('filings-table-empty').waitFor();
    await choose(operator, 'filings-status-filter', 'پیش‌نویس');
    await expect.poll(rowIds).toEqual([ids.isfahani]);

    await operator.getByTestId('filings-search').fill('THR-NO-SUCH-CASE');
    await operator.getByTestId('filings-table-empty').waitFor();
    await checkpoint(operator, 'filings-search-02-nothing-found');
  });
});
