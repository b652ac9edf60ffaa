/**
 * Employment rules without I/O: when contracts and insurance periods are in force, which new
 * contract is refused because of another, and the workforce statistics of an office or a
 * province. Days are ISO dates (YYYY-MM-DD), which compare correctly as strings.
 */
import { addDaysIso } from './jalali';

export const CONTRACT_TYPES = ['permanent', 'fixed-term', 'probation', 'hourly'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** A monthly wage above this is a typing mistake, not a wage (10 billion rials). */
export const MAX_MONTHLY_WAGE_RIALS = 10_000_000_000;
/** Alerts look this many days ahead (contracts ending soon, licences expiring). */
export const ALERT_HORIZON_DAYS = 30;
/** Turnover is measured over this many days back from the day. */
export const TURNOVER_WINDOW_DAYS = 365;

/** A period from `startsOn` through `endsOn` inclusive; a null end runs on. */
export interface Period {
  startsOn: string;
  endsOn: string | null;
}

export function periodsOverlap(a: Period, b: Period): boolean {
  return (a.endsOn === null || b.startsOn <= a.endsOn) && (b.endsOn === null || a.startsOn <= b.endsOn);
}

export function covers(p: Period, day: string): boolean {
  return p.startsOn <= day && (p.endsOn === null || p.endsOn >= day);
}

export interface ContractTerms {
  officeId: number;
  fullTime: boolean;
  startsOn: string;
  endsOn: string | null;
  terminatedOn?: string | null;
}

/** The last day a contract binds: an early termination wins over the agreed end. */
export function contractEnd(c: Pick<ContractTerms, 'endsOn' | 'terminatedOn'>): string | null {
  return c.terminatedOn ?? c.endsOn;
}

const contractPeriod = (c: ContractTerms): Period => ({ startsOn: c.startsOn, endsOn: contractEnd(c) });

export type ContractConflict = 'contract_overlap' | 'employed_full_time_elsewhere';

/**
 * Why a new contract may not be made beside the person's existing ones (matched by account and by
 * national ID): another contract at the same office in the same period, or a contract at another
 * office in the same period where either of the two is full-time. Null when nothing stands in the way.
 */
export function contractConflict(
  existing: readonly ContractTerms[],
  candidate: ContractTerms,
): ContractConflict | null {
  const overlapping = existing.filter((c) => periodsOverlap(contractPeriod(c), contractPeriod(candidate)));
  if (overlapping.some((c) => c.officeId === candidate.officeId)) return 'contract_overlap';
  if (overlapping.some((c) => c.fullTime || candidate.fullTime)) return 'employed_full_time_elsewhere';
  return null;
}

export interface StatsContract extends ContractTerms {
  userId: number;
  type: ContractType;
  monthlyWageRials: number;
}
export interface StatsInsurance extends Period {
  userId: number;
  officeId: number;
}

export interface WorkforceStats {
  /** People with a contract in force on the day. */
  headcount: number;
  /** Of those, people with insurance from this office (or these offices) covering the day. */
  insured: number;
  /** insured ÷ headcount, null without staff. */
  coverageRate: number | null;
  /** Contracts in force by type. */
  contractTypes: Record<ContractType, number>;
  /** Full-time contracts ÷ contracts in force, null without contracts. */
  fullTimeShare: number | null;
  /** Mean monthly wage of the contracts in force, rounded to the rial; null without contracts. */
  averageWageRials: number | null;
  /** Contracts that ended (or were terminated) within the window. */
  leavers: number;
  /** leavers ÷ the average of the headcount at the window's start and on the day; null when both are zero. */
  turnover: number | null;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

function headcountOn(contracts: readonly StatsContract[], day: string): number {
  return new Set(contracts.filter((c) => covers(contractPeriod(c), day)).map((c) => c.userId)).size;
}

/**
 * The statistics of one group of contracts and insurance periods (one office's, or all of a
 * province's) on `day`. Turnover looks back TURNOVER_WINDOW_DAYS: a contract counts as a leaver
 * when its end falls after the window's first day and on or before `day`.
 */
export function workforceStats(
  contracts: readonly StatsContract[],
  insurance: readonly StatsInsurance[],
  day: string,
): WorkforceStats {
  const inForce = contracts.filter((c) => covers(contractPeriod(c), day));
  const staff = new Set(inForce.map((c) => c.userId));
  // Insured means covered by the office that employs the person, not by any office.
  const insuredPeople = new Set(
    inForce
      .filter((c) => insurance.some((i) => i.userId === c.userId && i.officeId === c.officeId && covers(i, day)))
      .map((c) => c.userId),
  );
  const contractTypes = Object.fromEntries(
    CONTRACT_TYPES.map((t) => [t, inForce.filter((c) => c.type === t).length]),
  ) as Record<ContractType, number>;
  const windowStart = addDaysIso(day, -TURNOVER_WINDOW_DAYS);
  const leavers = contracts.filter((c) => {
    const end = contractEnd(c);
    return end !== null && end > windowStart && end <= day;
  }).length;
  const averageHeadcount = (headcountOn(contracts, windowStart) + staff.size) / 2;
  return {
    headcount: staff.size,
    insured: insuredPeople.size,
    coverageRate: staff.size ? round4(insuredPeople.size / staff.size) : null,
    contractTypes,
    fullTimeShare: inForce.length ? round4(inForce.filter((c) => c.fullTime).length / inForce.length) : null,
    averageWageRials: inForce.length
      ? Math.round(inForce.reduce((sum, c) => sum + c.monthlyWageRials, 0) / inForce.length)
      : null,
    leavers,
    turnover: averageHeadcount ? round4(leavers / averageHeadcount) : null,
  };
}

/** Groups rows by a key, keeping the first-seen order. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export const ALERT_KINDS = [
  'insurance-lapsed',
  'contract-ending',
  'contract-ended-role-held',
  'licence-expiring',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * The key that names an alert once: its kind, the record it concerns and the date it is about
 * (the contract's or licence's end; for lapsed insurance, the contract — a new lapse under a new
 * contract is a new alert).
 */
export function alertKey(kind: AlertKind, recordId: number, aboutDay: string | null): string {
  return `${kind}:${recordId}:${aboutDay ?? '-'}`;
}
