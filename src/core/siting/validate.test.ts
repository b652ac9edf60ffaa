import { describe, expect, it } from 'vitest';
import { meridianCase } from './fixtures.test-support';
import { validateInstance } from './validate';

describe('validateInstance', () => {
  it('accepts a sound instance', () => {
    expect(validateInstance(meridianCase())).toEqual([]);
  });

  it('names each field that is wrong', () => {
    const base = meridianCase();
    const broken = {
      ...base,
      radiusKm: -1,
      k: 4,
      demand: [
        { ...base.demand[0], population: -5 },
        { ...base.demand[1], demandPerPerson: -0.1 },
        { ...base.demand[2], lat: 41 },
      ],
      existing: [{ ...base.existing[0], breakEven: -1 }],
      candidates: [...base.candidates.slice(0, 2), { ...base.candidates[2], id: 'C0', lon: 70 }],
    };
    expect(validateInstance(broken)).toEqual([
      { field: 'radiusKm', code: 'siting.negative_radius' },
      { field: 'k', code: 'siting.k_exceeds_candidates' },
      { field: 'demand[0].population', code: 'siting.negative_population' },
      { field: 'demand[1].demandPerPerson', code: 'siting.negative_demand_per_person' },
      { field: 'demand[2]', code: 'siting.point_outside_iran' },
      { field: 'existing[0].breakEven', code: 'siting.negative_break_even' },
      { field: 'candidates[2].id', code: 'siting.duplicate_candidate_id' },
      { field: 'candidates[2]', code: 'siting.point_outside_iran' },
    ]);
  });

  it('wants at least one licence and one demand point', () => {
    expect(validateInstance({ ...meridianCase(), k: 0, demand: [] })).toEqual([
      { field: 'k', code: 'siting.k_not_positive' },
      { field: 'demand', code: 'siting.empty_demand' },
    ]);
    expect(validateInstance({ ...meridianCase(), k: 1.5 })).toEqual([{ field: 'k', code: 'siting.k_not_positive' }]);
  });

  it('refuses numbers that are not numbers', () => {
    const base = meridianCase();
    expect(
      validateInstance({
        ...base,
        radiusKm: Number.NaN,
        demand: [{ ...base.demand[0], lon: Number.POSITIVE_INFINITY }],
      }),
    ).toEqual([
      { field: 'radiusKm', code: 'siting.not_a_number' },
      { field: 'demand[0]', code: 'siting.not_a_number' },
    ]);
  });
});
