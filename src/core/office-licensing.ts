/**
 * Office licensing rules: who may found an office, where an office may be, how its licence
 * number is formed, and which steps an application may take. Pure: no I/O, used by the server and
 * the web form alike.
 */

const DEGREE_LEVELS = ['diploma', 'associate', 'bachelor', 'master', 'doctorate'] as const;
const DEGREE_FIELDS = ['law', 'fiqh', 'judicial-sciences', 'other'] as const;
export type DegreeLevel = (typeof DEGREE_LEVELS)[number];
export type DegreeField = (typeof DEGREE_FIELDS)[number];

/** A founder needs at least a bachelor's degree… */
const QUALIFYING_LEVELS: readonly DegreeLevel[] = ['bachelor', 'master', 'doctorate'];
/** …in law, fiqh (Islamic jurisprudence) or judicial sciences. */
const QUALIFYING_FIELDS: readonly DegreeField[] = ['law', 'fiqh', 'judicial-sciences'];

export type QualificationProblem = 'degree_level_too_low' | 'degree_field_not_qualifying';

/** The founder's degree problems, empty when they qualify (both may apply at once). */
export function founderQualificationProblems(degree: {
  level: DegreeLevel;
  field: DegreeField;
}): QualificationProblem[] {
  const problems: QualificationProblem[] = [];
  if (!QUALIFYING_LEVELS.includes(degree.level)) problems.push('degree_level_too_low');
  if (!QUALIFYING_FIELDS.includes(degree.field)) problems.push('degree_field_not_qualifying');
  return problems;
}

export const isQualifiedFounder = (degree: { level: DegreeLevel; field: DegreeField }) =>
  founderQualificationProblems(degree).length === 0;

/** Iran's bounding box, roughly: a proposed location outside it is a typing mistake. */
const IRAN_BOUNDS = { latMin: 25, latMax: 40, lonMin: 44, lonMax: 63.5 } as const;

export function isInsideIran(p: { lat: number; lon: number }): boolean {
  return (
    p.lat >= IRAN_BOUNDS.latMin &&
    p.lat <= IRAN_BOUNDS.latMax &&
    p.lon >= IRAN_BOUNDS.lonMin &&
    p.lon <= IRAN_BOUNDS.lonMax
  );
}

/** Offices' licence numbers are a province series: `10 + provinceId`, then a three-digit sequence (Tehran: 11001, 11002 …). */
export const officeCodePrefix = (provinceId: number) => String(10 + provinceId);

/**
 * The next licence number of a province's series, given the codes already issued anywhere (codes
 * of other series are ignored). Beyond 999 the sequence simply grows a digit.
 */
export function nextOfficeCode(provinceId: number, existingCodes: readonly string[]): string {
  const prefix = officeCodePrefix(provinceId);
  let highest = 0;
  for (const code of existingCodes) {
    if (!code.startsWith(prefix)) continue;
    const rest = code.slice(prefix.length);
    if (rest.length < 3 || !/^\d+$/.test(rest)) continue;
    highest = Math.max(highest, Number(rest));
  }
  return prefix + String(highest + 1).padStart(3, '0');
}

const APPLICATION_STATUSES = [
  'submitted',
  'recommended',
  'not-recommended',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The association's review: only a submitted application, once. */
export function reviewOutcome(current: ApplicationStatus, recommend: boolean): ApplicationStatus | null {
  if (current !== 'submitted') return null;
  return recommend ? 'recommended' : 'not-recommended';
}

/** The regulator's decision: only after the association's review (whatever it recommended). */
export function decisionOutcome(current: ApplicationStatus, approve: boolean): ApplicationStatus | null {
  if (current !== 'recommended' && current !== 'not-recommended') return null;
  return approve ? 'approved' : 'rejected';
}
