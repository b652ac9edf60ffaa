/**
 * Who and what may go to arbitration.
 *
 * - Art. 454: persons with capacity to sue («کلیه اشخاصی که اهلیت اقامه دعوا دارند») may refer a
 *   dispute to arbitration. For a natural person the Code's capacity in property matters is being
 *   of age: the 1313 Act on the majority of contracting parties (قانون راجع به رشد متعاملین) holds
 *   everyone under eighteen full solar years not of age before courts and offices, and «مناط تشخیص
 *   سن اشخاص اوراق هویت آنهاست» — the age is read off the identity record.
 * - Art. 496: «دعاوی زیر قابل ارجاع به داوری نیست: ۱) دعوای ورشکستگی ۲) دعاوی راجع به اصل نکاح،
 *   فسخ آن، طلاق و نسب». Money claims between spouses (a dower, maintenance) are not among them.
 */
import { isoToJalali } from '../jalali';

/** Subjects of an arbitration, as the agreement names them. */
export const ARBITRATION_SUBJECTS = [
  'contract', // performance, breach or termination of a contract
  'sale', // a sale of goods or property
  'lease', // a lease
  'construction', // building and construction works
  'partnership', // a partnership or company between the parties
  'commercial_paper', // cheques, promissory notes, bills
  'damages', // compensation for loss
  'estate_division', // dividing an estate among heirs
  'dower', // a wife's dower (مهریه) or maintenance: a money claim
  'bankruptcy', // Art. 496 (1)
  'marriage_validity', // Art. 496 (2): the marriage itself or its annulment
  'divorce', // Art. 496 (2)
  'parentage', // Art. 496 (2)
  'other',
] as const;
export type ArbitrationSubject = (typeof ARBITRATION_SUBJECTS)[number];

/** Art. 496: subjects no agreement may send to arbitration. */
export const EXCLUDED_SUBJECTS: readonly ArbitrationSubject[] = [
  'bankruptcy',
  'marriage_validity',
  'divorce',
  'parentage',
];

export function subjectExcluded(subject: ArbitrationSubject): boolean {
  return EXCLUDED_SUBJECTS.includes(subject);
}

/** The age of majority in full solar years (the 1313 Act). */
const AGE_OF_MAJORITY = 18;

/** Full solar (Jalali) years from `birthDate` to `today` (ISO days): the birthday itself completes a year. */
export function solarAge(birthDate: string, today: string): number {
  const b = isoToJalali(birthDate);
  const t = isoToJalali(today);
  const beforeBirthday = t.jm < b.jm || (t.jm === b.jm && t.jd < b.jd);
  return t.jy - b.jy - (beforeBirthday ? 1 : 0);
}

export type CapacityProblem = 'minor' | 'capacity_unattested';

/**
 * A party's capacity to agree to arbitration: refused as a minor when the registry's birth date
 * says so; without a birth date, only on an office's attestation after an ID check.
 */
export function capacityProblem(
  party: { birthDate: string | null; capacityAttested: boolean },
  today: string,
): CapacityProblem | null {
  if (party.birthDate) return solarAge(party.birthDate, today) < AGE_OF_MAJORITY ? 'minor' : null;
  return party.capacityAttested ? null : 'capacity_unattested';
}
