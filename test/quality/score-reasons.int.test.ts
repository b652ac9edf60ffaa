/**
 * A failed inspection is named among the score's reasons (docs/decisions/0076). In Ordibehesht
 * 1405 (the test world's month) Tehran's inspector visits Narmak (11002) and fails every item: a
 * result of 0. It is the province's only visit that month, so the province's mean for inspections
 * is that visit itself and the `inspection` component takes nothing against it — the statistics
 * alone would name nothing. The reasons name the visit, its day, its result and its failed items.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

let t: TestServer;
let inspector: Client;
let manager: Client;

const ITEMS = [
  'signageAndLicence',
  'tariffPosted',
  'queueTicketing',
  'counterPrivacy',
  'staffLicences',
  'videoEquipment',
  'accessibility',
] as const;

beforeAll(async () => {
  t = await startTestServer();
  [inspector, manager] = await Promise.all([t.signInStaff('inspector.tehran'), t.signInStaff('manager.11002')]);
});
afterAll(async () => {
  await t?.stop();
});

type Reason = { kind: string; inspectedOn?: string; result?: number; failedItems?: string[]; component?: string };

describe("the score's reasons after a failed inspection", () => {
  it('name the failed visit first, with its day, result and failed items, though no component falls for it', async () => {
    const before = (await manager.get('/api/v1/quality/offices/2/score?month=1405-02')).json();
    expect(before.reasons.filter((r: Reason) => r.kind === 'inspectionFailed')).toEqual([]);

    const res = await inspector.post('/api/v1/quality/offices/2/inspections', {
      inspectedOn: '1405-02-14',
      items: Object.fromEntries(ITEMS.map((k) => [k, { passed: false, note: 'نادرست' }])),
      verdict: 'unsatisfactory',
    });
    expect(res.statusCode, res.body).toBe(201);

    const after = await manager.get('/api/v1/quality/offices/2/score?month=1405-02');
    expect(after.statusCode, after.body).toBe(200);
    const score = after.json();
    expect(score.reasons[0]).toEqual({
      kind: 'inspectionFailed',
      inspectionId: res.json().id,
      inspectedOn: '2026-05-04',
      result: 0,
      failedItems: [...ITEMS],
    });
    // The province's only visit is the province's mean: the component alone would not have said it.
    expect(score.pulledDown.map((c: { component: string }) => c.component)).not.toContain('inspection');
    // The reasons list the components too, after the visit, as they pulled the score down.
    expect(score.reasons.slice(1).map((r: Reason) => r.component)).toEqual(
      score.pulledDown.map((c: { component: string }) => c.component),
    );
  });

  it('name nothing for the month before, when no visit was made', async () => {
    const score = (await manager.get('/api/v1/quality/offices/2/score?month=1405-01')).json();
    expect(score.reasons.filter((r: Reason) => r.kind === 'inspectionFailed')).toEqual([]);
  });
});
