/**
 * What is wrong with an instance before any solver sees it. The bounding box is Iran's, roughly;
 * the server checks the precise border as well.
 */
import type { GeoPoint, SitingInstance, SitingProblem } from './types';

export const IRAN_BOUNDS = { minLat: 25, maxLat: 40, minLon: 44, maxLon: 63.5 } as const;

function insideIranBounds(p: GeoPoint): boolean {
  return (
    p.lat >= IRAN_BOUNDS.minLat &&
    p.lat <= IRAN_BOUNDS.maxLat &&
    p.lon >= IRAN_BOUNDS.minLon &&
    p.lon <= IRAN_BOUNDS.maxLon
  );
}

export function validateInstance(instance: SitingInstance): SitingProblem[] {
  const problems: SitingProblem[] = [];
  const number = (field: string, value: number, negativeCode: SitingProblem['code']) => {
    if (!Number.isFinite(value)) problems.push({ field, code: 'siting.not_a_number' });
    else if (value < 0) problems.push({ field, code: negativeCode });
  };
  const place = (field: string, p: GeoPoint) => {
    if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon)) problems.push({ field, code: 'siting.not_a_number' });
    else if (!insideIranBounds(p)) problems.push({ field, code: 'siting.point_outside_iran' });
  };

  number('radiusKm', instance.radiusKm, 'siting.negative_radius');
  if (!Number.isInteger(instance.k) || instance.k <= 0) problems.push({ field: 'k', code: 'siting.k_not_positive' });
  else if (instance.k > instance.candidates.length) problems.push({ field: 'k', code: 'siting.k_exceeds_candidates' });
  if (instance.demand.length === 0) problems.push({ field: 'demand', code: 'siting.empty_demand' });

  instance.demand.forEach((d, i) => {
    place(`demand[${i}]`, d);
    number(`demand[${i}].population`, d.population, 'siting.negative_population');
    number(`demand[${i}].demandPerPerson`, d.demandPerPerson, 'siting.negative_demand_per_person');
  });
  instance.existing.forEach((e, i) => {
    place(`existing[${i}]`, e);
    number(`existing[${i}].breakEven`, e.breakEven, 'siting.negative_break_even');
  });
  const ids = new Set<string>();
  instance.candidates.forEach((c, i) => {
    if (ids.has(c.id)) problems.push({ field: `candidates[${i}].id`, code: 'siting.duplicate_candidate_id' });
    ids.add(c.id);
    place(`candidates[${i}]`, c);
    number(`candidates[${i}].breakEven`, c.breakEven, 'siting.negative_break_even');
  });
  return problems;
}
