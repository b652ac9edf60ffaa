/**
 * What the counter calls, inside the transaction that marks a visitor's ticket served, for a higher
 * area to act on the service (the quality area invites the citizen to a survey). Returns the outbox
 * id of a message it queued, or null.
 */
import type { Tx } from '#server/db/transaction';
import type { AppContext } from '#server/platform/context';

export interface ServedTicket {
  id: number;
  officeId: number;
  citizenId: number | null;
  servedBy: number | null;
  serviceCode: string | null;
}

export type TicketServedHandler = (ctx: AppContext, tx: Tx, ticket: ServedTicket) => Promise<number | null>;
