/**
 * What the counter calls, inside the transaction that marks a visitor's ticket served, for a higher
 * area to act on the service (the quality area invites the citizen to a survey). Returns the outbox
 * id of a message it queued, or null.
 */
import type { Tx } from '#server/db/transaction';

export interface ServedTicket {
  id: number;
  officeId: number;
  citizenId: number | null;
  servedBy: number | null;
  serviceCode: string | null;
}

/** When it was served (the server's clock) and where citizens reach the web app, for links in a message. */
export interface ServedAt {
  now: Date;
  publicUrl: string;
}

export type TicketServedHandler = (tx: Tx, ticket: ServedTicket, at: ServedAt) => Promise<number | null>;
