/**
 * Service of a court's papers by the court's bailiff (مأمور ابلاغ), for a party without a judicial
 * e-account, under the Civil Procedure Code 1379:
 * - Art. 68: the bailiff hands the papers to the party in person and takes a receipt on the other
 *   copy — actual service (ابلاغ واقعی);
 * - Art. 69: failing that, to one of the party's relatives or servants at the given address whose
 *   age and apparent state let them grasp the papers' importance, writing that person's name and
 *   relation on the second copy — legal service (ابلاغ قانونی);
 * - Art. 70: when neither the party nor such a person is there, or they refuse the papers, the
 *   bailiff notes it on the copies and posts the second copy at the address (الصاق) — legal service.
 * Publication in a newspaper (Art. 73) is ordered by the court and is not recorded here.
 *
 * The time limits that run from a notice (Arts. 443–445) run from the day of service, whatever its
 * manner: the bailiff's date is the notice's date.
 */
import { countFreeLimit, type FreeLimitCount } from './deadlines';
import type { ClosedDays } from './holiday-calendar';

export const PAPER_SERVICE_MANNERS = ['personal', 'residence', 'posting'] as const;
export type PaperServiceManner = (typeof PAPER_SERVICE_MANNERS)[number];

export type ServiceKind = 'actual' | 'legal';

/** Each manner's article and whether the service is actual or legal. */
export const PAPER_SERVICE_LAW: Record<PaperServiceManner, { article: number; kind: ServiceKind }> = {
  personal: { article: 68, kind: 'actual' },
  residence: { article: 69, kind: 'legal' },
  posting: { article: 70, kind: 'legal' },
};

/** Art. 69: the name and relation of the person who took the papers are written on the copy. */
export function needsRecipient(manner: PaperServiceManner): boolean {
  return manner === 'residence';
}

/** The count of a free limit of `days` from a service by the bailiff on `servedOn` (ISO, Tehran). */
export function countFromPaperService(servedOn: string, days: number, calendar: ClosedDays): FreeLimitCount {
  return countFreeLimit(servedOn, days, calendar);
}
