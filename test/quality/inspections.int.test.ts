/**
 * Inspections through the API (docs/decisions/0050): Tehran's inspector and association record
 * two visits in Ordibehesht 1405 (the test world's month) — 11001 passing every item, 11002 without
 * a valid licence for one operator (20) and with a broken camera (10), so 70 — and the score of the
 * month counts them as its `inspection` component. By hand: the province's mean (1 + 0.7) / 2 =
 * 0.85; two offices are too few to estimate k, so k = 30: 11001 → (1 + 30·0.85) / 31 = 0.8548,
 * 11002 → (0.7 + 25.5) / 31 = 0.8452, each 1/31 = 0.0323 its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, fieldErrors } from '../support/problems';
import { TEST_NOW } from '../support/test-clock';
import { startTestServer, type Client, type TestServer } from '../support/test-server';

/** The server's clock: TEST_NOW running on, until the last test moves it months ahead. */
let offset = TEST_NOW.getTime() - Date.now();
const clock = { now: () => new Date(Date.now() + offset) };

let t: TestServer;
let inspector: Client;
let tehran: Client;

const ITEMS = [
  'signageAndLicence',
  'tariffPosted',
  'queueTicketing',
  'counterPrivacy',
  'staffLicences',
  'videoEquipment',
  'accessibility',
] as const;
const allPassed = () => Object.fromEntries(ITEMS.map((k) => [k, { passed: true }]));
const findings = {
  ...allPassed(),
  staffLicences: { passed: false, note: 'پروانهٔ یکی از کارکنان باجه منقضی شده است.' },
  videoEquipment: { passed: false, note: 'دوربین اتاق جلسهٔ برخط کار نمی‌کند.' },
};

beforeAll(async () => {
  t = await startTestServer({ clock });
  [inspector, tehran] = await Promise.all([t.signInStaff('inspector.tehran'), t.signInStaff('association.tehran')]);
});
afterAll(async () => {
  await t?.stop();
});

describe('recording an inspection', () => {
  it('stores each item, its weighted result and the verdict, audited', async () => {
    const res = await inspector.post('/api/v1/quality/offices/2/inspections', {
      inspectedOn: '۱۴۰۵/۰۲/۱۰',
      items: findings,
      verdict: 'needs_improvement',
      note: 'تا بازدید بعدی اصلاح شود.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      office: { code: '11002' },
      inspectedOn: '2026-04-30',
      result: 70,
      verdict: 'needs_improvement',
      items: { staffLicences: { passed: false }, signageAndLicence: { passed: true, note: null } },
    });
    const [audit] = await t.query<{ entity_id: string; office_id: number }>(
      `select entity_id, office_id from audit_events where action = 'quality.inspection.record'`,
    );
    expect(audit).toMatchObject({ entity_id: String(res.json().id), office_id: 2 });
  });

  it('counts the month’s inspections in the score, shrunk toward the province, and lists them', async () => {
    const res = await tehran.post('/api/v1/quality/offices/1/inspections', {
      inspectedOn: '1405-02-12',
      items: allPassed(),
      verdict: 'satisfactory',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().result).toBe(100);

    const score = (await tehran.get('/api/v1/quality/offices/2/score?month=1405-02')).json();
    expect(score.components.find((c: { component: string }) => c.component === 'inspection')).toMatchObject({
      n: 1,
      raw: 0.7,
      provinceMean: 0.85,
      estimate: 0.8452,
      reliability: 0.0323,
    });
    expect(score.inspections).toHaveLength(1);
    expect(score.inspections[0]).toMatchObject({ result: 70, verdict: 'needs_improvement', inspectedOn: '2026-04-30' });
    expect(score.inspections[0].inspector).toMatch(/\S+ \S+/);
    const first = (await tehran.get('/api/v1/quality/offices/1/score?month=1405-02')).json();
    expect(first.components.find((c: { component: string }) => c.component === 'inspection').estimate).toBe(0.8548);
    // The month before has no inspection of either office.
    const before = (await tehran.get('/api/v1/quality/offices/2/score?month=1405-01')).json();
    expect(before.inspections).toEqual([]);
  });
});

describe('bad input and other hands', () => {
  it('answers 404 for an office that does not exist, and 400 naming a missing item or a day after today', async () => {
    const before = await t.count('quality_inspections');
    const body = { inspectedOn: '1405-02-10', items: allPassed(), verdict: 'satisfactory' };
    expectProblem(await inspector.post('/api/v1/quality/offices/999999/inspections', body), 404, 'not_found');
    const { accessibility: _, ...missing } = allPassed();
    const bad = await inspector.post('/api/v1/quality/offices/2/inspections', { ...body, items: missing });
    expectProblem(bad, 400, 'validation_failed');
    expect(Object.keys(fieldErrors(bad.json()))).toEqual(['items.accessibility']);
    const future = await inspector.post('/api/v1/quality/offices/2/inspections', {
      ...body,
      inspectedOn: '1405-02-16',
    });
    expectProblem(future, 400, 'validation_failed');
    expect(fieldErrors(future.json()).inspectedOn.code).toBe('date_in_future');
    expect(await t.count('quality_inspections')).toBe(before);
  });

  it("refuses another province's association, the office's own manager and its operator", async () => {
    const body = { inspectedOn: '1405-02-10', items: allPassed(), verdict: 'satisfactory' };
    const [isfahan, manager, operator] = await Promise.all([
      t.signInStaff('association.isfahan'),
      t.signInStaff('manager.11002'),
      t.signInStaff('operator.11001'),
    ]);
    expectProblem(await isfahan.post('/api/v1/quality/offices/2/inspections', body), 404, 'not_found');
    expectProblem(await manager.post('/api/v1/quality/offices/2/inspections', body), 403, 'forbidden');
    expectProblem(await operator.post('/api/v1/quality/offices/2/inspections', body), 404, 'not_found');
  });
});

describe("the office manager's answer and the kinds of visit", () => {
  it('records an unannounced or mystery-shopper visit; scheduled when not said', async () => {
    const res = await inspector.post('/api/v1/quality/offices/2/inspections', {
      inspectedOn: '1405-02-14',
      kind: 'mystery_shopper',
      items: { ...allPassed(), tariffPosted: { passed: false, note: 'تعرفه نصب نشده بود.' } },
      verdict: 'needs_improvement',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'mystery_shopper', result: 85, answers: null, answeredAt: null });
    const score = (await tehran.get('/api/v1/quality/offices/2/score?month=1405-02')).json();
    // The latest visit first: the mystery shopper's of 14 Ordibehesht, then the scheduled one of the 10th.
    expect(score.inspections.map((i: { kind: string }) => i.kind)).toEqual(['mystery_shopper', 'scheduled']);
    expectProblem(
      await inspector.post('/api/v1/quality/offices/2/inspections', {
        inspectedOn: '1405-02-14',
        kind: 'surprise',
        items: allPassed(),
        verdict: 'satisfactory',
      }),
      400,
      'validation_failed',
    );
  });

  it('takes a corrective action and its day for every failed item, once, audited; names what is wrong', async () => {
    const manager = await t.signInStaff('manager.11002');
    const [row] = await t.query<{ id: number }>(
      `select id::int as id from quality_inspections where office_id = 2 and inspected_on = '2026-04-30'`,
    );
    const url = `/api/v1/quality/inspections/${row.id}/answer`;
    const licences = { action: 'پروانهٔ کارمند تمدید می‌شود.', dueOn: '۱۴۰۵/۰۲/۲۵' };
    // Failed: staffLicences and videoEquipment. Leaving one out, answering a passed item, or a day before the visit (10 Ordibehesht) is named.
    const bad = await manager.post(url, {
      answers: {
        staffLicences: licences,
        tariffPosted: { action: 'نصب شده است.', dueOn: '1405-02-20' },
      },
    });
    expectProblem(bad, 400, 'validation_failed');
    expect(Object.fromEntries(Object.entries(fieldErrors(bad.json())).map(([k, v]) => [k, v.code]))).toEqual({
      'answers.tariffPosted': 'inspection_item_passed',
      'answers.videoEquipment': 'corrective_action_required',
    });
    const early = await manager.post(url, {
      answers: { staffLicences: licences, videoEquipment: { action: 'دوربین تعویض می‌شود.', dueOn: '1405-02-09' } },
    });
    expect(fieldErrors(early.json())['answers.videoEquipment.dueOn'].code).toBe('date_before_inspection');
    // The office's inspector and another office's manager may not answer.
    expectProblem(await inspector.post(url, { answers: {} }), 403, 'forbidden');
    expectProblem(await (await t.signInStaff('manager.11001')).post(url, { answers: {} }), 404, 'not_found');

    const ok = await manager.post(url, {
      answers: { staffLicences: licences, videoEquipment: { action: 'دوربین تعویض می‌شود.', dueOn: '1405-02-20' } },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().answers).toEqual({
      staffLicences: { action: 'پروانهٔ کارمند تمدید می‌شود.', dueOn: '2026-05-15' },
      videoEquipment: { action: 'دوربین تعویض می‌شود.', dueOn: '2026-05-10' },
    });
    expectProblem(await manager.post(url, { answers: {} }), 409, 'inspection_already_answered');
    const [audit] = await t.query<{ n: number }>(
      `select count(*)::int as n from audit_events where action = 'quality.inspection.answer' and entity_id = $1`,
      [String(row.id)],
    );
    expect(audit.n).toBe(1);
    const score = (await manager.get('/api/v1/quality/offices/2/score?month=1405-02')).json();
    expect(score.inspections.find((i: { id: number }) => i.id === row.id).answeredAt).not.toBeNull();
  });
});

describe('the lists open on the latest month with data', () => {
  it('takes the latest month in which the offices asked about recorded anything, when no month is asked', async () => {
    // Three months on (Mordad 1405) nothing new was recorded: the lists open on Ordibehesht, the
    // month of the inspections above and of the test world's day, not on an empty Mordad.
    offset += 92 * 86_400_000;
    const association = await t.signInStaff('association.tehran');
    const facts = (await association.get('/api/v1/quality/facts')).json();
    const scores = (await association.get('/api/v1/quality/scores')).json();
    expect([facts.month, scores.month]).toEqual(['1405-02', '1405-02']);
    expect(scores.offices.find((o: { office: { code: string } }) => o.office.code === '11002').score).not.toBeNull();
    // A month asked for is answered as asked, empty or not.
    expect((await association.get('/api/v1/quality/facts?month=1405-05')).json().month).toBe('1405-05');
  });
});
