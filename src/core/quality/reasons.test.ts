import { describe, expect, it } from 'vitest';
import type { InspectionFact } from './reasons';
import { inspectionFailed, scoreReasons } from './reasons';

const passedAll = {
  signageAndLicence: { passed: true },
  tariffPosted: { passed: true },
  queueTicketing: { passed: true },
  counterPrivacy: { passed: true },
  staffLicences: { passed: true },
  videoEquipment: { passed: true },
  accessibility: { passed: true },
};

const visit = (over: Partial<InspectionFact>): InspectionFact => ({
  id: 1,
  inspectedOn: '2026-03-14',
  result: 100,
  verdict: 'satisfactory',
  items: passedAll,
  ...over,
});

describe('an inspection failed', () => {
  it('when it passed less than 60 of the checklist’s 100', () => {
    expect(inspectionFailed({ result: 55, verdict: 'needs_improvement' })).toBe(true);
    expect(inspectionFailed({ result: 60, verdict: 'needs_improvement' })).toBe(false);
  });

  it('when the inspector judged it unsatisfactory, whatever it scored', () => {
    expect(inspectionFailed({ result: 85, verdict: 'unsatisfactory' })).toBe(true);
  });
});

describe("the score's reasons", () => {
  it('name a failed inspection even when no component is below the province’s mean', () => {
    // Tariff not posted (15) and no step-free entrance (15) and the staff's licences (20): 50 of 100.
    const failing = visit({
      id: 7,
      result: 50,
      verdict: 'needs_improvement',
      items: {
        ...passedAll,
        tariffPosted: { passed: false, note: 'تعرفه نصب نشده است' },
        staffLicences: { passed: false },
        accessibility: { passed: false },
      },
    });
    expect(scoreReasons([], [failing])).toEqual([
      {
        kind: 'inspectionFailed',
        inspectionId: 7,
        inspectedOn: '2026-03-14',
        result: 50,
        failedItems: ['tariffPosted', 'staffLicences', 'accessibility'],
      },
    ]);
  });

  it('do not name a passed inspection, even with an item failed', () => {
    const passed = visit({ result: 90, items: { ...passedAll, videoEquipment: { passed: false } } });
    expect(scoreReasons([], [passed])).toEqual([]);
  });

  it('put failed inspections first, the latest visit first, then the components, most points first', () => {
    const early = visit({ id: 3, inspectedOn: '2026-03-01', result: 20, verdict: 'unsatisfactory' });
    const late = visit({ id: 4, inspectedOn: '2026-03-14', result: 0, verdict: 'unsatisfactory' });
    const reasons = scoreReasons(
      [
        { component: 'waiting', points: -0.8 },
        { component: 'satisfaction', points: -2.4 },
      ],
      [early, late],
    );
    expect(reasons.map((r) => (r.kind === 'component' ? r.component : `inspection ${r.inspectionId}`))).toEqual([
      'inspection 4',
      'inspection 3',
      'satisfaction',
      'waiting',
    ]);
  });
});
