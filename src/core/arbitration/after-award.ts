/**
 * What may follow an award once it reached the parties: the annulment request within its window
 * (Arts. 489–490) and the enforcement order after the window to comply (Art. 488). Pure: the
 * windows come from `awardWindows` (clocks.ts), counted from the latest delivery.
 *
 * Art. 489 lists the grounds on which an award is void and cannot be enforced; an annulment
 * request names at least one of them (Art. 490: «… ظرف بیست روز بعد از ابلاغ رأی داور، از دادگاهی که
 * دعوا را به داوری ارجاع نموده یا دادگاهی که صلاحیت رسیدگی به اصل دعوا را دارد درخواست ابطال رأی
 * داوری را بنمایند»).
 */
import type { AwardWindows } from './clocks';

/** The seven paragraphs of Art. 489, in the Code's order. */
export const ANNULMENT_GROUNDS = [
  /** 1. the award is contrary to the laws that create rights (قوانین موجد حق). */
  'contrary_to_law',
  /** 2. the arbitrator decided a matter that was not referred. */
  'beyond_subject',
  /** 3. the arbitrator went beyond their authority, on the referred matter only the excess is void. */
  'beyond_authority',
  /** 4. the award was given and delivered after the term expired. */
  'after_term',
  /** 5. the award contradicts what is registered in the land registry or a notarised deed between the parties. */
  'contrary_to_registered_deed',
  /** 6. arbitrators not permitted to decide gave it. */
  'unauthorized_arbitrators',
  /** 7. the arbitration agreement was invalid. */
  'agreement_invalid',
] as const;
export type AnnulmentGround = (typeof ANNULMENT_GROUNDS)[number];

export type WindowCheck = { ok: true } | { ok: false; reason: 'not_delivered' | 'closed' | 'not_yet_open' };

/**
 * Art. 490: an annulment request is in time up to and including the window's last day (the day of
 * notice and the day of the request not counted, Art. 445; a closed last day moved, Art. 444). No
 * window runs until the award has reached every party.
 */
export function annulmentInTime(windows: AwardWindows | null, today: string): WindowCheck {
  if (!windows) return { ok: false, reason: 'not_delivered' };
  return today <= windows.annulmentLastDay ? { ok: true } : { ok: false, reason: 'closed' };
}

/**
 * Art. 488: the court issues the enforcement order on the winning party's request once the losing
 * party has let the twenty days to comply pass — from the day after the window's last day.
 */
export function enforcementOpen(windows: AwardWindows | null, today: string): WindowCheck {
  if (!windows) return { ok: false, reason: 'not_delivered' };
  return today >= windows.enforcementFrom ? { ok: true } : { ok: false, reason: 'not_yet_open' };
}
