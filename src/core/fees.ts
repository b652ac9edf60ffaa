/**
 * The fee engine: quotes any catalog service from the tariff schedule in force on a day. Pure, so
 * the server, the web's live quote and the tariff simulator all compute the same figures.
 *
 * Rules (1403 schedule and the schedules before it): a filing's base fee covers two parties and
 * two attachment pages, together with the identity check, printing the draft, registration,
 * payment and dispatch; each further party or representative and each further page adds its line.
 */
import { assertRials } from './money';

/** The filing services (the catalog's filing codes), also offered by the web's filing wizard. */
export const FILING_SERVICES = [
  'petition',
  'complaint',
  'appeal',
  'objection',
  'legal-notice',
  'brief',
  'expert-opinion',
  'protest',
] as const;
export const EXTRA_PARTY_LINE = 'extra-party';
export const EXTRA_PAGE_LINE = 'extra-page';
export const INCLUDED_PARTIES = 2;
export const INCLUDED_PAGES = 2;
const MAX_PARTIES = 200;
const MAX_PAGES = 2_000;

export type Channel = 'office' | 'online';

/** A priced item; `onlineAmountRials` is the fee when the citizen does it online (absent or null: the office fee). */
export interface TariffLine {
  code: string;
  titleFa: string;
  titleEn: string;
  amountRials: number;
  onlineAmountRials?: number | null;
}

export interface TariffSchedule {
  id: number;
  code: string;
  titleFa: string;
  titleEn: string;
  /** ISO date the schedule takes effect. */
  effectiveFrom: string;
  /** Last ISO day in force for a schedule entered with a known end; absent or null: until superseded. */
  effectiveTo?: string | null;
  lines: TariffLine[];
}

export interface QuoteRequest {
  service: string;
  /** Everyone named on the filing: parties and representatives. */
  parties?: number;
  /** Attachment pages. */
  pages?: number;
  /** Where the service is done: at an office (default) or online by the citizen. */
  channel?: Channel;
}

interface QuoteLine {
  code: string;
  titleFa: string;
  titleEn: string;
  quantity: number;
  unitRials: number;
  amountRials: number;
}

export interface Quote {
  schedule: { id: number; code: string; titleFa: string; titleEn: string; effectiveFrom: string };
  service: string;
  lines: QuoteLine[];
  totalRials: number;
}

type QuoteProblem =
  | { kind: 'no_schedule_in_force' }
  | { kind: 'unknown_service'; service: string }
  | { kind: 'invalid_quantity'; field: 'parties' | 'pages' };

export type QuoteResult = { ok: true; quote: Quote } | { ok: false; problem: QuoteProblem };

/** A line's fee through a channel: online, its online fee when it has one, else the office fee. */
export function channelFee(line: Pick<TariffLine, 'amountRials' | 'onlineAmountRials'>, channel: Channel): number {
  return channel === 'online' ? (line.onlineAmountRials ?? line.amountRials) : line.amountRials;
}

export function isFilingService(service: string): boolean {
  return (FILING_SERVICES as readonly string[]).includes(service);
}

/**
 * The schedule in force on a day: the latest-starting one that has begun and not ended (schedules
 * given are the approved ones). A later start supersedes an open-ended schedule.
 */
export function scheduleInForce<S extends { effectiveFrom: string; effectiveTo?: string | null }>(
  schedules: readonly S[],
  isoDate: string,
): S | null {
  let best: S | null = null;
  for (const s of schedules) {
    if (
      s.effectiveFrom <= isoDate &&
      (s.effectiveTo == null || isoDate <= s.effectiveTo) &&
      (!best || s.effectiveFrom > best.effectiveFrom)
    )
      best = s;
  }
  return best;
}

function validCount(value: number | undefined, max: number): boolean {
  return value === undefined || (Number.isInteger(value) && value >= 0 && value <= max);
}

export function quoteService(schedule: TariffSchedule | null, request: QuoteRequest): QuoteResult {
  if (!schedule) return { ok: false, problem: { kind: 'no_schedule_in_force' } };
  if (!validCount(request.parties, MAX_PARTIES))
    return { ok: false, problem: { kind: 'invalid_quantity', field: 'parties' } };
  if (!validCount(request.pages, MAX_PAGES))
    return { ok: false, problem: { kind: 'invalid_quantity', field: 'pages' } };
  const byCode = new Map(schedule.lines.map((l) => [l.code, l]));
  const base = byCode.get(request.service);
  if (!base) return { ok: false, problem: { kind: 'unknown_service', service: request.service } };

  const lines: QuoteLine[] = [line({ ...base, amountRials: channelFee(base, request.channel ?? 'office') }, 1)];
  if (isFilingService(request.service)) {
    const extraParties = Math.max(0, (request.parties ?? INCLUDED_PARTIES) - INCLUDED_PARTIES);
    const extraPages = Math.max(0, (request.pages ?? 0) - INCLUDED_PAGES);
    const partyLine = byCode.get(EXTRA_PARTY_LINE);
    const pageLine = byCode.get(EXTRA_PAGE_LINE);
    if (extraParties > 0 && partyLine) lines.push(line(partyLine, extraParties));
    if (extraPages > 0 && pageLine) lines.push(line(pageLine, extraPages));
  }
  const totalRials = assertRials(lines.reduce((sum, l) => sum + l.amountRials, 0));
  const { id, code, titleFa, titleEn, effectiveFrom } = schedule;
  return {
    ok: true,
    quote: { schedule: { id, code, titleFa, titleEn, effectiveFrom }, service: request.service, lines, totalRials },
  };
}

function line(tariff: TariffLine, quantity: number): QuoteLine {
  return {
    code: tariff.code,
    titleFa: tariff.titleFa,
    titleEn: tariff.titleEn,
    quantity,
    unitRials: tariff.amountRials,
    amountRials: assertRials(tariff.amountRials * quantity),
  };
}

/** Parties and pages a quote charges beyond what the base fee covers: what the simulator reprices. */
export function extrasOf(quote: Pick<Quote, 'lines'>): { extraParties: number; extraPages: number } {
  const quantity = (code: string) => quote.lines.find((l) => l.code === code)?.quantity ?? 0;
  return { extraParties: quantity(EXTRA_PARTY_LINE), extraPages: quantity(EXTRA_PAGE_LINE) };
}
