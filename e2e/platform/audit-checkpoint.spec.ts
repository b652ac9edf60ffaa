/**
 * The regulator signs the audit chain's head from the audit page and downloads the checkpoint:
 * the file is the same one the server appended to its checkpoints file, signed by the server's key.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkSignature, parseCheckpoints } from '#server/platform/audit/checkpoint';
import { peopleOf, type People } from '../support/people';
import { startE2eServer, type E2eServer } from '../support/server';

let server: E2eServer;
let people: People;
let auditDir: string;

beforeAll(async () => {
  auditDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daftar-e2e-audit-'));
  server = await startE2eServer({ env: { DAFTAR_AUDIT_DIR: auditDir } });
  people = await peopleOf(server);
});

afterAll(async () => {
  await people?.close();
  await server?.stop();
  if (auditDir) fs.rmSync(auditDir, { recursive: true, force: true });
});

it('the regulator downloads a signed checkpoint of the chain head from the audit page', async () => {
  const page = await people.personPage();
  await people.signInAsStaff(page, 'regulator');
  await page.goto(`${server.url}/audit`);
  await page.getByTestId('audit-row').first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-checkpoint').click()]);
  const file = path.join(auditDir, 'downloaded.json');
  await download.saveAs(file);
  const [downloaded] = parseCheckpoints(fs.readFileSync(file, 'utf8'));
  expect(download.suggestedFilename()).toBe(`audit-checkpoint-${downloaded.seq}.json`);
  expect(checkSignature(downloaded).ok).toBe(true);
  const { rows } = await server.ctx.database.pool.query<{ seq: number; hash: string }>(
    'select seq, hash from audit_chain_head',
  );
  expect({ seq: downloaded.seq, hash: downloaded.hash }).toEqual(rows[0]);
  expect(parseCheckpoints(fs.readFileSync(path.join(auditDir, 'checkpoints.jsonl'), 'utf8'))).toContainEqual(
    downloaded,
  );
  await expect.poll(() => page.getByTestId('audit-checkpoint-result').isVisible()).toBe(true);
});
